// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupControls, describeImport } from '../../../components/popup/BackupControls';
import type { ImportOutcome, ImportPreview } from '../../../components/popup/types';
import type { ImportSummary } from '../../../lib/notes/import';

afterEach(cleanup);

const SUMMARY: ImportSummary = {
  notes: { added: 2, changed: 1, unchanged: 4, keptLocal: 1 },
  encounters: { added: 5, changed: 0, unchanged: 0 },
};
const NOTHING: ImportSummary = { notes: { added: 0, changed: 0, unchanged: 3, keptLocal: 0 }, encounters: { added: 0, changed: 0, unchanged: 2 } };

function choose(file: File): void {
  const input = screen.getByLabelText('Import a JSON backup') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

const backupFile = (text = '{}', name = 'backup.json'): File => new File([text], name, { type: 'application/json' });

describe('export', () => {
  it('offers JSON, Markdown and Anki CSV', async () => {
    const onExport = vi.fn(async () => ({ ok: true as const }));
    render(<BackupControls onExport={onExport} onPreviewImport={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'JSON backup' }));
    await waitFor(() => expect(onExport).toHaveBeenLastCalledWith('json', expect.objectContaining({ includeEncounteredTerms: false })));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Markdown' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Markdown' }));
    await waitFor(() => expect(onExport).toHaveBeenLastCalledWith('markdown', expect.objectContaining({ includeEncounteredTerms: false })));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Anki CSV' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByLabelText(/Anki: also a card for each term met/u));
    fireEvent.click(screen.getByRole('button', { name: 'Anki CSV' }));
    await waitFor(() => expect(onExport).toHaveBeenLastCalledWith('anki-csv', expect.objectContaining({ includeEncounteredTerms: true })));
  });

  it('reports a failed export', async () => {
    render(<BackupControls onExport={async () => ({ ok: false, error: 'background unreachable' })} onPreviewImport={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'JSON backup' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Export failed: background unreachable');
  });
});

describe('import', () => {
  it('validates the file, shows what it would add or change, and imports on confirmation', async () => {
    const commit = vi.fn(async (): Promise<ImportOutcome> => ({ ok: true, summary: SUMMARY }));
    const onPreviewImport = vi.fn(async (file: File): Promise<ImportPreview> => ({ ok: true, fileName: file.name, summary: SUMMARY, commit }));
    render(<BackupControls onExport={vi.fn()} onPreviewImport={onPreviewImport} />);
    choose(backupFile());
    expect(await screen.findByText(/is a valid backup/u)).toBeTruthy();
    expect(onPreviewImport).toHaveBeenCalledWith(expect.objectContaining({ name: 'backup.json' }));
    const preview = document.querySelector('.import-preview')!;
    expect([...preview.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Adds 2 notes.',
      'Updates 1 note with the newer version in the file.',
      'Keeps 1 note of yours that is newer than the file’s.',
      '4 notes were already here.',
      'Adds or updates 5 records of terms met on pages.',
    ]);
    expect(commit).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText(/^Imported\. Added 2 notes\./u)).toBeTruthy();
    expect(commit).toHaveBeenCalledOnce();
  });

  it('changes nothing when the reader cancels', async () => {
    const commit = vi.fn();
    render(<BackupControls onExport={vi.fn()} onPreviewImport={async () => ({ ok: true, fileName: 'b.json', summary: SUMMARY, commit })} />);
    choose(backupFile());
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByText(/is a valid backup/u)).toBeNull();
    expect(commit).not.toHaveBeenCalled();
  });

  it('says when there is nothing new to import', async () => {
    const commit = vi.fn();
    render(<BackupControls onExport={vi.fn()} onPreviewImport={async () => ({ ok: true, fileName: 'b.json', summary: NOTHING, commit })} />);
    choose(backupFile());
    expect(await screen.findByText(/there is nothing to import/u)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  });

  it('shows a clear error for a malformed or oversized file and imports nothing', async () => {
    const onPreviewImport = vi.fn(async (): Promise<ImportPreview> => ({ ok: false, error: 'The file is not valid JSON (Unexpected token).' }));
    render(<BackupControls onExport={vi.fn()} onPreviewImport={onPreviewImport} />);
    choose(backupFile('{not json', 'broken.json'));
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was imported. The file is not valid JSON (Unexpected token).');
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  });

  it('reports a commit that fails', async () => {
    render(
      <BackupControls
        onExport={vi.fn()}
        onPreviewImport={async () => ({ ok: true, fileName: 'b.json', summary: SUMMARY, commit: async () => ({ ok: false, error: 'QuotaExceededError' }) })}
      />,
    );
    choose(backupFile());
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was imported. QuotaExceededError');
  });

  it('describes a single note in the singular', () => {
    expect(describeImport({ notes: { added: 1, changed: 0, unchanged: 1, keptLocal: 0 }, encounters: { added: 0, changed: 1, unchanged: 0 } }, true)).toEqual([
      'Added 1 note.',
      '1 note was already here.',
      'Added or updated 1 record of terms met on pages.',
    ]);
  });
});

describe('a long import', () => {
  it('shows how far it got, then what it did', async () => {
    let finish: (o: ImportOutcome) => void = () => undefined;
    let report: ((done: number, total: number) => void) | undefined;
    const commit = vi.fn(
      (progress?: (done: number, total: number) => void) =>
        new Promise<ImportOutcome>((resolve) => {
          report = progress;
          finish = resolve;
        }),
    );
    render(<BackupControls onExport={vi.fn()} onPreviewImport={async (file) => ({ ok: true, fileName: file.name, summary: SUMMARY, commit })} />);
    choose(backupFile());
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    await waitFor(() => expect(report).toBeDefined());
    report?.(50_000, 200_000);
    const bar = (await screen.findByRole('progressbar')) as HTMLProgressElement;
    expect(bar.value).toBe(50_000);
    expect(screen.getByText(/Importing backup\.json… 25%/u)).toBeTruthy();
    finish({ ok: true, summary: SUMMARY });
    expect((await screen.findByText(/^Imported\./u)).textContent).toContain('Added 2 notes.');
  });

  it('says plainly that nothing was imported when the write fails', async () => {
    const commit = async (): Promise<ImportOutcome> => ({ ok: false, error: 'With this file you would have 100,001 notes; Tifa Lens keeps at most 100,000.' });
    render(<BackupControls onExport={vi.fn()} onPreviewImport={async (file) => ({ ok: true, fileName: file.name, summary: SUMMARY, commit })} />);
    choose(backupFile());
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Nothing was imported. With this file you would have 100,001 notes; Tifa Lens keeps at most 100,000.',
    );
  });
});
