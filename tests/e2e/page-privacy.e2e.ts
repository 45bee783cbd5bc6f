// What a hostile page can learn of the reader through what the page shares with the content
// script: its performance timeline and the highlight registry. It loads the lens, shows a card
// and holds one of the reader's notes, and must find none of that in either.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/support/browser';
import type { ExtensionBrowser } from '../../scripts/support/browser';
import { waitForTrace } from '../../scripts/support/lens-trace';
import { centreOfHighlight, readDialog, waitForLens } from '../../scripts/support/page-probe';
import { startServer } from '../../scripts/support/server';
import type { PageServer } from '../../scripts/support/server';

const TERM = '人类命运共同体';
const PASSAGE = 'the summit statement was short and carefully worded';

const ARTICLE = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>峰会报道</title></head><body>
<h1>峰会报道</h1>
<p id="term">习近平强调，各国要携手推动构建${TERM}，共创美好未来。</p>
<p id="plain" style="font: 20px/1.6 serif; width: 600px">Reporters noted that ${PASSAGE}, as such statements go.</p>
<div style="height: 2000px"></div>
</body></html>`;

/** The page's own spy, installed before anything loads: every User Timing entry it can observe. */
async function installTimelineSpy(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Reflect.set(window, '__observed', seen);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) seen.push(`${e.entryType}:${e.name}`);
    }).observe({ entryTypes: ['mark', 'measure'] });
  });
}

function timeline(page: Page): Promise<{ all: string[]; marks: string[]; measures: string[]; observed: string[] }> {
  return page.evaluate(() => ({
    all: performance.getEntries().filter((e) => e.entryType === 'mark' || e.entryType === 'measure' || e.name.includes('tifa')).map((e) => e.name),
    marks: performance.getEntriesByType('mark').map((e) => e.name),
    measures: performance.getEntriesByType('measure').map((e) => e.name),
    observed: Reflect.get(window, '__observed') as string[],
  }));
}

describe('a hostile page', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ '/article.html': { body: ARTICLE } });
    browser = await launchBrowser();
    // The reader's note on the page, written through the background as the composer does.
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    const created = await popup.evaluate(
      async ([url, exact]) => {
        const api = (globalThis as { chrome?: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome;
        if (!api) throw new Error('not an extension page');
        return api.runtime.sendMessage({
          type: 'notes/create',
          draft: {
            url,
            title: '峰会报道',
            ref: null,
            selectors: {
              quote: { type: 'TextQuoteSelector', exact, prefix: 'Reporters noted that ', suffix: ', as such' },
              position: { type: 'TextPositionSelector', start: 0, end: 0 },
            },
            body: 'A private thought',
            tags: [],
          },
        });
      },
      [server.url('/article.html'), PASSAGE] as const,
    );
    expect(created.ok).toBe(true);
    await popup.close();

    page = await browser.context.newPage();
    await installTimelineSpy(page);
    await page.goto(server.url('/article.html'));
    await waitForLens(page);
    await waitForTrace(page, 'tifa-lens:notes', { where: (e) => (e.detail as { anchored: number }).anchored === 1 });
    // A card open on a term: the reader hovered it.
    const at = await centreOfHighlight(page, TERM);
    if (!at) throw new Error(`${TERM} is not highlighted`);
    const cdp = await browser.context.newCDPSession(page);
    await page.mouse.move(at.x, at.y);
    for (let i = 0; i < 100 && !(await readDialog(cdp))?.name.includes(TERM); i++) await page.waitForTimeout(100);
    await waitForTrace(page, 'tifa-lens:activate');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds nothing of the extension, its notes or the hovered term in its performance timeline', async () => {
    expect(await timeline(page)).toEqual({ all: [], marks: [], measures: [], observed: [] });
  });

  it('reports no extension error', () => {
    expect(browser.extensionErrors).toEqual([]);
  });
});
