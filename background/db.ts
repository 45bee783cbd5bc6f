// The one database of the extension, in the extension's origin: the background service worker
// writes to it and extension pages (the popup) may read it directly, e.g. with Dexie's liveQuery;
// content scripts reach it only through messages.

import Dexie from 'dexie';
import type { DexieOptions, Table } from 'dexie';
import type { Encounter, Note, TrashedNote } from '../lib/notes/types';
import { upgradeToV2, upgradeToV3 } from './migrations';
import type { QuarantinedRow } from './migrations';

export const DB_NAME = 'tifa-lens';

/** Version 1, as first shipped: notes and the terms met on pages. Kept to upgrade from. */
export const SCHEMA_V1 = {
  notes: 'id, url, createdAt, updatedAt, ref.entryId',
  encounters: '[entryId+url], entryId, url, lastSeen',
};

/** Version 2: notes and encounters by site, notes by tag (multi-entry), and a trash for undo. */
export const SCHEMA_V2 = {
  notes: 'id, url, site, createdAt, updatedAt, ref.entryId, *tags',
  encounters: '[entryId+url], entryId, url, site, lastSeen',
  trash: 'id, deletedAt',
};

/**
 * Version 3: the same tables, every row repaired to the current schema; rows that cannot be
 * (and the originals of lossy repairs) wait in `quarantine`, so nothing stored is lost.
 */
export const SCHEMA_V3 = { ...SCHEMA_V2, quarantine: 'id, table' };

export class TifaDb extends Dexie {
  declare notes: Table<Note, string>;
  declare encounters: Table<Encounter, [string, string]>;
  declare trash: Table<TrashedNote, string>;
  declare quarantine: Table<QuarantinedRow, string>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);
  }
}

let shared: TifaDb | null = null;

/** The database of this extension context (service worker or extension page); opened on first use. */
export function getDb(): TifaDb {
  shared ??= new TifaDb();
  return shared;
}
