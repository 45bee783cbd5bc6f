// Export and import of everything the reader made. Import validates the whole file first, then
// writes in one transaction: either every row of the file is merged in, or nothing is.

import type { GlossaryLike } from '../lib/notes/citation';
import { exportAnkiCsv } from '../lib/notes/export-anki-csv';
import { exportJson } from '../lib/notes/export-json';
import { exportMarkdown } from '../lib/notes/export-markdown';
import { encounterKey, parseBackup, planImport } from '../lib/notes/import';
import type { ImportSummary } from '../lib/notes/import';
import type { Backup, Encounter, Note } from '../lib/notes/types';
import type { ExportFormat } from '../lib/protocol/messages';
import { StoreError } from './context';
import type { StoreContext } from './context';

export interface ExportedFile {
  filename: string;
  mimeType: string;
  text: string;
}

/** Notes and encounters read in one transaction, so the two agree. */
async function readAll(ctx: StoreContext): Promise<{ notes: Note[]; encounters: Encounter[] }> {
  const { db } = ctx;
  return db.transaction('r', db.notes, db.encounters, async () => ({
    notes: await db.notes.toArray(),
    encounters: await db.encounters.toArray(),
  }));
}

export async function exportData(
  ctx: StoreContext,
  format: ExportFormat,
  glossary: GlossaryLike,
  options: { includeEncounteredTerms?: boolean } = {},
): Promise<ExportedFile> {
  const { notes, encounters } = await readAll(ctx);
  const now = new Date(ctx.now());
  const day = now.toISOString().slice(0, 10);
  switch (format) {
    case 'json':
      return { filename: `tifa-lens-backup-${day}.json`, mimeType: 'application/json', text: exportJson(notes, encounters, now) };
    case 'markdown':
      return { filename: `tifa-lens-notes-${day}.md`, mimeType: 'text/markdown', text: exportMarkdown(notes, glossary, now) };
    case 'anki-csv':
      return {
        filename: `tifa-lens-anki-${day}.csv`,
        mimeType: 'text/csv',
        text: exportAnkiCsv(notes, glossary, options.includeEncounteredTerms ? { encounters } : {}),
      };
  }
}

function parsed(text: string): Backup {
  const r = parseBackup(text);
  if (!r.ok) throw new StoreError(r.error);
  return r.value;
}

async function plan(ctx: StoreContext, backup: Backup) {
  const { db } = ctx;
  const notes = await db.notes.bulkGet(backup.notes.map((n) => n.id));
  const encounters = await db.encounters.bulkGet(backup.encounters.map((e): [string, string] => [e.entryId, e.url]));
  const storedNotes = new Map<string, Note>();
  for (const n of notes) if (n) storedNotes.set(n.id, n);
  const storedEncounters = new Map<string, Encounter>();
  for (const e of encounters) if (e) storedEncounters.set(encounterKey(e), e);
  return planImport(backup, storedNotes, storedEncounters);
}

/** What importing the file would do; writes nothing. Throws StoreError for an invalid file. */
export async function previewImport(ctx: StoreContext, text: string): Promise<ImportSummary> {
  const backup = parsed(text);
  const { db } = ctx;
  return db.transaction('r', db.notes, db.encounters, async () => (await plan(ctx, backup)).summary);
}

/** Imports the file in one transaction; re-importing the same file changes nothing. */
export async function commitImport(ctx: StoreContext, text: string): Promise<ImportSummary> {
  const backup = parsed(text);
  const { db } = ctx;
  return db.transaction('rw', db.notes, db.encounters, async () => {
    const p = await plan(ctx, backup);
    if (p.notes.length > 0) await db.notes.bulkPut(p.notes);
    if (p.encounters.length > 0) await db.encounters.bulkPut(p.encounters);
    return p.summary;
  });
}
