// A hostile page reads nothing of a note typed on it. The composer is the extension's own page,
// framed in the card: a page listening on window and document, in the capture phase, for every
// key, input and IME event hears none of the keys the reader types there, nor the text the IME
// composes, in the term card's composer and in the selection's. The note is saved all the same,
// Esc cancels it and a refused save says why in the frame. The page cannot frame the composer itself.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/support/browser';
import type { ExtensionBrowser } from '../../scripts/support/browser';
import { centreOfHighlight, clickInDialog, focusedNoteFrame, readDialog, waitForLens } from '../../scripts/support/page-probe';
import { startServer } from '../../scripts/support/server';
import type { PageServer } from '../../scripts/support/server';

const TERM = '人类命运共同体';
const PASSAGE = 'the summit statement was short';
const TYPED = 'Off the record: source says';
const COMPOSED = '新华社稿';

/** Every event a page can listen to for what is typed, as a key logger would. */
const LISTENED = [
  'keydown',
  'keyup',
  'keypress',
  'input',
  'beforeinput',
  'textInput',
  'compositionstart',
  'compositionupdate',
  'compositionend',
  'paste',
  'change',
  'select',
  'selectionchange',
];

const ARTICLE = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>峰会报道</title>
<script>
  window.__heard = [];
  for (const type of ${JSON.stringify(LISTENED)}) {
    const spy = (event) => window.__heard.push(type + ':' + (event.key ?? event.data ?? ''));
    window.addEventListener(type, spy, true);
    document.addEventListener(type, spy, true);
  }
</script></head><body>
<h1>峰会报道</h1>
<p id="term">习近平强调，各国要携手推动构建${TERM}，共创美好未来。</p>
<p id="plain" style="font: 20px/1.6 serif; width: 600px">Reporters noted that ${PASSAGE}, as such statements go.</p>
<div style="height: 1600px"></div>
</body></html>`;

interface NoteRow {
  body: string;
  tags: string[];
  url: string;
  selectors: { quote: { exact: string } } | null;
}

describe('a note typed on a hostile page', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let page: Page;
  let cdp: CDPSession;

  const heard = (): Promise<string[]> =>
    page.evaluate(() => (window as unknown as { __heard: string[] }).__heard.filter((e) => !e.startsWith('selectionchange')));

  async function notes(): Promise<NoteRow[]> {
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    const answer = await popup.evaluate(async () => {
      const api = (globalThis as { chrome?: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; data: { notes: NoteRow[] } }> } } }).chrome;
      if (!api) throw new Error('not an extension page');
      return api.runtime.sendMessage({ type: 'notes/list' });
    });
    await popup.close();
    return answer.data.notes;
  }

  async function openTermComposer(): Promise<Frame> {
    await page.mouse.move(5, 5);
    const at = await centreOfHighlight(page, TERM);
    if (!at) throw new Error(`${TERM} is not highlighted`);
    await page.mouse.move(at.x, at.y);
    for (let i = 0; i < 60 && !(await readDialog(cdp))?.name.includes(TERM); i++) await page.waitForTimeout(100);
    await clickInDialog(page, cdp, 'button', /^Add note$/u);
    return focusedNoteFrame(page);
  }

  beforeAll(async () => {
    server = await startServer({ '/article.html': { body: ARTICLE } });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    cdp = await browser.context.newCDPSession(page);
    await page.goto(server.url('/article.html'));
    await waitForLens(page);
    await page.evaluate(() => void ((window as unknown as { __heard: string[] }).__heard.length = 0));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('hears none of the keys and none of the IME’s text in the term card’s composer, and the note is saved', async () => {
    const frame = await openTermComposer();
    await page.keyboard.type(TYPED);
    // An IME composing Chinese: the composition's updates, then the committed text.
    await cdp.send('Input.imeSetComposition', { text: 'xinhua', selectionStart: 6, selectionEnd: 6 });
    await cdp.send('Input.imeSetComposition', { text: '新华', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: COMPOSED });
    await page.keyboard.press('Tab');
    await page.keyboard.type('sources');
    expect(await frame.locator('textarea').inputValue()).toBe(`${TYPED}${COMPOSED}`);
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await readDialog(cdp))?.text ?? '', { timeout: 10_000 }).toContain(`Your notes (1)${TYPED}${COMPOSED}`);
    expect(await heard()).toEqual([]);
    expect(page.frames().some((f) => f.url().includes('note-frame.html'))).toBe(false);
    const [note] = await notes();
    expect(note).toMatchObject({ body: `${TYPED}${COMPOSED}`, tags: ['sources'], url: server.url('/article.html'), selectors: { quote: { exact: TERM } } });
    // Nothing of it is in the page's document either.
    expect(await page.evaluate((typed) => document.documentElement.outerHTML.includes(typed) || document.querySelectorAll('iframe').length, TYPED)).toBe(0);
  });

  it('hears none of a note typed on a selection', async () => {
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    await page.evaluate((passage) => {
      const text = document.getElementById('plain')?.firstChild;
      if (!(text instanceof Text)) throw new Error('no #plain text');
      const start = text.data.indexOf(passage);
      getSelection()?.setBaseAndExtent(text, start, text, start + passage.length);
    }, PASSAGE);
    // The selection button follows the selection; the reader clicks it.
    let clicked = false;
    for (let i = 0; i < 50 && !clicked; i++) {
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
        nodes: { role?: { value?: unknown }; name?: { value?: unknown }; backendDOMNodeId?: number }[];
      };
      const button = nodes.find((n) => n.role?.value === 'button' && n.name?.value === 'Add note');
      if (button?.backendDOMNodeId) {
        const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendDOMNodeId })) as { model: { content: number[] } };
        const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
        await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
        clicked = true;
      } else await page.waitForTimeout(100);
    }
    expect(clicked).toBe(true);
    const frame = await focusedNoteFrame(page);
    expect(await frame.locator('blockquote').textContent()).toBe(PASSAGE);
    await page.evaluate(() => void ((window as unknown as { __heard: string[] }).__heard.length = 0));
    await page.keyboard.type('Who briefed them?');
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await notes()).map((n) => n.body), { timeout: 10_000 }).toContain('Who briefed them?');
    expect(await heard()).toEqual([]);
    expect((await notes()).find((n) => n.body === 'Who briefed them?')?.selectors?.quote.exact).toBe(PASSAGE);
  });

  it('cancels on Esc in the frame: nothing is saved and the card stays, with the focus', async () => {
    const before = (await notes()).length;
    await openTermComposer();
    await page.keyboard.type('Never mind');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.frames().some((f) => f.url().includes('note-frame.html'))).toBe(false);
    const dialog = await readDialog(cdp);
    expect(dialog?.name).toContain(TERM);
    expect(dialog?.text).toContain('Add note');
    // The focus came back to the card (its host, as the page sees it), so Esc again closes it.
    expect(await page.evaluate(() => document.activeElement?.localName.startsWith('tifa-lens-ui-'))).toBe(true);
    expect((await notes()).length).toBe(before);
    expect(await heard()).toEqual([]);
  });

  it('shows in the frame why a note was not saved, and keeps what was typed', async () => {
    const frame = await openTermComposer();
    await page.keyboard.type('Kept through a failure');
    // The draft is forgotten under the frame (as after a day): saving it must say so.
    await browser.worker.evaluate(async () => {
      const api = (globalThis as { chrome?: { storage: { session: { remove(key: string): Promise<void> } } } }).chrome;
      await api?.storage.session.remove('note-drafts');
    });
    const workerCdp = await browser.context.newCDPSession(page);
    await workerCdp.send('ServiceWorker.enable');
    await workerCdp.send('ServiceWorker.stopAllWorkers');
    await workerCdp.detach();
    await frame.locator('textarea').focus();
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => frame.getByRole('alert').textContent(), { timeout: 10_000 })
      .toBe('Not saved: This note was closed or has expired; open the note again.');
    expect(await frame.locator('textarea').inputValue()).toBe('Kept through a failure');
    expect((await notes()).some((n) => n.body === 'Kept through a failure')).toBe(false);
    expect(await heard()).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.frames().some((f) => f.url().includes('note-frame.html'))).toBe(false);
  });

  it('cannot frame the composer itself at the extension’s address', async () => {
    const url = browser.extensionUrl('note-frame.html');
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = `${src}#0123456789abcdef0123456789abcdef`;
      frame.id = 'probe';
      document.body.append(frame);
    }, url);
    await expect.poll(() => page.frames().map((f) => f.url()), { timeout: 5_000 }).toContain('chrome-error://chromewebdata/');
    expect(page.frames().some((f) => f.url().startsWith(url))).toBe(false);
  });
});
