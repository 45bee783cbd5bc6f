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
    all: performance
      .getEntries()
      .filter((e) => e.entryType === 'mark' || e.entryType === 'measure' || e.name.includes('tifa'))
      .map((e) => e.name),
    marks: performance.getEntriesByType('mark').map((e) => e.name),
    measures: performance.getEntriesByType('measure').map((e) => e.name),
    observed: Reflect.get(window, '__observed') as string[],
  }));
}

describe('a hostile page', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let page: Page;
  /** The same article with no note on it. */
  let copy: Page;

  beforeAll(async () => {
    server = await startServer({ '/article.html': { body: ARTICLE }, '/copy.html': { body: ARTICLE } });
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
    copy = await browser.context.newPage();
    await copy.goto(server.url('/copy.html'));
    await waitForLens(copy);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds nothing of the extension, its notes or the hovered term in its performance timeline', async () => {
    expect(await timeline(page)).toEqual({ all: [], marks: [], measures: [], observed: [] });
  });

  it('finds no range of the annotated passage in CSS.highlights, which still shows the public term', async () => {
    const found = await page.evaluate((passage) => {
      const text = document.getElementById('plain')!.firstChild as Text;
      const start = text.data.indexOf(passage);
      const inside = new Range();
      inside.setStart(text, start);
      inside.setEnd(text, start + passage.length);
      const hits: string[] = [];
      for (const [name, highlight] of CSS.highlights) {
        for (const r of highlight) {
          const range = new Range();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          if (range.compareBoundaryPoints(Range.END_TO_START, inside) < 0 && range.compareBoundaryPoints(Range.START_TO_END, inside) > 0) hits.push(name);
        }
      }
      return { hits, names: [...CSS.highlights.keys()] };
    }, PASSAGE);
    expect(found.hits).toEqual([]);
    expect(found.names).toContain('tifa-lens-term');
  });

  /** Screenshots of the passage's first line and of the words before it, on a page. */
  async function shots(p: Page): Promise<{ passage: Buffer; before: Buffer }> {
    // Two frames: the overlay follows a change in the next one.
    await p.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const boxes = await p.evaluate((passage) => {
      const text = document.getElementById('plain')!.firstChild as Text;
      const start = text.data.indexOf(passage);
      const range = new Range();
      range.setStart(text, start);
      range.setEnd(text, start + passage.length);
      const first = range.getClientRects()[0]!;
      const lead = new Range();
      lead.setStart(text, 0);
      lead.setEnd(text, 'Reporters'.length);
      const word = lead.getClientRects()[0]!;
      // The marker sits after the passage's end: leave the line's end out.
      return {
        passage: { x: first.left, y: first.top, width: Math.max(8, first.width - 30), height: first.height },
        before: { x: word.left, y: word.top, width: word.width, height: word.height },
      };
    }, PASSAGE);
    return { passage: await p.screenshot({ clip: boxes.passage }), before: await p.screenshot({ clip: boxes.before }) };
  }

  async function expectMarked(): Promise<void> {
    const [noted, plain] = [await shots(page), await shots(copy)];
    expect(noted.passage.equals(plain.passage)).toBe(false);
    expect(noted.before.equals(plain.before)).toBe(true);
  }

  it('still shows the reader the passage marked, in its place, after a scroll and a reflow', async () => {
    await page.bringToFront();
    await expectMarked();
    for (const p of [page, copy]) await p.evaluate(() => window.scrollBy(0, 37));
    await expectMarked();
    for (const p of [page, copy]) await p.evaluate(() => (document.getElementById('plain')!.style.width = '330px'));
    await expectMarked();
  });

  it('keeps the passage marked inside an inner scroller', async () => {
    for (const p of [page, copy]) {
      await p.evaluate(() => {
        const plain = document.getElementById('plain')!;
        const box = document.createElement('div');
        box.id = 'scroller';
        box.style.cssText = 'height: 120px; overflow: auto';
        plain.before(box);
        box.append(plain, Object.assign(document.createElement('div'), { style: 'height: 600px' }));
        box.scrollTop = 20;
      });
    }
    // The notes are anchored again once the page settles.
    await page.waitForTimeout(800);
    await expectMarked();
  });

  it('reports no extension error', () => {
    expect(browser.extensionErrors).toEqual([]);
  });
});
