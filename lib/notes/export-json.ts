import { BACKUP_FORMAT, BACKUP_VERSION } from './types';
import type { Backup, Encounter, Note } from './types';

const byCreation = (a: Note, b: Note): number => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byPageThenEntry = (a: Encounter, b: Encounter): number =>
  a.url < b.url ? -1 : a.url > b.url ? 1 : a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0;

/** Everything the reader made, in a stable order (so two exports of the same data are equal). */
export function buildBackup(notes: readonly Note[], encounters: readonly Encounter[], exportedAt: Date): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: exportedAt.toISOString(),
    notes: [...notes].sort(byCreation),
    encounters: [...encounters].sort(byPageThenEntry),
  };
}

export function exportJson(notes: readonly Note[], encounters: readonly Encounter[], exportedAt: Date): string {
  return `${JSON.stringify(buildBackup(notes, encounters, exportedAt), null, 2)}\n`;
}
