// What the popup's buttons do. Note edits go through the background's validated messages, which
// run each one in a transaction. Export and import run here, on the database the popup shares
// with the background: a backup of any size never passes through a message.

import { commitImport, exportData, previewImport, readBackup } from '../../background/backup';
import type { StoreContext } from '../../background/context';
import type { ActionResult, ImportOutcome, ImportPreview, Progress } from '../../components/popup/types';
import type { NoteEdit } from '../../components/popup/NoteEditor';
import type { GlossaryLike } from '../../lib/notes/citation';
import { checkImportSize } from '../../lib/notes/import';
import type { SendRequest } from '../../lib/protocol/client';
import { errorOf } from '../../lib/protocol/messages';
import type { ExportFormat } from '../../lib/protocol/messages';
import { downloadParts } from './download';

const done = (r: { ok: true } | { ok: false; error: string }): ActionResult => (r.ok ? { ok: true } : { ok: false, error: r.error });

export interface BackupDeps {
  ctx: StoreContext;
  glossary: GlossaryLike;
  /** After an import: the open pages reload their notes. */
  notesChanged(): void;
}

export function noteActions(sendRequest: SendRequest, backup: BackupDeps) {
  const { ctx, glossary } = backup;
  return {
    async save(id: string, changes: NoteEdit): Promise<ActionResult> {
      return done(await sendRequest({ type: 'notes/update', id, changes }));
    },
    async delete(id: string): Promise<ActionResult> {
      return done(await sendRequest({ type: 'notes/delete', id }));
    },
    async restore(id: string): Promise<ActionResult> {
      return done(await sendRequest({ type: 'notes/restore', id }));
    },
    async export(format: ExportFormat, options: { includeEncounteredTerms: boolean; progress?: Progress }): Promise<ActionResult> {
      try {
        const file = await exportData(ctx, format, glossary, options);
        downloadParts(file.filename, file.mimeType, file.parts);
        return { ok: true };
      } catch (error) {
        return { ok: false, error: errorOf(error) };
      }
    },
    /** Refuses an oversized file unread, then validates every row and says what importing would do. */
    async previewImport(file: File): Promise<ImportPreview> {
      const tooBig = checkImportSize(file.size);
      if (tooBig) return { ok: false, error: tooBig };
      let text: string;
      try {
        text = await file.text();
      } catch {
        return { ok: false, error: `The file ${file.name} could not be read.` };
      }
      try {
        const parsed = readBackup(text);
        const summary = await previewImport(ctx, parsed);
        return {
          ok: true,
          fileName: file.name,
          summary,
          async commit(progress?: Progress): Promise<ImportOutcome> {
            try {
              const result = await commitImport(ctx, parsed, progress);
              backup.notesChanged();
              return { ok: true, summary: result };
            } catch (error) {
              return { ok: false, error: errorOf(error) };
            }
          },
        };
      } catch (error) {
        return { ok: false, error: errorOf(error) };
      }
    },
  };
}
