import { getDb } from './db';
import type { TifaDb } from './db';

/** What the stores work with; tests pass their own database, clock and ids. */
export interface StoreContext {
  db: TifaDb;
  now(): number;
  newId(): string;
}

export function defaultContext(db: TifaDb = getDb()): StoreContext {
  return { db, now: () => Date.now(), newId: () => crypto.randomUUID() };
}

/** An error whose message is meant for the reader (a missing note, a bad file), not a bug. */
export class StoreError extends Error {
  override name = 'StoreError';
}
