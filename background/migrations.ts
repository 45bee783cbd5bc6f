// Schema upgrades. An upgrade rewrites rows in place and never drops one: a row it cannot make
// sense of is kept as it is.

import type { Transaction } from 'dexie';
import { normalizeTag } from '../lib/notes/tags';
import { siteOf } from '../lib/notes/url';

function tagsOf(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const out: string[] = [];
  for (const t of raw) {
    if (typeof t !== 'string') continue;
    const tag = normalizeTag(t);
    if (tag !== '' && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/** v1 → v2: notes and encounters get their `site`; notes always have a (normalized) tag list. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('notes')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      row.site = typeof row.url === 'string' ? siteOf(row.url) : '';
      row.tags = tagsOf(row.tags);
      if (typeof row.updatedAt !== 'number' && typeof row.createdAt === 'number') row.updatedAt = row.createdAt;
    });
  await tx
    .table('encounters')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      row.site = typeof row.url === 'string' ? siteOf(row.url) : '';
    });
}
