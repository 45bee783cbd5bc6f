// Schema upgrades. An upgrade rewrites rows in place and never loses one: up to v2 a row it cannot
// make sense of is kept as it is; from v3 it is moved, whole, to the quarantine table.

import type { Transaction } from 'dexie';
import { mergeEncounter } from '../lib/notes/import';
import { normalizeTag } from '../lib/notes/tags';
import type { Encounter } from '../lib/notes/types';
import { isPlainObject } from '../lib/protocol/guards';
import { siteOf } from '../lib/notes/url';
import { repairEncounter, repairNote } from './repair';

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

/** A row set aside by an upgrade: moved out of its table, or the original of a row repaired with a loss. */
export interface QuarantinedRow {
  /** `<table>:<key of the row>`. */
  id: string;
  table: 'notes' | 'encounters' | 'trash';
  /** `moved`: the row is no longer in its table; `original`: the table holds its repaired version. */
  kind: 'moved' | 'original';
  problem: string;
  row: unknown;
  at: number;
}

const keyOf = (row: unknown, fields: readonly string[]): string =>
  JSON.stringify(fields.map((f) => (typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[f] : undefined))) ?? '';

/**
 * v2 → v3: every note, encounter and trashed note is repaired to the current schema (so that a
 * backup of the database always imports), or moved to `quarantine` with the reason, untouched.
 * Nothing is deleted: a repair that had to drop or shorten something keeps the original there too.
 */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const quarantine = tx.table('quarantine');
  const at = Date.now();
  const setAside: QuarantinedRow[] = [];

  const notes = tx.table('notes');
  const badNotes: string[] = [];
  await notes.toCollection().modify((row: Record<string, unknown>, ref: { value: unknown }) => {
    const r = repairNote(row);
    const id = `notes:${keyOf(row, ['id'])}`;
    if (!r.ok) {
      setAside.push({ id, table: 'notes', kind: 'moved', problem: r.problem, row: { ...row }, at });
      badNotes.push(String(row.id));
      return;
    }
    if (r.changed.length > 0) setAside.push({ id, table: 'notes', kind: 'original', problem: r.changed.join('; '), row: { ...row }, at });
    ref.value = r.row;
  });
  if (badNotes.length > 0) await notes.bulkDelete(badNotes);

  const trash = tx.table('trash');
  await trash.toCollection().modify((row: Record<string, unknown>, ref: { value: unknown }) => {
    const r = repairNote(row.note);
    const id = `trash:${keyOf(row, ['id'])}`;
    if (!r.ok || typeof row.deletedAt !== 'number' || row.id !== r.row.id) {
      setAside.push({ id, table: 'trash', kind: 'moved', problem: r.ok ? 'id or deletedAt' : r.problem, row: { ...row }, at });
      // Dexie deletes a row whose value is set to undefined in modify().
      delete ref.value;
      return;
    }
    if (r.changed.length > 0) setAside.push({ id, table: 'trash', kind: 'original', problem: r.changed.join('; '), row: { ...row }, at });
    ref.value = { id: row.id, deletedAt: row.deletedAt, note: r.row };
  });

  // An encounter's URL is part of its key: a row whose URL now normalizes otherwise is re-keyed
  // (and merged with a row already there).
  const encounters = tx.table('encounters');
  const rows: unknown[] = await encounters.toArray();
  const keep = new Map<string, Encounter>();
  const drop: [unknown, unknown][] = [];
  for (const row of rows) {
    const r = repairEncounter(row);
    const id = `encounters:${keyOf(row, ['entryId', 'url'])}`;
    const old = isPlainObject(row) ? row : {};
    const oldKey: [unknown, unknown] = [old.entryId, old.url];
    if (!r.ok) {
      setAside.push({ id, table: 'encounters', kind: 'moved', problem: r.problem, row, at });
      drop.push(oldKey);
      continue;
    }
    if (r.changed.length > 0) setAside.push({ id, table: 'encounters', kind: 'original', problem: r.changed.join('; '), row, at });
    if (r.row.url !== old.url) drop.push(oldKey);
    const key = `${r.row.entryId}\u0000${r.row.url}`;
    const prior = keep.get(key);
    keep.set(key, prior ? mergeEncounter(prior, r.row) : r.row);
  }
  if (drop.length > 0) await encounters.bulkDelete(drop);
  await encounters.bulkPut([...keep.values()]);
  if (setAside.length > 0) await quarantine.bulkPut(setAside);
}
