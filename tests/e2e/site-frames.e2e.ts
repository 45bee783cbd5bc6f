// "Turn off on this site" is about the page the reader sees: the top frame's site decides for every
// frame in it, its own about:blank and srcdoc frames and frames from other sites alike. A page
// cannot talk a frame into running (or out of it) by what it writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/support/browser';
import type { ExtensionBrowser } from '../../scripts/support/browser';
import { lensTraceOfAllFrames } from '../../scripts/support/lens-trace';
import { waitForLens } from '../../scripts/support/page-probe';
import { startServer } from '../../scripts/support/server';
import type { PageServer } from '../../scripts/support/server';

const TERM = '推动构建人类命运共同体。';

const inner = (label: string): string =>
  `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${label}</title></head><body><p>${label}：${TERM}</p></body></html>`;

/**
 * The top page: a same-origin frame, a srcdoc frame, an about:blank frame the page writes its text
 * into, and a frame from another site (localhost, where the page is on 127.0.0.1).
 */
function topPage(otherOrigin: string): string {
  const srcdoc = inner('srcdoc').replace(/"/gu, '&quot;');
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>Framed</title></head><body>
<p>正文：${TERM}</p>
<iframe id="same" src="/inner.html"></iframe>
<iframe id="srcdoc" srcdoc="${srcdoc}"></iframe>
<iframe id="blank"></iframe>
<iframe id="cross" src="${otherOrigin}/inner.html"></iframe>
<script>
  const body = document.getElementById('blank').contentDocument.body;
  const p = document.createElement('p');
  p.textContent = 'about:blank：${TERM}';
  body.append(p);
</script>
</body></html>`;
}

/** Highlighted terms in each frame of the page, by frame (the top frame first). */
async function highlightsByFrame(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const frame of page.frames()) out[await frameName(page, frame)] = await frame.evaluate(() => CSS.highlights.get('tifa-lens-term')?.size ?? 0);
  return out;
}

async function frameName(page: Page, frame: Frame): Promise<string> {
  if (frame === page.mainFrame()) return 'top';
  const element = await frame.frameElement();
  return (await element.getAttribute('id')) ?? frame.url();
}

const FRAMES = ['top', 'same', 'srcdoc', 'blank', 'cross'];

describe('a site turned off, with frames', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let options: Page;

  beforeAll(async () => {
    server = await startServer({ '/inner.html': { body: inner('same origin') } });
    // The same server under another host name: another site as far as the page and the lens go.
    const other = server.origin.replace('127.0.0.1', 'localhost');
    server.set('/top.html', { body: topPage(other) });
    browser = await launchBrowser();
    options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function store(disabledSites: string[]): Promise<void> {
    await options.evaluate(async (sites) => {
      const api = (
        globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }
      ).chrome;
      const key = 'tifa-lens:settings';
      const current = ((await api.storage.local.get(key))[key] ?? {}) as Record<string, unknown>;
      await api.storage.local.set({ [key]: { version: 1, ...current, disabledSites: sites } });
    }, disabledSites);
  }

  const everyFrame = (count: (n: number) => boolean) => (found: Record<string, number>) =>
    FRAMES.every((name) => found[name] !== undefined && count(found[name]!));

  it('finds the term in every frame while the site is on', async () => {
    await store([]);
    const page = await browser.context.newPage();
    await page.goto(server.url('/top.html'));
    await waitForLens(page);
    await expect.poll(async () => everyFrame((n) => n > 0)(await highlightsByFrame(page)), { timeout: 15_000 }).toBe(true);
    await page.close();
  });

  it('highlights nothing in any frame once the reader turns the site off', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/top.html'));
    await waitForLens(page);
    await expect.poll(async () => everyFrame((n) => n > 0)(await highlightsByFrame(page)), { timeout: 15_000 }).toBe(true);
    await store(['127.0.0.1']);
    await expect.poll(() => highlightsByFrame(page), { timeout: 10_000 }).toEqual(Object.fromEntries(FRAMES.map((f) => [f, 0])));
    await page.close();
  });

  it('highlights nothing in any frame of a page opened on a site turned off', async () => {
    await store(['127.0.0.1']);
    const page = await browser.context.newPage();
    await page.goto(server.url('/top.html'));
    await page.waitForTimeout(2_500);
    expect(await highlightsByFrame(page)).toEqual(Object.fromEntries(FRAMES.map((f) => [f, 0])));
    // Nor did any frame load the lens.
    for (const trace of await lensTraceOfAllFrames(page)) expect(trace.filter((e) => e.name === 'tifa-lens:load-lens')).toEqual([]);
    await page.close();
  });

  it('turns the frames of another site on with its own page, not with the frame’s host', async () => {
    // localhost turned off: its frame inside a page on 127.0.0.1 still shows the page's site.
    await store(['localhost']);
    const page = await browser.context.newPage();
    await page.goto(server.url('/top.html'));
    await waitForLens(page);
    await expect.poll(async () => everyFrame((n) => n > 0)(await highlightsByFrame(page)), { timeout: 15_000 }).toBe(true);
    await page.close();
    await store([]);
  });

  it('reports no extension error', () => {
    expect(browser.extensionErrors).toEqual([]);
  });
});
