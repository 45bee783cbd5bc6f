// Repairs of stored rows to the current schema (the v3 upgrade). Only what the reader never wrote
// is changed (derived fields, page titles, context around a quote, times out of order); a row
// whose own text or ids do not validate is not guessed at but set aside, whole, in quarantine.

import { MAX_CONTEXT, MAX_TITLE } from '../lib/notes/limits';
import { encounter, note } from '../lib/notes/schema';
import type { Encounter, Note } from '../lib/notes/types';
import { isPlainObject } from '../lib/protocol/guards';
import { normalizePageUrl, siteOf } from '../lib/notes/url';

export type Repaired<T> = { ok: true; row: T; changed: string[] } | { ok: false; problem: string };

const NOTE_FIELDS = ['id', 'url', 'title', 'site', 'ref', 'selectors', 'body', 'tags', 'createdAt', 'updatedAt'];
const ENCOUNTER_FIELDS = ['entryId', 'url', 'site', 'title', 'firstSeen', 'lastSeen', 'count'];

const time = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : null);

/** The fields today's schema does not know; the caller keeps the original row when there are any. */
function extras(row: Record<string, unknown>, known: readonly string[], changed: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (known.includes(k)) out[k] = v;
    else changed.push(`unknown field ${k} dropped`);
  }
  return out;
}

function title(row: Record<string, unknown>, changed: string[]): string {
  if (typeof row.title !== 'string') {
    if (row.title !== undefined) changed.push('title');
    return '';
  }
  if (row.title.length <= MAX_TITLE) return row.title;
  changed.push('title shortened');
  return row.title.slice(0, MAX_TITLE);
}

/** A note row as an older version stored it, made a valid Note, or why it cannot be. */
export function repairNote(raw: unknown): Repaired<Note> {
  if (!isPlainObject(raw)) return { ok: false, problem: 'not an object' };
  const changed: string[] = [];
  const row = extras(raw, NOTE_FIELDS, changed);
  const url = typeof row.url === 'string' ? normalizePageUrl(row.url) : null;
  if (url === null) return { ok: false, problem: 'url: not a page URL' };
  const createdAt = time(row.createdAt) ?? time(row.updatedAt);
  if (createdAt === null) return { ok: false, problem: 'createdAt: not a time' };
  const updatedAt = Math.max(createdAt, time(row.updatedAt) ?? createdAt);
  let selectors = row.selectors ?? null;
  if (isPlainObject(selectors) && isPlainObject(selectors.quote)) {
    const q = selectors.quote;
    // Context is what surrounded the quote on the page, not the reader's words: it may be trimmed.
    if (typeof q.prefix === 'string' && q.prefix.length > MAX_CONTEXT) {
      selectors = { ...selectors, quote: { ...q, prefix: q.prefix.slice(-MAX_CONTEXT) } };
      changed.push('quote prefix shortened');
    }
    const q2 = isPlainObject(selectors) && isPlainObject(selectors.quote) ? selectors.quote : q;
    if (typeof q2.suffix === 'string' && q2.suffix.length > MAX_CONTEXT && isPlainObject(selectors)) {
      selectors = { ...selectors, quote: { ...q2, suffix: q2.suffix.slice(0, MAX_CONTEXT) } };
      changed.push('quote suffix shortened');
    }
  }
  const candidate = {
    ...row,
    url,
    title: title(row, changed),
    site: siteOf(url),
    ref: row.ref ?? null,
    selectors,
    body: row.body ?? '',
    tags: Array.isArray(row.tags) ? row.tags.filter((t) => typeof t === 'string') : [],
    createdAt,
    updatedAt,
  };
  const r = note(candidate, '');
  return r.ok ? { ok: true, row: r.value, changed } : { ok: false, problem: r.error };
}

/** An encounter row made valid; its URL (part of its key) may come out normalized. */
export function repairEncounter(raw: unknown): Repaired<Encounter> {
  if (!isPlainObject(raw)) return { ok: false, problem: 'not an object' };
  const changed: string[] = [];
  const row = extras(raw, ENCOUNTER_FIELDS, changed);
  const url = typeof row.url === 'string' ? normalizePageUrl(row.url) : null;
  if (url === null) return { ok: false, problem: 'url: not a page URL' };
  const firstSeen = time(row.firstSeen) ?? time(row.lastSeen);
  if (firstSeen === null) return { ok: false, problem: 'firstSeen: not a time' };
  const candidate = {
    ...row,
    url,
    site: siteOf(url),
    title: title(row, changed),
    firstSeen,
    lastSeen: Math.max(firstSeen, time(row.lastSeen) ?? firstSeen),
    count: typeof row.count === 'number' && Number.isFinite(row.count) ? Math.max(0, Math.floor(row.count)) : 0,
  };
  const r = encounter(candidate, '');
  return r.ok ? { ok: true, row: r.value, changed } : { ok: false, problem: r.error };
}
