import { useId, useRef, useState } from 'preact/hooks';
import type { ImportSummary } from '../../lib/notes/import';
import type { ExportFormat } from '../../lib/protocol/messages';
import { count } from './format';
import type { ActionResult, ImportOutcome, ImportPreview, Progress } from './types';

export interface BackupControlsProps {
  onExport(format: ExportFormat, options: { includeEncounteredTerms: boolean; progress?: Progress }): Promise<ActionResult>;
  /** Validates the whole file and says what importing it would do; writes nothing. */
  onPreviewImport(file: File): Promise<ImportPreview>;
}

type ImportState =
  | { step: 'idle' }
  | { step: 'checking'; fileName: string }
  | { step: 'confirm'; fileName: string; summary: ImportSummary; commit(progress?: Progress): Promise<ImportOutcome> }
  | { step: 'importing'; fileName: string; done: number; total: number }
  | { step: 'done'; summary: ImportSummary }
  | { step: 'error'; error: string };

const FORMATS: ReadonlyArray<{ format: ExportFormat; label: string }> = [
  { format: 'json', label: 'JSON backup' },
  { format: 'markdown', label: 'Markdown' },
  { format: 'anki-csv', label: 'Anki CSV' },
];

/** What an import will do (or did, `done`), in words. */
export function describeImport(summary: ImportSummary, done = false): string[] {
  const { notes, encounters } = summary;
  const lines: string[] = [];
  if (notes.added > 0) lines.push(`${done ? 'Added' : 'Adds'} ${count(notes.added, 'note', 'notes')}.`);
  if (notes.changed > 0) {
    lines.push(`${done ? 'Updated' : 'Updates'} ${count(notes.changed, 'note', 'notes')} with the newer version in the file.`);
  }
  if (notes.keptLocal > 0) {
    const are = notes.keptLocal === 1 ? 'is' : 'are';
    lines.push(`${done ? 'Kept' : 'Keeps'} ${count(notes.keptLocal, 'note', 'notes')} of yours that ${are} newer than the file’s.`);
  }
  if (notes.unchanged > 0) lines.push(`${count(notes.unchanged, 'note was', 'notes were')} already here.`);
  const met = encounters.added + encounters.changed;
  if (met > 0) lines.push(`${done ? 'Added or updated' : 'Adds or updates'} ${count(met, 'record', 'records')} of terms met on pages.`);
  return lines;
}

export const importChangesSomething = (s: ImportSummary): boolean => s.notes.added + s.notes.changed + s.encounters.added + s.encounters.changed > 0;

/** A bar and its words, for an export or import under way. */
function Working({ label, done, total }: { label: string; done: number; total: number }) {
  return (
    <p>
      {label} {total > 0 ? `${Math.floor((done / total) * 100)}%` : ''}
      {total > 0 && <progress max={total} value={done} aria-label={label} />}
    </p>
  );
}

/** Export buttons, and import: choose a file, see what it would do, confirm. */
export function BackupControls({ onExport, onPreviewImport }: BackupControlsProps) {
  const id = useId();
  const [withMet, setWithMet] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [exported, setExported] = useState<{ done: number; total: number }>({ done: 0, total: 0 });
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);

  async function exportAs(format: ExportFormat): Promise<void> {
    setBusy(format);
    setExportError(null);
    setExported({ done: 0, total: 0 });
    const result = await onExport(format, {
      includeEncounteredTerms: format === 'anki-csv' && withMet,
      progress: (done, total) => setExported({ done, total }),
    });
    setBusy(null);
    if (!result.ok) setExportError(`Export failed: ${result.error}`);
  }

  async function choose(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) is a change.
    input.value = '';
    if (!file) return;
    setState({ step: 'checking', fileName: file.name });
    const preview = await onPreviewImport(file);
    setState(
      preview.ok ? { step: 'confirm', fileName: preview.fileName, summary: preview.summary, commit: preview.commit } : { step: 'error', error: preview.error },
    );
  }

  async function confirm(commit: (progress?: Progress) => Promise<ImportOutcome>, fileName: string): Promise<void> {
    setState({ step: 'importing', fileName, done: 0, total: 0 });
    const outcome = await commit((done, total) => setState({ step: 'importing', fileName, done, total }));
    setState(outcome.ok ? { step: 'done', summary: outcome.summary } : { step: 'error', error: outcome.error });
  }

  const reset = (): void => {
    setState({ step: 'idle' });
    fileInput.current?.focus();
  };

  return (
    <section class="backup" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Export and import</h2>
      <div class="row" role="group" aria-label="Export">
        {FORMATS.map(({ format, label }) => (
          <button key={format} type="button" disabled={busy !== null} onClick={() => void exportAs(format)}>
            {busy === format ? 'Exporting…' : label}
          </button>
        ))}
      </div>
      <label class="check">
        <input type="checkbox" checked={withMet} onChange={(e) => setWithMet(e.currentTarget.checked)} />
        Anki: also a card for each term met without a note
      </label>
      {busy === 'json' && exported.total > 0 && <Working label="Exporting…" done={exported.done} total={exported.total} />}
      {exportError !== null && (
        <p class="error" role="alert">
          {exportError}
        </p>
      )}

      <div class="import">
        <label for={`${id}-file`}>Import a JSON backup</label>
        <input
          id={`${id}-file`}
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          disabled={state.step === 'checking' || state.step === 'importing'}
          onChange={(e) => void choose(e.currentTarget)}
        />
      </div>
      <div class="import-status" aria-live="polite">
        {state.step === 'checking' && <p>Checking {state.fileName}…</p>}
        {state.step === 'importing' && <Working label={`Importing ${state.fileName}…`} done={state.done} total={state.total} />}
        {state.step === 'confirm' && (
          <div class="import-preview">
            <p>
              <strong>{state.fileName}</strong> is a valid backup.
            </p>
            {importChangesSomething(state.summary) ? (
              <>
                <ul>
                  {describeImport(state.summary).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
                <p class="muted">Nothing of yours is deleted.</p>
                <div class="row">
                  <button type="button" class="primary" onClick={() => void confirm(state.commit, state.fileName)}>
                    Import
                  </button>
                  <button type="button" onClick={reset}>
                    Cancel
                  </button>
                </div>
              </>
            ) : (
              <>
                <p>Everything in it is already here: there is nothing to import.</p>
                <button type="button" onClick={reset}>
                  Close
                </button>
              </>
            )}
          </div>
        )}
        {state.step === 'done' && <p class="success">Imported. {describeImport(state.summary, true).join(' ')}</p>}
      </div>
      {state.step === 'error' && (
        <p class="error" role="alert">
          Nothing was imported. {state.error}
        </p>
      )}
    </section>
  );
}
