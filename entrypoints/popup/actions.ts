// What the popup's buttons do: every write goes through the background's validated messages,
// which run each one in a transaction.

import type { ActionResult, ImportOutcome, ImportPreview } from '../../components/popup/types';
import type { NoteEdit } from '../../components/popup/NoteEditor';
import { checkImportSize } from '../../lib/notes/import';
import type { SendRequest } from '../../lib/protocol/client';
import type { ExportFormat } from '../../lib/protocol/messages';
import { downloadText } from './download';

const done = (r: { ok: true } | { ok: false; error: string }): ActionResult => (r.ok ? { ok: true } : { ok: false, error: r.error });

export function noteActions(sendRequest: SendRequest) {
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
    async export(format: ExportFormat, options: { includeEncounteredTerms: boolean }): Promise<ActionResult> {
      const r = await sendRequest({ type: 'backup/export', format, includeEncounteredTerms: options.includeEncounteredTerms });
      if (!r.ok) return r;
      downloadText(r.data.filename, r.data.mimeType, r.data.text);
      return { ok: true };
    },
    /** Refuses an oversized file unread; the background validates the whole file and plans the import. */
    async previewImport(file: File): Promise<ImportPreview> {
      const tooBig = checkImportSize(file.size);
      if (tooBig) return { ok: false, error: tooBig };
      let text: string;
      try {
        text = await file.text();
      } catch {
        return { ok: false, error: `The file ${file.name} could not be read.` };
      }
      const preview = await sendRequest({ type: 'backup/import-preview', text });
      if (!preview.ok) return preview;
      return {
        ok: true,
        fileName: file.name,
        summary: preview.data.summary,
        async commit(): Promise<ImportOutcome> {
          const r = await sendRequest({ type: 'backup/import-commit', text });
          return r.ok ? { ok: true, summary: r.data.summary } : r;
        },
      };
    },
  };
}
