// The content script's loader on pages without a term: it probes the page and loads nothing more,
// until the page gets a term, the reader selects text (for a note) or the page has a note (at load,
// or written while it is open).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/support/browser';
import type { ExtensionBrowser } from '../../scripts/support/browser';
import { lensTrace } from '../../scripts/support/lens-trace';
import { axText, messageTabAt, waitForLens } from '../../scripts/support/page-probe';
import type { AxNode } from '../../scripts/support/page-probe';
import { startServer } from '../../scripts/support/server';
import type { PageServer } from '../../scripts/support/server';

const PLAIN = `<!doctype html><html lang="zh"><head><title>Plain</title></head>
<body><p id="first">苹果公司今天发布了新款手机，搭载更快的芯片。</p><p id="second">Apple released a new phone today.</p><div id="feed"></div></body></html>`;
const FRAMED = `<!doctype html><html lang="zh"><head><title>Framed</title></head>
<body><p>今天天气很好。</p><iframe id="blank"></iframe><iframe srcdoc="<p>明天下雨。</p>"></iframe></body></html>`;

interface LoaderState {
  /** Why the lens was loaded, if it was. */
  app: string[];
  /** The probe passes: their reasons and verdicts. */
  probes: Array<{ reason: string; maybe: boolean }>;
  terms: number;
  notes: number;
}

async function loaderState(page: Page): Promise<LoaderState> {
  const trace = await lensTrace(page);
  const notes = trace.filter((e) => e.name === 'tifa-lens:notes').at(-1)?.detail as { anchored: number } | undefined;
  return {
    app: trace.filter((e) => e.name === 'tifa-lens:load-lens').map((e) => (e.detail as { reason: string }).reason),
    probes: trace
      .filter((e) => e.name === 'tifa-lens:probe')
      .map((e) => e.detail as { reason: string; maybe: boolean })
      .map(({ reason, maybe }) => ({ reason, maybe })),
    terms: await page.evaluate(() => CSS.highlights.get('tifa-lens-term')?.size ?? 0),
    notes: notes?.anchored ?? 0,
  };
}

describe('a page without a term', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;

  beforeAll(async () => {
    server = await startServer({ '/plain.html': { body: PLAIN }, '/framed.html': { body: FRAMED } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPlain(): Promise<{ page: Page; before: string }> {
    const page = await browser.context.newPage();
    // What the page's own scripts could hear of the extension: the event WXT's content-script
    // wrapper dispatched on the document, named with the extension's id.
    await page.addInitScript((name) => {
      const heard: string[] = [];
      Reflect.set(window, '__heard', heard);
      for (const target of [document, window]) target.addEventListener(name, () => heard.push(name));
    }, `${browser.extensionId}:content:wxt:content-script-started`);
    await page.goto(server.url('/plain.html'));
    await waitForLens(page);
    return { page, before: await page.evaluate(() => document.body.innerHTML) };
  }

  it('is probed and nothing more is loaded; the popup hears it has no term', async () => {
    const { page, before } = await openPlain();
    // Give a late load the time it would take.
    await page.waitForTimeout(300);
    expect(await loaderState(page)).toEqual({ app: [], probes: [{ reason: 'initial', maybe: false }], terms: 0, notes: 0 });
    expect(await lensTrace(page, 'tifa-lens:compile')).toEqual([]);
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    const summary = (await messageTabAt(popup, server.url('/plain.html'), { type: 'lens/summary' })) as { answer: unknown; badge: string } | null;
    expect(summary?.answer).toEqual({ ok: true, data: { url: server.url('/plain.html'), terms: [], quotes: [] } });
    expect(summary?.badge).toBe('');
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    expect(await page.evaluate((): unknown => Reflect.get(window, '__heard'))).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('gets the lens when the page adds a term, which is then highlighted', async () => {
    const { page } = await openPlain();
    await page.evaluate(() => {
      const item = document.createElement('p');
      item.textContent = '中国同中亚五国建交 30 周年。';
      document.getElementById('feed')?.append(item);
    });
    // 中亚五国, and 建交30周年 beside it.
    await expect.poll(async () => (await loaderState(page)).terms, { timeout: 10_000 }).toBe(2);
    const state = await loaderState(page);
    expect(state.app).toEqual(['text']);
    expect(state.probes).toEqual([
      { reason: 'initial', maybe: false },
      { reason: 'mutation', maybe: true },
    ]);
    // The loader hands tab messages to the lens, which validates them before acting.
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    const next = (await messageTabAt(popup, server.url('/plain.html'), { type: 'lens/next-term' })) as { answer: unknown } | null;
    expect(next?.answer).toEqual({ ok: true, data: { found: true } });
    const malformed = (await messageTabAt(popup, server.url('/plain.html'), { type: 'lens/reveal-term' })) as {
      answer: { ok: boolean; error?: string };
    } | null;
    expect(malformed?.answer.ok).toBe(false);
    expect(malformed?.answer.error).toMatch(/entryId/);
    await popup.close();
    await page.close();
  });

  it('gets the lens when the reader selects text, and offers to note it; a note brings the lens to the pages open on it and on the next visit', async () => {
    const { page, before } = await openPlain();
    const cdp: CDPSession = await browser.context.newCDPSession(page);
    // Double-click a word of the English paragraph: a selection, as a reader makes one.
    const box = await page.locator('#second').boundingBox();
    if (!box) throw new Error('no #second paragraph');
    await page.mouse.dblclick(box.x + 4, box.y + box.height / 2);
    expect(await page.evaluate(() => getSelection()?.toString())).toBe('Apple');
    const findButton = async (): Promise<AxNode | undefined> => {
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
      return nodes.find((n) => n.role?.value === 'button' && /Add note/u.test(axText(n.name)));
    };
    await expect.poll(async () => (await findButton()) !== undefined, { timeout: 10_000 }).toBe(true);
    expect((await loaderState(page)).app).toEqual(['selection']);
    await page.evaluate(() => getSelection()?.removeAllRanges());

    // The same page in another tab, with no lens: a note written elsewhere brings it.
    const open = await openPlain();
    // A note on the page, written through the background as the composer would.
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    const created = await popup.evaluate(async (url) => {
      const api = (globalThis as { chrome?: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome;
      if (!api) throw new Error('not an extension page');
      return api.runtime.sendMessage({
        type: 'notes/create',
        draft: {
          url,
          title: 'Plain',
          ref: null,
          selectors: {
            quote: { type: 'TextQuoteSelector', exact: 'new phone', prefix: 'Apple released a ', suffix: ' today.' },
            position: { type: 'TextPositionSelector', start: 0, end: 0 },
          },
          body: 'Which phone?',
          tags: [],
        },
      });
    }, server.url('/plain.html'));
    expect(created.ok).toBe(true);
    await expect.poll(async () => (await loaderState(open.page)).notes, { timeout: 10_000 }).toBe(1);
    expect((await loaderState(open.page)).app).toEqual(['notes']);
    await expect.poll(async () => (await loaderState(page)).notes, { timeout: 10_000 }).toBe(1);
    await popup.close();
    await page.close();
    await open.page.close();

    const again = await openPlain();
    await expect.poll(async () => (await loaderState(again.page)).notes, { timeout: 10_000 }).toBe(1);
    expect((await loaderState(again.page)).app).toEqual(['notes']);
    // The note is painted with the Highlight API: the page's own markup is as it was.
    expect(await again.page.evaluate(() => document.body.innerHTML)).toBe(before);
    await again.page.close();
  });

  it('costs its frames little: a srcdoc frame is probed, an empty one waits; what the page writes into it is found', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/framed.html'));
    await waitForLens(page);
    await page.waitForTimeout(300);
    const frames = page.frames();
    expect(frames).toHaveLength(3);
    const state = async (index: number): Promise<{ probes: number; app: number; terms: number }> => {
      const trace = await lensTrace(frames[index]!);
      return {
        probes: trace.filter((e) => e.name === 'tifa-lens:probe').length,
        app: trace.filter((e) => e.name === 'tifa-lens:load-lens').length,
        terms: await frames[index]!.evaluate(() => CSS.highlights.get('tifa-lens-term')?.size ?? 0),
      };
    };
    const blank = frames.findIndex((f) => f.url() === 'about:blank');
    const srcdoc = frames.findIndex((f) => f.url() === 'about:srcdoc');
    expect(await state(0)).toEqual({ probes: 1, app: 0, terms: 0 });
    expect(await state(srcdoc)).toEqual({ probes: 1, app: 0, terms: 0 });
    expect(await state(blank)).toEqual({ probes: 0, app: 0, terms: 0 });
    // The page writes an article into the empty frame, as comment and ad frames are filled.
    await page.evaluate(() => {
      const body = (document.getElementById('blank') as HTMLIFrameElement).contentDocument?.body;
      body?.append(Object.assign(document.createElement('p'), { textContent: '推进一带一路建设。' }));
    });
    await expect.poll(async () => (await state(blank)).terms, { timeout: 10_000 }).toBe(1);
    expect(await state(blank)).toMatchObject({ probes: 1, app: 1 });
    await page.close();
  });

  it('reports no error', () => {
    expect(browser.extensionErrors).toEqual([]);
  });
});
