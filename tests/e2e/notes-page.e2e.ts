// The reader's notes on a news page, in the built extension: written from the term card, from a
// text selection and from the context menu's message; painted at once, listed in the popup as
// text, kept across a service worker stop and a browser restart, anchored again on the next
// visit, reported as orphans when their text is gone, opened from the popup's note link, followed
// on the open page when the popup deletes or edits them, and the page's own DOM left as it was.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/support/browser';
import type { ExtensionBrowser } from '../../scripts/support/browser';
import { lensTrace } from '../../scripts/support/lens-trace';
import { axText, centreOfHighlight, clickInDialog, messageTabAt, readDialog, waitForLens } from '../../scripts/support/page-probe';
import { startServer } from '../../scripts/support/server';
import type { PageServer } from '../../scripts/support/server';

const TERM = '人类命运共同体';
const GONE = '这一段会在改版后从页面上消失，读者的笔记却要留下。';
const BODY = 'Check the wording: <img src=x onerror=alert(1)> & “quotes”';

function article(withGone: boolean): string {
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>峰会报道</title></head><body>
<h1>峰会报道</h1>
<p id="term">习近平强调，各国要携手推动构建${TERM}，共创美好未来。</p>
<div style="height: 1400px"></div>
<p id="plain">Reporters noted that the summit statement was short and carefully worded.</p>
${withGone ? `<p id="gone">${GONE}</p>` : ''}
<div style="height: 600px"></div>
</body></html>`;
}

interface AxNode {
  nodeId: string;
  role?: { value?: unknown };
  name?: { value?: unknown };
  backendDOMNodeId?: number;
}

interface NoteRow {
  id: string;
  body: string;
  tags: string[];
  ref: { kind: string; entryId?: string } | null;
  selectors: { quote: { exact: string } } | null;
}

describe('notes on the page', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let page: Page;
  let cdp: CDPSession;
  let popup: Page;
  let pageBefore = '';
  const alerts: string[] = [];
  const ids = { term: '', plain: '', gone: '' };

  async function open(p: Page, url: string): Promise<void> {
    await p.goto(url);
    await waitForLens(p);
    pageBefore = await p.evaluate(() => document.body.innerHTML);
  }

  async function newPage(): Promise<void> {
    page = await browser.context.newPage();
    page.on('dialog', (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });
    cdp = await browser.context.newCDPSession(page);
  }

  /** Clicks an element of the extension's UI (in closed shadow roots) found by its role and name. */
  async function clickAx(role: string, name: RegExp): Promise<void> {
    let target: AxNode | undefined;
    for (let i = 0; i < 50 && !target; i++) {
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
      target = nodes.find((n) => n.role?.value === role && name.test(axText(n.name)));
      if (!target) await page.waitForTimeout(100);
    }
    if (!target?.backendDOMNodeId) throw new Error(`no ${role} named ${String(name)}`);
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: target.backendDOMNodeId })) as { model: { content: number[] } };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  }

  async function waitForDialog(name: RegExp): Promise<{ name: string; text: string }> {
    for (let i = 0; i < 60; i++) {
      const dialog = await readDialog(cdp);
      if (dialog && name.test(dialog.name)) return dialog;
      await page.waitForTimeout(100);
    }
    throw new Error(`no dialog named ${String(name)}`);
  }

  /** Waits until the note field of the open card has the keyboard focus. */
  async function waitForNoteField(): Promise<void> {
    await expect
      .poll(async () => {
        const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
          nodes: Array<AxNode & { properties?: Array<{ name: string; value: { value?: unknown } }> }>;
        };
        return nodes.some(
          (n) => n.role?.value === 'textbox' && n.name?.value === 'Note' && n.properties?.some((p) => p.name === 'focused' && p.value.value === true),
        );
      })
      .toBe(true);
  }

  /** The texts of the passages the notes layer painted, in document order (from its trace). */
  async function noteHighlights(): Promise<string[]> {
    const [latest] = (await lensTrace(page, 'tifa-lens:notes')).slice(-1);
    return (latest?.detail as { painted?: string[] } | undefined)?.painted ?? [];
  }

  async function allNotes(): Promise<NoteRow[]> {
    const answer = await popup.evaluate(async () => {
      const api = (globalThis as { chrome?: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; data: { notes: NoteRow[] } }> } } }).chrome;
      if (!api) throw new Error('not an extension page');
      return api.runtime.sendMessage({ type: 'notes/list' });
    });
    expect(answer.ok).toBe(true);
    return answer.data.notes;
  }

  async function openPopup(): Promise<void> {
    popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
  }

  beforeAll(async () => {
    server = await startServer({ '/article.html': { body: article(true) } });
    browser = await launchBrowser();
    await newPage();
    await open(page, server.url('/article.html'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('writes a note from the term card and paints its anchor at once', async () => {
    await page.mouse.move(5, 5);
    const at = await centreOfHighlight(page, TERM);
    if (!at) throw new Error(`${TERM} is not highlighted`);
    await page.mouse.move(at.x, at.y);
    await waitForDialog(new RegExp(TERM, 'u'));
    await clickInDialog(page, cdp, 'button', /^Add note$/u);
    // The note field has the focus; Tab goes on to the tags.
    await waitForNoteField();
    await page.keyboard.type(BODY);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Summit, xi');
    await page.keyboard.press('Control+Enter');
    await expect.poll(noteHighlights).toEqual([TERM]);
    // The card lists it, as text, and offers "Add note" again.
    await expect.poll(async () => (await waitForDialog(new RegExp(TERM, 'u'))).text).toContain(`Your notes (1)${BODY}`);
    expect((await readDialog(cdp))?.text).toContain('Add note');
    await openPopup();
    const [note] = await allNotes();
    expect(note).toMatchObject({ body: BODY, tags: ['summit', 'xi'], ref: { kind: 'term', entryId: 'shared-future-mankind' } });
    expect(note?.selectors?.quote.exact).toBe(TERM);
    ids.term = note?.id ?? '';
  });

  it('is listed in the popup as text', async () => {
    await popup.getByRole('tab', { name: /^Notes/u }).click();
    await expect.poll(() => popup.getByText(BODY, { exact: true }).count()).toBe(1);
    expect(await popup.locator('img[src="x"]').count()).toBe(0);
  });

  it('saves a note on a mouse selection after the service worker was stopped', async () => {
    await page.bringToFront();
    await page.keyboard.press('Escape');
    const workerCdp = await browser.context.newCDPSession(page);
    const stopped = new Promise<void>((resolve) => {
      workerCdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: Array<{ scriptURL: string; runningStatus: string }> }) => {
        if (versions.some((v) => v.scriptURL === browser.extensionUrl('background.js') && v.runningStatus === 'stopped')) resolve();
      });
    });
    await workerCdp.send('ServiceWorker.enable');
    await workerCdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    await workerCdp.detach();

    // Drag over "the summit statement was short".
    const ends = await page.evaluate(() => {
      const p = document.getElementById('plain');
      const text = p?.firstChild;
      if (!p || !(text instanceof Text)) return null;
      p.scrollIntoView({ block: 'center' });
      const at = (offset: number): { x: number; y: number } => {
        const r = document.createRange();
        r.setStart(text, offset);
        r.setEnd(text, offset + 1);
        const box = r.getBoundingClientRect();
        return { x: box.left + 1, y: box.top + box.height / 2 };
      };
      const start = text.data.indexOf('the summit');
      const end = text.data.indexOf(' was short') + ' was short'.length;
      const last = at(end - 1);
      return { from: at(start), to: { x: last.x + 4, y: last.y } };
    });
    if (!ends) throw new Error('no #plain paragraph');
    await page.mouse.move(ends.from.x, ends.from.y);
    await page.mouse.down();
    await page.mouse.move(ends.to.x, ends.to.y, { steps: 5 });
    await page.mouse.up();
    expect(await page.evaluate(() => getSelection()?.toString())).toBe('the summit statement was short');

    await clickAx('button', /Add note/u);
    await waitForDialog(/Note on the selection/u);
    await waitForNoteField();
    await page.keyboard.type('Short on purpose?');
    await page.keyboard.press('Control+Enter');
    await expect.poll(noteHighlights).toEqual([TERM, 'the summit statement was short']);
    // The card closed and the button went with the selection.
    await page.evaluate(() => getSelection()?.removeAllRanges());
    await expect
      .poll(() => page.evaluate(() => [...document.documentElement.children].filter((e) => /^tifa-lens-note-(panel|button)-/u.test(e.localName)).length))
      .toBe(0);
    const plain = (await allNotes()).find((n) => n.body === 'Short on purpose?');
    expect(plain).toMatchObject({ ref: null, selectors: { quote: { exact: 'the summit statement was short' } } });
    ids.plain = plain?.id ?? '';
  });

  it('writes a note from the context menu item', async () => {
    // The background made the item (updating a missing item fails).
    const worker = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
    const updates = await worker.evaluate(async () => {
      const api = (globalThis as { chrome?: { contextMenus: { update(id: string, changes: object): Promise<void> } } }).chrome;
      if (!api) throw new Error('no chrome API in the worker');
      const tryUpdate = (id: string): Promise<string> =>
        api.contextMenus.update(id, {}).then(
          () => 'updated',
          () => 'missing',
        );
      return [await tryUpdate('tifa-lens-add-note'), await tryUpdate('no-such-item')];
    });
    expect(updates).toEqual(['updated', 'missing']);
    // What a click on it sends to the tab's top frame.
    const compose = { type: 'lens/compose-note', text: GONE };
    const answer = (await messageTabAt(popup, server.url('/article.html'), compose)) as {
      answer: unknown;
    } | null;
    expect(answer?.answer).toEqual({ ok: true, data: { opened: true } });
    await page.bringToFront();
    await waitForDialog(/Note on the selection/u);
    await waitForNoteField();
    await page.keyboard.type('This paragraph may go.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(noteHighlights).toEqual([TERM, 'the summit statement was short', GONE]);
    ids.gone = (await allNotes()).find((n) => n.body === 'This paragraph may go.')?.id ?? '';
    expect(ids.gone).not.toBe('');
  });

  it('anchors the notes again after a restart, and keeps the one whose text is gone as an orphan', async () => {
    server.set('/article.html', { body: article(false) });
    const { profileDir } = browser;
    await browser.close({ keepProfile: true });
    browser = await launchBrowser({ profileDir });
    await newPage();
    await open(page, server.url('/article.html'));
    await expect.poll(noteHighlights).toEqual([TERM, 'the summit statement was short']);
    await openPopup();
    const orphans = (await messageTabAt(popup, server.url('/article.html'), { type: 'lens/orphan-notes' })) as { answer: unknown } | null;
    expect(orphans?.answer).toEqual({ ok: true, data: { noteIds: [ids.gone] } });
    expect((await allNotes()).map((n) => n.id).sort()).toEqual([ids.term, ids.plain, ids.gone].sort());
  });

  it('opens at a note from its link: scrolled to, flashed and shown, the address untouched', async () => {
    const link = `${server.url('/article.html')}#tifa-lens-note=${ids.plain}`;
    await page.goto('about:blank');
    await open(page, link);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(800);
    const shown = await waitForDialog(/Your note/u);
    expect(shown.text).toContain('Short on purpose?');
    expect(page.url()).toBe(link);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readDialog(cdp)) === null).toBe(true);
  });

  it('opens a note from its marker as text and leaves the page’s DOM as it was', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await clickAx('button', /^Your note: Check the wording/u);
    const shown = await waitForDialog(/Your note/u);
    expect(shown.text).toContain(BODY);
    expect(shown.text).toContain(TERM);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readDialog(cdp)) === null).toBe(true);

    expect(alerts).toEqual([]);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(pageBefore);
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    // Only the notes' paint and markers stay (they are showing), outside the body.
    // Their hosts' tag names end in a random suffix, which no page can name before it is made.
    expect(await page.evaluate(() => [...document.documentElement.children].map((e) => e.localName.replace(/-[a-z0-9]{16}$/u, '-…')))).toEqual([
      'head',
      'body',
      'tifa-lens-note-paint-…',
      'tifa-lens-note-markers-…',
    ]);
  });

  it('reports a note as an orphan when the page removes its text, and keeps it', async () => {
    await page.evaluate(() => document.getElementById('plain')?.remove());
    const orphans = async (): Promise<string[]> => {
      const r = (await messageTabAt(popup, page.url(), { type: 'lens/orphan-notes' })) as { answer: { data: { noteIds: string[] } } } | null;
      return [...(r?.answer.data.noteIds ?? [])].sort();
    };
    await expect.poll(orphans).toEqual([ids.plain, ids.gone].sort());
    expect(await noteHighlights()).toEqual([TERM]);
    expect(await allNotes()).toHaveLength(3);
    expect(alerts).toEqual([]);
    expect(browser.extensionErrors).toEqual([]);
  });

  it('follows the popup: a note deleted there leaves the open page, Undo brings it back, an edit shows on its marker', async () => {
    const markerNamed = async (name: RegExp): Promise<boolean> => {
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
      return nodes.some((n) => n.role?.value === 'button' && name.test(axText(n.name)));
    };
    expect(await noteHighlights()).toEqual([TERM]);
    await popup.bringToFront();
    await popup.reload();
    await popup.getByRole('tab', { name: /^Notes/u }).click();
    const item = popup.getByRole('list', { name: 'Notes, newest first' }).getByRole('article').filter({ hasText: BODY });
    await item.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(noteHighlights).toEqual([]);
    await expect.poll(() => markerNamed(/^Your note: Check the wording/u)).toBe(false);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(noteHighlights).toEqual([TERM]);

    await item.getByRole('button', { name: 'Edit' }).click();
    // The item is an editor now (its text is in the field): the one editor of the list.
    await popup.getByRole('textbox', { name: 'Note', exact: true }).fill('Edited in the popup');
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => markerNamed(/^Your note: Edited in the popup$/u)).toBe(true);
    expect(await noteHighlights()).toEqual([TERM]);
    expect(alerts).toEqual([]);
    expect(browser.extensionErrors).toEqual([]);
  });

  it('writes a note from the keyboard command: on the selected text, or on the page when nothing is', async () => {
    const addNote = { type: 'lens/compose-note' }; // what the "add-note" command (Alt+Shift+M) sends
    await page.bringToFront();
    // The caret before 共创美好未来, extended by six characters as Shift+→ does with caret browsing
    // (which headless Chromium can't switch on).
    await page.evaluate(() => {
      const text = document.getElementById('term')?.firstChild;
      const selection = getSelection();
      if (!(text instanceof Text) || !selection) throw new Error('no #term text');
      selection.collapse(text, text.data.indexOf('共创美好未来'));
      for (let i = 0; i < 6; i++) selection.modify('extend', 'forward', 'character');
    });
    expect(await page.evaluate(() => getSelection()?.toString())).toBe('共创美好未来');
    const answer = (await messageTabAt(popup, page.url(), addNote)) as { answer: unknown } | null;
    expect(answer?.answer).toEqual({ ok: true, data: { opened: true } });
    await page.bringToFront();
    expect((await waitForDialog(/^Note on the selection$/u)).text).toContain('共创美好未来');
    await waitForNoteField();
    await page.keyboard.type('Typed without a mouse.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(noteHighlights).toEqual([TERM, '共创美好未来']);

    await page.evaluate(() => getSelection()?.removeAllRanges());
    await messageTabAt(popup, page.url(), addNote);
    await page.bringToFront();
    await waitForDialog(/^Note on this page$/u);
    await waitForNoteField();
    await page.keyboard.type('The whole page.');
    await page.keyboard.press('Control+Enter');
    const pageNote = async (): Promise<NoteRow | undefined> => (await allNotes()).find((n) => n.body === 'The whole page.');
    await expect.poll(async () => (await pageNote()) !== undefined).toBe(true);
    expect((await pageNote())?.selectors).toBeNull();
    expect(await noteHighlights()).toEqual([TERM, '共创美好未来']);
    expect(alerts).toEqual([]);
    expect(browser.extensionErrors).toEqual([]);
  });
});
