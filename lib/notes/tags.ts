import { MAX_TAG_LENGTH, MAX_TAGS } from './limits';

/** One tag as stored: NFC, no leading `#`, single spaces, lowercase; '' when nothing is left. */
export function normalizeTag(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/^[\s#＃]+/u, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

export type TagsResult = { ok: true; tags: string[] } | { ok: false; error: string };

/** Normalized, empty ones dropped, duplicates dropped (first kept), then the limits checked. */
export function normalizeTags(raw: readonly string[]): TagsResult {
  const tags: string[] = [];
  for (const t of raw) {
    const tag = normalizeTag(t);
    if (tag === '' || tags.includes(tag)) continue;
    if ([...tag].length > MAX_TAG_LENGTH) return { ok: false, error: `tag "${tag.slice(0, 20)}…" is longer than ${MAX_TAG_LENGTH} characters` };
    tags.push(tag);
  }
  if (tags.length > MAX_TAGS) return { ok: false, error: `more than ${MAX_TAGS} tags (${tags.length})` };
  return { ok: true, tags };
}
