// Export and import of everything the reader made. They run in the extension page that asks for
// them (the popup), on the database it shares with the background: no file passes through a
// message. Export streams the rows into the parts of a Blob; import validates the whole file
// first, then merges it in batches inside one transaction: every row of the file, or nothing.

import type { GlossaryLike } from '../lib/notes/citation';
import { exportAnkiCsv } from '../lib/notes/export-anki-csv';
import { BackupWriter } from '../lib/notes/export-json';
import { exportMarkdown } from '../lib/notes/export-markdown';
import { encounterKey, parseBackup, planImport } from '../lib/notes/import';
import type { ImportSummary } from '../lib/notes/import';
import { IMPORT_BATCH, MAX_ENCOUNTERS, MAX_NOTES } from '../lib/notes/limits';
import type { Backup, Encounter, Note } from '../lib/notes/types';
import type { ExportFormat } from '../lib/protocol/messages';
import { StoreError } from './context';
import type { StoreContext } from './context';

export interface ExportedFile {
  filename: string;
  mimeType: string;
  /** The file's text in order, to become a Blob (never joined into one string by the page). */
  parts: string[];
}

/** Rows done of all the rows an export or import goes through. */
export type Progress = (done: number, total: number) => void;

/** Notes and encounters read in one transaction, so the two agree. */
async function readAll(ctx: StoreContext): Promise<{ notes: Note[]; encounters: Encounter[] }> {
  const { db } = ctx;
  return db.transaction('r', db.notes, db.encounters, async () => ({
    notes: await db.notes.toArray(),
    encounters: await db.encounters.toArray(),
  }));
}

/** The JSON backup, row by row through a cursor in one transaction (in key order, so stable). */
async function exportBackup(ctx: StoreContext, exportedAt: Date, progress?: Progress): Promise<string[]> {
  const { db } = ctx;
  return db.transaction('r', db.notes, db.encounters, async () => {
    const total = (await db.notes.count()) + (await db.encounters.count());
    const writer = new BackupWriter(exportedAt);
    let done = 0;
    const step = (): void => {
      if (++done % IMPORT_BATCH === 0) progress?.(done, total);
    };
    await db.notes.each((n) => {
      writer.note(n);
      step();
    });
    await db.encounters.each((e) => {
      writer.encounter(e);
      step();
    });
    progress?.(total, total);
    return writer.finish();
  });
}

export async function exportData(
  ctx: StoreContext,
  format: ExportFormat,
  glossary: GlossaryLike,
  options: { includeEncounteredTerms?: boolean; progress?: Progress } = {},
): Promise<ExportedFile> {
  const now = new Date(ctx.now());
  const day = now.toISOString().slice(0, 10);
  if (format === 'json') {
    return { filename: `tifa-lens-backup-${day}.json`, mimeType: 'application/json', parts: await exportBackup(ctx, now, options.progress) };
  }
  const { notes, encounters } = await readAll(ctx);
  if (format === 'markdown') {
    return { filename: `tifa-lens-notes-${day}.md`, mimeType: 'text/markdown', parts: [exportMarkdown(notes, glossary, now)] };
  }
  return {
    filename: `tifa-lens-anki-${day}.csv`,
    mimeType: 'text/csv',
    parts: [exportAnkiCsv(notes, glossary, options.includeEncounteredTerms ? { encounters } : {})],
  };
}

/** Parses and validates a backup file's text. Throws StoreError, naming the refused row, for an invalid file. */
export function readBackup(text: string): Backup {
  const r = parseBackup(text);
  if (!r.ok) throw new StoreError(r.error);
  return r.value;
}

const emptySummary = (): ImportSummary => ({
  notes: { added: 0, changed: 0, unchanged: 0, keptLocal: 0 },
  encounters: { added: 0, changed: 0, unchanged: 0 },
});

function addUp(into: ImportSummary, s: ImportSummary): void {
  into.notes.added += s.notes.added;
  into.notes.changed += s.notes.changed;
  into.notes.unchanged += s.notes.unchanged;
  into.notes.keptLocal += s.notes.keptLocal;
  into.encounters.added += s.encounters.added;
  into.encounters.changed += s.encounters.changed;
  into.encounters.unchanged += s.encounters.unchanged;
}

/**
 * Compares the file with what is stored, a batch at a time, and (when `write`) writes each
 * batch's added and changed rows. Runs inside the caller's transaction.
 */
async function merge(ctx: StoreContext, backup: Backup, write: boolean, progress?: Progress): Promise<ImportSummary> {
  const { db } = ctx;
  const summary = emptySummary();
  const total = backup.notes.length + backup.encounters.length;
  let done = 0;
  for (let i = 0; i < backup.notes.length; i += IMPORT_BATCH) {
    const batch = backup.notes.slice(i, i + IMPORT_BATCH);
    const stored = new Map<string, Note>();
    for (const n of await db.notes.bulkGet(batch.map((n) => n.id))) if (n) stored.set(n.id, n);
    const plan = planImport({ ...backup, notes: batch, encounters: [] }, stored, new Map());
    if (write && plan.notes.length > 0) await db.notes.bulkPut(plan.notes);
    addUp(summary, plan.summary);
    progress?.((done += batch.length), total);
  }
  for (let i = 0; i < backup.encounters.length; i += IMPORT_BATCH) {
    const batch = backup.encounters.slice(i, i + IMPORT_BATCH);
    const stored = new Map<string, Encounter>();
    for (const e of await db.encounters.bulkGet(batch.map((e): [string, string] => [e.entryId, e.url]))) if (e) stored.set(encounterKey(e), e);
    const plan = planImport({ ...backup, notes: [], encounters: batch }, new Map(), stored);
    if (write && plan.encounters.length > 0) await db.encounters.bulkPut(plan.encounters);
    addUp(summary, plan.summary);
    progress?.((done += batch.length), total);
  }
  const notes = await db.notes.count();
  const encounters = await db.encounters.count();
  // Counted after the writes (which the transaction then undoes): what the database would hold.
  const afterNotes = write ? notes : notes + summary.notes.added;
  const afterEncounters = write ? encounters : encounters + summary.encounters.added;
  if (afterNotes > MAX_NOTES) {
    throw new StoreError(
      `With this file you would have ${afterNotes.toLocaleString('en-US')} notes; Tifa Lens keeps at most ${MAX_NOTES.toLocaleString('en-US')}.`,
    );
  }
  if (afterEncounters > MAX_ENCOUNTERS) {
    throw new StoreError(
      `With this file the reading history would have ${afterEncounters.toLocaleString('en-US')} rows; Tifa Lens keeps at most ${MAX_ENCOUNTERS.toLocaleString('en-US')}.`,
    );
  }
  return summary;
}

/** What importing the file would do; writes nothing. */
export async function previewImport(ctx: StoreContext, backup: Backup, progress?: Progress): Promise<ImportSummary> {
  const { db } = ctx;
  return db.transaction('r', db.notes, db.encounters, () => merge(ctx, backup, false, progress));
}

/** Imports the file in one transaction; re-importing the same file changes nothing. */
export async function commitImport(ctx: StoreContext, backup: Backup, progress?: Progress): Promise<ImportSummary> {
  const { db } = ctx;
  return db.transaction('rw', db.notes, db.encounters, () => merge(ctx, backup, true, progress));
}
