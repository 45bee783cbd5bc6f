// The popup's live views of the database, which it shares with the background (same origin):
// Dexie's liveQuery re-runs a query whenever the background writes to its tables.

import { liveQuery } from 'dexie';
import type { TifaDb } from '../../background/db';
import type { EncounterStats } from '../../components/popup/types';
import { note } from '../../lib/notes/schema';
import type { Encounter, Note } from '../../lib/notes/types';

/**
 * The rows the popup can show. A row that is no valid note (one written before an upgrade
 * repaired it, or by a buggy version) is left out rather than crash the popup.
 */
export function shownNotes(rows: readonly unknown[]): Note[] {
  const out: Note[] = [];
  for (const row of rows) {
    const r = note(row, '');
    if (r.ok) out.push(r.value);
  }
  return out;
}

/** Per entry: the pages it was met on and its occurrences on them (at each page's last scan). */
export function encounterStats(encounters: readonly Pick<Encounter, 'entryId' | 'count'>[]): EncounterStats {
  const stats = new Map<string, { pages: number; count: number }>();
  for (const e of encounters) {
    // Rows are read as stored: skip one without the shape rather than count NaN.
    if (typeof e.entryId !== 'string' || typeof e.count !== 'number' || !Number.isFinite(e.count)) continue;
    const s = stats.get(e.entryId);
    if (s) {
      s.pages += 1;
      s.count += e.count;
    } else stats.set(e.entryId, { pages: 1, count: e.count });
  }
  return stats;
}

export interface LiveHandlers {
  notes(notes: Note[]): void;
  met(stats: EncounterStats): void;
  error(message: string): void;
}

/** Subscribes to every note and every encounter; returns the unsubscribe. */
export function watchDatabase(db: TifaDb, on: LiveHandlers): () => void {
  const report = (error: unknown): void => on.error(error instanceof Error ? error.message : String(error));
  const notes = liveQuery(async () => shownNotes(await db.notes.toArray())).subscribe({ next: on.notes, error: report });
  const met = liveQuery(async () => encounterStats(await db.encounters.toArray())).subscribe({ next: on.met, error: report });
  return () => {
    notes.unsubscribe();
    met.unsubscribe();
  };
}
