// The toolbar popup and the options page in the built extension: the popup opened as a tab at
// the popup's size, driven by keyboard and mouse, its data written through the background.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/support/browser';
import type { ExtensionBrowser } from '../../scripts/support/browser';

const XSS = '<img src=x onerror=alert(1)>';

interface StoredNote {
  id: string;
  body: string;
  createdAt: number;
  updatedAt: number;
  tags: string[];
}

interface Answer {
  ok: boolean;
  error?: string;
  data?: { note?: StoredNote; notes?: StoredNote[] };
}

/** Sends a request to the background from an extension page, as the content script would. */
function send(page: Page, message: unknown): Promise<Answer> {
  return page.evaluate(async (m) => {
    const api = (globalThis as { chrome?: { runtime: { sendMessage(m: unknown): Promise<Answer> } } }).chrome;
    if (!api) throw new Error('not an extension page');
    return api.runtime.sendMessage(m);
  }, message);
}

async function storedNotes(page: Page): Promise<StoredNote[]> {
  const r = await send(page, { type: 'notes/list' });
  expect(r.ok).toBe(true);
  return r.data?.notes ?? [];
}

const draft = {
  url: 'https://news.example.com/world/summit?utm_source=newsletter',
  title: `Summit report ${XSS}`,
  ref: { kind: 'term', entryId: 'belt-and-road' },
  selectors: {
    quote: { type: 'TextQuoteSelector', exact: '一带一路', prefix: '共建', suffix: '合作' },
    position: { type: 'TextPositionSelector', start: 10, end: 14 },
  },
  body: `Watch the framing ${XSS}`,
  tags: ['BRI'],
};

describe('the popup', () => {
  let browser: ExtensionBrowser;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(browser.extensionUrl('popup.html'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  const panel = () => page.getByRole('tabpanel');
  const notesList = () => page.getByRole('list', { name: 'Notes, newest first' });

  it('welcomes a first-time reader, 400 px wide, with no horizontal scrolling', async () => {
    const welcome = page.getByRole('region', { name: 'Getting started' });
    await welcome.waitFor();
    await expect(welcome.textContent()).resolves.toContain('Open a news page about Chinese diplomacy');
    await expect(page.getByRole('link', { name: 'Try it on the source texts' }).getAttribute('href')).resolves.toBe(browser.extensionUrl('source.html'));
    const size = await page.evaluate(() => ({ body: document.body.getBoundingClientRect().width, scroll: document.documentElement.scrollWidth }));
    expect(size).toEqual({ body: 400, scroll: 400 });
  });

  it('moves between tabs with the arrow keys', async () => {
    const thisPage = page.getByRole('tab', { name: 'This page' });
    await thisPage.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Notes' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Notes');
    await page.keyboard.press('ArrowLeft');
    await expect(thisPage.getAttribute('aria-selected')).resolves.toBe('true');
  });

  it('shows a note saved through the background at once, as text', async () => {
    await page.getByRole('tab', { name: 'Notes' }).click();
    await page.getByRole('heading', { name: 'No notes yet' }).waitFor();
    const created = await send(page, { type: 'notes/create', draft });
    expect(created.ok, created.error).toBe(true);
    // No reload: the live query sees the background's write.
    const item = notesList().getByRole('article');
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain(`Watch the framing ${XSS}`);
    await expect(item.textContent()).resolves.toContain(`Summit report ${XSS}`);
    await expect(page.locator('img').count()).resolves.toBe(0);
    await expect(page.getByRole('tab', { name: 'Notes (1)' }).isVisible()).resolves.toBe(true);
  });

  it('finds the note by search', async () => {
    await send(page, { type: 'notes/create', draft: { ...draft, ref: null, body: 'Second thoughts', tags: [], title: 'Another page' } });
    await expect.poll(() => notesList().getByRole('article').count()).toBe(2);
    const search = page.getByLabel('Search notes');
    await search.fill('framing');
    await expect.poll(() => notesList().getByRole('article').count()).toBe(1);
    // By the term's pinyin, without tone marks.
    await search.fill('yidaiyilu');
    await expect.poll(() => notesList().getByRole('article').count()).toBe(1);
    await expect(notesList().textContent()).resolves.toContain('Watch the framing');
    await search.fill('nothing like it');
    await page.getByText('No note matches.').waitFor();
    await search.fill('');
    await expect.poll(() => notesList().getByRole('article').count()).toBe(2);
  });

  it('deletes a note, and Undo brings it back exactly as it was', async () => {
    const before = (await storedNotes(page)).find((n) => n.body.startsWith('Watch the framing'));
    expect(before).toBeDefined();
    const item = notesList().getByRole('article').filter({ hasText: 'Watch the framing' });
    await item.getByRole('button', { name: 'Delete' }).click();
    const undo = page.getByRole('button', { name: 'Undo' });
    await undo.waitFor();
    await expect.poll(() => notesList().getByRole('article').count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    // Undo by keyboard: the focus is on it.
    await page.keyboard.press('Enter');
    await expect.poll(() => notesList().getByRole('article').count()).toBe(2);
    await page.getByText('Note restored.').waitFor();
    const after = (await storedNotes(page)).find((n) => n.id === before?.id);
    expect(after).toEqual(before);
  });

  it('exports a JSON backup as a download', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON backup', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^tifa-lens-backup-\d{4}-\d{2}-\d{2}\.json$/u);
    const backup = JSON.parse(readFileSync(await download.path(), 'utf8')) as { format: string; notes: StoredNote[] };
    expect(backup.format).toBe('tifa-lens-backup');
    expect(backup.notes.map((n) => n.body).sort()).toEqual(['Second thoughts', `Watch the framing ${XSS}`]);
  });

  it('refuses a malformed file with a clear error naming the row and changes nothing', async () => {
    const before = await storedNotes(page);
    const input = page.getByLabel('Import a JSON backup');
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"tifa-lens-backup",') });
    const alert = panel().getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/^Nothing was imported\. The file is not valid JSON/u);

    const invalid = JSON.stringify({ format: 'tifa-lens-backup', version: 1, exportedAt: new Date().toISOString(), notes: [{ id: 'x' }], encounters: [] });
    await input.setInputFiles({ name: 'invalid.json', mimeType: 'application/json', buffer: Buffer.from(invalid) });
    await expect.poll(() => alert.textContent()).toMatch(/^Nothing was imported\. The file is not a valid backup: notes\[0\]/u);

    await expect(page.getByRole('button', { name: 'Import', exact: true }).count()).resolves.toBe(0);
    expect(await storedNotes(page)).toEqual(before);
  });

  it('imports a valid file after showing what it adds', async () => {
    const exported = await send(page, { type: 'backup/export', format: 'json' });
    const backup = JSON.parse((exported.data as { text: string } | undefined)?.text ?? '') as { notes: Array<StoredNote & Record<string, unknown>> };
    const first = backup.notes[0];
    if (!first) throw new Error('no note exported');
    backup.notes.push({ ...first, id: 'imported-note-1', body: 'Imported from another browser' });
    await page.getByLabel('Import a JSON backup').setInputFiles({
      name: 'from-laptop.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(backup)),
    });
    const preview = page.locator('.import-preview');
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toContain('Adds 1 note.');
    await expect(preview.textContent()).resolves.toContain('2 notes were already here.');
    expect((await storedNotes(page)).length).toBe(2);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/^Imported\. Added 1 note\./u).waitFor();
    await expect.poll(() => notesList().getByRole('article').count()).toBe(3);
    await expect(notesList().textContent()).resolves.toContain('Imported from another browser');
  });

  it('imports a 6 MB backup of months of use (200 notes, 15,000 rows of reading history)', async () => {
    const exported = await send(page, { type: 'backup/export', format: 'json' });
    const backup = JSON.parse((exported.data as { text: string } | undefined)?.text ?? '') as {
      notes: Array<StoredNote & Record<string, unknown>>;
      encounters: unknown[];
    };
    const first = backup.notes[0];
    if (!first) throw new Error('no note exported');
    const entries = ['shared-future-mankind', 'together-for-future', 'belt-and-road'];
    const padding = '携手共命运，一起向未来。'.repeat(20);
    for (let i = 0; i < 200; i++) backup.notes.push({ ...first, id: `months-note-${i}`, body: `Note ${i} ${padding.repeat(8)}` });
    for (let i = 0; i < 15_000; i++) {
      const url = `https://news${i % 40}.example.org/article/${Math.floor(i / 3)}`;
      backup.encounters.push({ entryId: entries[i % 3], url, site: '', title: `Article ${i} ${padding}`, firstSeen: 1e12, lastSeen: 1e12 + i, count: 1 });
    }
    const buffer = Buffer.from(JSON.stringify(backup));
    expect(buffer.length).toBeGreaterThan(6 * 1024 * 1024);
    await page.getByLabel('Import a JSON backup').setInputFiles({ name: 'months.json', mimeType: 'application/json', buffer });
    await page.locator('.import-preview').waitFor();
    await expect(page.locator('.import-preview').textContent()).resolves.toContain('Adds 200 notes.');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/^Imported\. Added 200 notes\./u).waitFor({ timeout: 60_000 });
    expect((await storedNotes(page)).length).toBe(203);
  });

  it('lists the whole glossary and filters it', async () => {
    await page.getByRole('tab', { name: 'Glossary' }).click();
    const list = page.getByRole('list', { name: 'Glossary entries' });
    const all = await list.getByRole('listitem').count();
    expect(all).toBeGreaterThanOrEqual(150);
    await page.getByLabel('Filter the glossary').fill('Belt and Road');
    await expect.poll(() => list.getByRole('listitem').count()).toBeLessThan(all);
    const belt = list.getByRole('listitem').filter({ hasText: '一带一路' }).first();
    await expect(belt.getByRole('link').getAttribute('href')).resolves.toMatch(
      new RegExp(`^chrome-extension://${browser.extensionId}/source\\.html\\?doc=\\w+&block=\\d+&start=\\d+&end=\\d+&term=belt-and-road#`, 'u'),
    );
    await page.getByLabel('Category').selectOption('olympics');
    await expect.poll(() => list.count()).toBe(0);
    await page.getByText('No entry matches.').waitFor();
  });

  it('follows the dark colour scheme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(dark).toBe('rgb(27, 27, 29)');
    expect(light).not.toBe(dark);
  });

  it('the options page saves a setting that survives a reload', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    const english = options.getByLabel(/^English/u);
    await english.waitFor();
    expect(await english.isChecked()).toBe(true);
    await english.uncheck();
    await options.getByText('Saved.').waitFor();
    await options.getByLabel('Add a site').fill('https://www.Example.com/news');
    await options.getByRole('button', { name: 'Add' }).click();
    await options.getByRole('button', { name: 'Remove example.com' }).waitFor();

    await options.reload();
    await options.getByLabel(/^English/u).waitFor();
    expect(await options.getByLabel(/^English/u).isChecked()).toBe(false);
    expect(await options.getByLabel(/^Simplified Chinese/u).isChecked()).toBe(true);
    await options.getByRole('button', { name: 'Remove example.com' }).waitFor();
    const stored = await options.evaluate(async () => {
      const api = (globalThis as { chrome?: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
      return api?.storage.local.get('tifa-lens:settings');
    });
    expect(stored).toMatchObject({ 'tifa-lens:settings': { version: 1, disabledSites: ['example.com'], scripts: { en: false } } });
    await options.close();
  });

  it('raised no dialog and reported no error', () => {
    expect(dialogs).toEqual([]);
    expect(browser.extensionErrors).toEqual([]);
  });
});
