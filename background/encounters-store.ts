// Which glossary terms the reader met on which pages.

import { ENCOUNTER_RETENTION_MS, MAX_ENCOUNTERS } from '../lib/notes/limits';
import type { Encounter, TermCount } from '../lib/notes/types';
import { normalizePageUrl, siteOf } from '../lib/notes/url';
import type { EncounterFilter } from '../lib/protocol/messages';
import { StoreError } from './context';
import type { StoreContext } from './context';
import type { TifaDb } from './db';

export interface Retention {
  maxRows: number;
  maxAgeMs: number;
}

const RETENTION: Retention = { maxRows: MAX_ENCOUNTERS, maxAgeMs: ENCOUNTER_RETENTION_MS };

/**
 * Records a page scan: one row per (entry, page), its first and last sighting and the count of the
 * last scan, so scanning a page again never adds rows (the router lets through only entries of
 * the glossary). The oldest rows go, in the same transaction, once the history is past its age or
 * its size: a page that keeps changing its address cannot grow it without end.
 */
export async function recordEncounters(
  ctx: StoreContext,
  pageUrl: string,
  title: string,
  terms: readonly TermCount[],
  retention: Retention = RETENTION,
): Promise<number> {
  const url = normalizePageUrl(pageUrl);
  if (!url) throw new StoreError(`Not a page URL: ${pageUrl.slice(0, 200)}`);
  if (terms.length === 0) return 0;
  const { db } = ctx;
  const now = ctx.now();
  const site = siteOf(url);
  await db.transaction('rw', db.encounters, async () => {
    const existing = await db.encounters.bulkGet(terms.map((t): [string, string] => [t.entryId, url]));
    const rows = terms.map((t, i): Encounter => {
      const prior = existing[i];
      return {
        entryId: t.entryId,
        url,
        site,
        title: title || prior?.title || '',
        firstSeen: prior ? Math.min(prior.firstSeen, now) : now,
        lastSeen: prior ? Math.max(prior.lastSeen, now) : now,
        count: t.count,
      };
    });
    await db.encounters.bulkPut(rows);
    await prune(db, now, retention);
  });
  return terms.length;
}

/** Drops the rows past the retention age, then the least recently seen past the row limit. */
async function prune(db: TifaDb, now: number, { maxRows, maxAgeMs }: Retention): Promise<void> {
  await db.encounters
    .where('lastSeen')
    .below(now - maxAgeMs)
    .delete();
  const excess = (await db.encounters.count()) - maxRows;
  if (excess <= 0) return;
  const oldest = await db.encounters.orderBy('lastSeen').limit(excess).primaryKeys();
  await db.encounters.bulkDelete(oldest);
}

/** Forgets the whole reading history; the notes stay. The number of rows removed. */
export async function clearEncounters(ctx: StoreContext): Promise<number> {
  const { db } = ctx;
  return db.transaction('rw', db.encounters, async () => {
    const removed = await db.encounters.count();
    await db.encounters.clear();
    return removed;
  });
}

/** Encounters matching every condition, most recently seen first. */
export async function listEncounters(ctx: StoreContext, filter: EncounterFilter = {}): Promise<Encounter[]> {
  const { db } = ctx;
  let url: string | undefined;
  if (filter.url !== undefined) {
    const normalized = normalizePageUrl(filter.url);
    if (!normalized) throw new StoreError(`Not a page URL: ${filter.url.slice(0, 200)}`);
    url = normalized;
  }
  const collection =
    url !== undefined
      ? db.encounters.where('url').equals(url)
      : filter.entryId !== undefined
        ? db.encounters.where('entryId').equals(filter.entryId)
        : filter.site !== undefined
          ? db.encounters.where('site').equals(filter.site)
          : db.encounters.toCollection();
  const rows = await collection
    .filter(
      (e) =>
        (url === undefined || e.url === url) &&
        (filter.entryId === undefined || e.entryId === filter.entryId) &&
        (filter.site === undefined || e.site === filter.site),
    )
    .toArray();
  rows.sort((a, b) => b.lastSeen - a.lastSeen || (a.url < b.url ? -1 : a.url > b.url ? 1 : a.entryId < b.entryId ? -1 : 1));
  return filter.limit !== undefined ? rows.slice(0, filter.limit) : rows;
}
