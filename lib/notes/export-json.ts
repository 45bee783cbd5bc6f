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

/** Characters gathered before they become one part of the file. */
const PART_LENGTH = 1 << 20;

/**
 * Writes a backup file row by row, as parts of a Blob: a database of any size is saved without
 * ever being one string. One row per line, notes first; the result is the JSON of a `Backup`.
 */
export class BackupWriter {
  private readonly parts: string[] = [];
  private pending: string[] = [];
  private pendingLength = 0;
  private section: 'notes' | 'encounters' | 'done' = 'notes';
  private rowsInSection = 0;
  private written = 0;

  constructor(exportedAt: Date) {
    const head = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: exportedAt.toISOString() };
    const fields = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},\n`);
    this.write(`{\n${fields.join('')}  "notes": [`);
  }

  note(note: Note): void {
    if (this.section !== 'notes') throw new Error('BackupWriter: notes come before encounters');
    this.row(note);
  }

  encounter(encounter: Encounter): void {
    if (this.section === 'notes') this.endSection('encounters');
    if (this.section !== 'encounters') throw new Error('BackupWriter: already finished');
    this.row(encounter);
  }

  /** The file's parts, in order; the writer takes no more rows. */
  finish(): string[] {
    if (this.section === 'notes') this.endSection('encounters');
    if (this.section === 'encounters') {
      this.write(this.rowsInSection > 0 ? '\n  ]\n}\n' : ']\n}\n');
      this.section = 'done';
      this.flush();
    }
    return this.parts;
  }

  /** UTF-16 length written so far (a lower bound of the UTF-8 size). */
  get length(): number {
    return this.written;
  }

  private endSection(next: 'encounters'): void {
    this.write(`${this.rowsInSection > 0 ? '\n  ' : ''}],\n  "${next}": [`);
    this.section = next;
    this.rowsInSection = 0;
  }

  private row(row: Note | Encounter): void {
    this.write(`${this.rowsInSection > 0 ? ',' : ''}\n    ${JSON.stringify(row)}`);
    this.rowsInSection++;
  }

  private write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    this.written += text.length;
    if (this.pendingLength >= PART_LENGTH) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.parts.push(this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
  }
}

export function exportJson(notes: readonly Note[], encounters: readonly Encounter[], exportedAt: Date): string {
  const backup = buildBackup(notes, encounters, exportedAt);
  const writer = new BackupWriter(exportedAt);
  for (const n of backup.notes) writer.note(n);
  for (const e of backup.encounters) writer.encounter(e);
  return writer.finish().join('');
}
