// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useEffect, useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage } from '../../../components/options/OptionsPage';
import type { SaveStatus } from '../../../components/options/OptionsPage';
import type { ClearResult } from '../../../components/options/PrivacySettings';
import { CATEGORIES, CATEGORY_LABELS } from '../../../lib/glossary/types';
import { defaultSettings } from '../../../lib/settings/defaults';
import { createSettingsStore, readSettings, SETTINGS_KEY } from '../../../lib/settings/storage';
import type { SettingsStore } from '../../../lib/settings/storage';
import type { Settings } from '../../../lib/settings/types';
import { fakeArea } from '../settings/fake-area';

afterEach(cleanup);

const noClear = () => Promise.resolve({ ok: true as const, removed: 0 });

function renderPage(
  settings: Settings | null = defaultSettings(),
  status: SaveStatus = { kind: 'idle' },
  onClearHistory: () => Promise<ClearResult> = noClear,
) {
  const onChange = vi.fn();
  const utils = render(<OptionsPage settings={settings} status={status} onChange={onChange} onClearHistory={onClearHistory} />);
  const last = (): Settings => onChange.mock.lastCall?.[0] as Settings;
  return { ...utils, onChange, last };
}

describe('the options page', () => {
  it('shows every setting, grouped and labelled', () => {
    renderPage();
    expect(screen.getByRole('heading', { name: 'Tifa Lens settings' })).toBeTruthy();
    for (const name of ['Sites where Tifa Lens stays off', 'Look for terms written in', 'Categories', 'Highlight style', 'Open a term’s card on']) {
      expect(screen.getByRole('group', { name })).toBeTruthy();
    }
    const categories = within(screen.getByRole('group', { name: 'Categories' })).getAllByRole('checkbox');
    expect(categories.map((c) => c.closest('label')?.textContent)).toEqual(CATEGORIES.map((c) => CATEGORY_LABELS[c]));
    expect(within(screen.getByRole('group', { name: 'Highlight style' })).getAllByRole('radio')).toHaveLength(3);
    expect(within(screen.getByRole('group', { name: 'Open a term’s card on' })).getAllByRole('radio')).toHaveLength(3);
    expect(screen.getByText('None: Tifa Lens runs on every site.')).toBeTruthy();
  });

  it('reports each change with the whole new settings', () => {
    const { onChange, last } = renderPage();
    fireEvent.click(screen.getByLabelText(/^English/u));
    expect(last().scripts).toEqual({ hans: true, hant: true, en: false });
    fireEvent.click(screen.getByLabelText(CATEGORY_LABELS.person));
    expect(last().categories.person).toBe(false);
    fireEvent.click(screen.getByLabelText(/^Underline only/u));
    expect(last().highlightStyle).toBe('underline');
    fireEvent.click(screen.getByLabelText(/^Hover while holding Alt/u));
    expect(last().cardTrigger).toBe('hover-alt');
    fireEvent.click(screen.getByRole('button', { name: 'None' }));
    expect(Object.values(last().categories).some(Boolean)).toBe(false);
    expect(onChange).toHaveBeenCalledTimes(5);
  });

  it('turns the reading history off, clears it after a confirmation, and lets private windows store only when asked', async () => {
    const clear = vi.fn(() => Promise.resolve({ ok: true as const, removed: 12 }));
    const { last } = renderPage(defaultSettings(), { kind: 'idle' }, clear);
    const group = screen.getByRole('group', { name: 'What Tifa Lens keeps' });
    const history = within(group).getByLabelText('Keep a reading history') as HTMLInputElement;
    const privateWindows = within(group).getByLabelText('Keep notes and reading history from private windows') as HTMLInputElement;
    expect(history.checked).toBe(true);
    expect(privateWindows.checked).toBe(false);
    fireEvent.click(history);
    expect(last().readingHistory).toBe(false);
    fireEvent.click(privateWindows);
    expect(last().privateWindows).toBe(true);

    fireEvent.click(within(group).getByRole('button', { name: 'Clear reading history…' }));
    expect(clear).not.toHaveBeenCalled();
    fireEvent.click(within(group).getByRole('button', { name: 'Clear it now' }));
    await waitFor(() => expect(within(group).getByText('Reading history cleared (12 entries).')).toBeTruthy());
    expect(clear).toHaveBeenCalledOnce();
  });

  it('says so when the history could not be cleared', async () => {
    renderPage(defaultSettings(), { kind: 'idle' }, () => Promise.resolve({ ok: false as const, error: 'The database is closed.' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear reading history…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear it now' }));
    await waitFor(() => expect(screen.getByText('Not cleared: The database is closed.')).toBeTruthy());
  });

  it('adds a site, normalized, and refuses what is not one', () => {
    const { last, onChange } = renderPage({ ...defaultSettings(), disabledSites: ['example.com'] });
    const input = screen.getByLabelText('Add a site');
    fireEvent.input(input, { target: { value: 'https://WWW.Xinhuanet.com/english/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(last().disabledSites).toEqual(['example.com', 'xinhuanet.com']);

    fireEvent.input(input, { target: { value: 'not a site' } });
    fireEvent.submit(input.closest('form')!);
    expect(screen.getByRole('alert').textContent).toContain('is not a site');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(input, { target: { value: 'news.example.com' } });
    fireEvent.submit(input.closest('form')!);
    expect(screen.getByRole('alert').textContent).toBe('news.example.com is already covered by example.com.');
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('removes a site', () => {
    const { last } = renderPage({ ...defaultSettings(), disabledSites: ['a.com', 'b.com'] });
    fireEvent.click(screen.getByRole('button', { name: 'Remove a.com' }));
    expect(last().disabledSites).toEqual(['b.com']);
  });

  it('warns when nothing could be highlighted', () => {
    renderPage({ ...defaultSettings(), scripts: { hans: false, hant: false, en: false } });
    expect(screen.getByRole('alert').textContent).toContain('Nothing will be highlighted');
  });

  it('restores the defaults but keeps the list of sites', () => {
    const { last } = renderPage({ ...defaultSettings(), disabledSites: ['a.com'], cardTrigger: 'click', highlightStyle: 'tint' });
    fireEvent.click(screen.getByRole('button', { name: 'Restore the defaults' }));
    expect(last()).toEqual({ ...defaultSettings(), disabledSites: ['a.com'] });
  });

  it('says whether the last change was saved', () => {
    const { rerender } = renderPage(defaultSettings(), { kind: 'saved' });
    expect(screen.getByRole('status').textContent).toBe('Saved.');
    rerender(<OptionsPage settings={defaultSettings()} status={{ kind: 'error', error: 'quota' }} onChange={vi.fn()} onClearHistory={noClear} />);
    expect(screen.getByRole('status').textContent).toBe('Not saved: quota');
    rerender(<OptionsPage settings={null} status={{ kind: 'idle' }} onChange={vi.fn()} onClearHistory={noClear} />);
    expect(screen.getByText('Loading…')).toBeTruthy();
  });
});

/** The page wired to a settings store, as entrypoints/options/main.tsx wires it. */
function Wired({ store }: { store: SettingsStore }) {
  const [settings, setSettings] = useState<Settings | null>(store.current());
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  useEffect(() => {
    const off = store.subscribe(setSettings);
    void store.load().then(setSettings);
    return off;
  }, [store]);
  return (
    <OptionsPage
      settings={settings}
      status={status}
      onClearHistory={noClear}
      onChange={(next) => {
        setSettings(next);
        void store
          .update(() => next)
          .then(
            () => setStatus({ kind: 'saved' }),
            (error: unknown) => setStatus({ kind: 'error', error: error instanceof Error ? error.message : String(error) }),
          );
      }}
    />
  );
}

describe('the options page and storage', () => {
  it('round-trips: what the form saves is what a fresh page (and the content script) reads', async () => {
    const area = fakeArea();
    const first = render(<Wired store={createSettingsStore(area)} />);
    await screen.findByRole('group', { name: 'Categories' });
    fireEvent.click(screen.getByLabelText(/^Traditional Chinese/u));
    await screen.findByText('Saved.');
    fireEvent.click(screen.getByLabelText(/^Click/u));
    fireEvent.input(screen.getByLabelText('Add a site'), { target: { value: 'example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(async () => expect((await readSettings(area)).disabledSites).toEqual(['example.com']));
    first.unmount();

    const stored = await readSettings(area);
    expect(stored).toEqual({ ...defaultSettings(), scripts: { hans: true, hant: false, en: true }, cardTrigger: 'click', disabledSites: ['example.com'] });

    render(<Wired store={createSettingsStore(area)} />);
    await screen.findByRole('group', { name: 'Categories' });
    expect((screen.getByLabelText(/^Traditional Chinese/u) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText(/^Simplified Chinese/u) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(/^Click/u) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('list', { name: 'Sites where Tifa Lens is off' }).textContent).toContain('example.com');
  });

  it('opens on the defaults when the stored data is invalid', async () => {
    const area = fakeArea({ [SETTINGS_KEY]: { version: 'x', scripts: 42, cardTrigger: { evil: true }, disabledSites: 'all' } });
    render(<Wired store={createSettingsStore(area)} />);
    await screen.findByRole('group', { name: 'Categories' });
    const defaults = defaultSettings();
    for (const box of screen.getAllByRole('checkbox')) {
      // Every switch is on by default but the one that lets private windows store.
      const expected = box.closest('label')?.textContent?.includes('private windows') ? defaults.privateWindows : true;
      expect((box as HTMLInputElement).checked).toBe(expected);
    }
    expect((screen.getByLabelText(/^Hover$/u) as HTMLInputElement).checked).toBe(true);
  });

  it('shows a change made elsewhere (the popup’s per-site switch)', async () => {
    const area = fakeArea();
    render(<Wired store={createSettingsStore(area)} />);
    await screen.findByText('None: Tifa Lens runs on every site.');
    await area.external(SETTINGS_KEY, { ...defaultSettings(), disabledSites: ['news.example.com'] });
    expect(await screen.findByRole('button', { name: 'Remove news.example.com' })).toBeTruthy();
  });
});
