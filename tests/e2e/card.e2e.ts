import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/support/browser';
import type { ExtensionBrowser } from '../../scripts/support/browser';
import { centreOfHighlight, clickInDialog, messageTabAt, readDialog, waitForLens } from '../../scripts/support/page-probe';
import { ROOT } from '../../scripts/support/paths';
import { startServer } from '../../scripts/support/server';
import type { PageServer } from '../../scripts/support/server';

const demo = (name: string): Buffer => readFileSync(join(ROOT, 'assets/demo', name));

/** The demo page under the strictest policy a news site might send: no inline style, Trusted Types. */
function strictPolicy(html: Buffer): string {
  const policy =
    "default-src 'none'; style-src 'none'; script-src 'none'; img-src 'none'; font-src 'none'; " +
    "connect-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'";
  return html.toString('utf8').replace(/<head>/iu, `<head><meta http-equiv="Content-Security-Policy" content="${policy}">`);
}

describe('the term card on a news page', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let page: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    server = await startServer({
      '/summit.html': { body: demo('summit-zh.html') },
      '/strict.html': { body: strictPolicy(demo('summit-zh.html')) },
    });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    cdp = await browser.context.newCDPSession(page);
    await page.goto(server.url('/summit.html'));
    await waitForLens(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function hover(text: string): Promise<void> {
    await page.mouse.move(5, 5);
    const at = await centreOfHighlight(page, text);
    if (!at) throw new Error(`${text} is not highlighted`);
    await page.mouse.move(at.x, at.y);
  }

  async function waitForDialog(name: RegExp): Promise<{ name: string; text: string }> {
    for (let i = 0; i < 60; i++) {
      const dialog = await readDialog(cdp);
      if (dialog && name.test(dialog.name)) return dialog;
      await page.waitForTimeout(100);
    }
    throw new Error(`no card named ${String(name)}`);
  }

  it('opens on hover with the term, pinyin, English, explanation and the source sentence', async () => {
    await hover('人类命运共同体');
    const card = await waitForDialog(/人类命运共同体/u);
    expect(card.text).toContain('rénlèi mìngyùn gòngtóngtǐ');
    expect(card.text).toContain('community with a shared future for mankind');
    expect(card.text).toContain('共同推动构建人类命运共同体。');
    expect(card.text).toContain('《携手共命运 一起向未来》, paragraph 24');
    expect(card.text).toContain('5 times in the corpus');
  });

  it('closes with Escape', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readDialog(cdp)) === null, { timeout: 5_000 }).toBe(true);
  });

  it('"Open in source" opens the source viewer at the cited paragraph', async () => {
    await hover('三十而立');
    await waitForDialog(/三十而立/u);
    const opened = browser.context.waitForEvent('page');
    await clickInDialog(page, cdp, 'button', /open in source/iu);
    const viewer = await opened;
    await viewer.waitForLoadState();
    expect(viewer.url()).toContain(browser.extensionUrl('source.html'));
    // The speech's second paragraph: 中国人说,三十而立。
    const cited = viewer.locator('#speech-p2');
    await cited.waitFor();
    await expect
      .poll(() =>
        cited.evaluate((el) => {
          const box = el.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }),
      )
      .toBe(true);
    expect(await cited.textContent()).toContain('三十而立');
    await viewer.close();
  });

  it('opens a quotation card for a quoted sentence of the speech, with its citation', async () => {
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    const quoted = await page.evaluate(() =>
      [...(CSS.highlights.get('tifa-lens-quote') ?? [])].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      }),
    );
    const quote = quoted.find((q) => q.includes('赓续友谊'));
    expect(quote).toBeDefined();
    // A term inside the quotation wins the pointer; the quotation's own words open its card.
    const at = await page.evaluate((text) => {
      for (const r of CSS.highlights.get('tifa-lens-quote') ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() !== text) continue;
        const node = range.startContainer;
        const at = node.textContent?.indexOf('福祉', range.startOffset) ?? -1;
        const probe = document.createRange();
        probe.setStart(node, at);
        probe.setEnd(node, at + 1);
        const box = probe.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return null;
    }, quote ?? '');
    if (!at) throw new Error('quotation not found');
    await page.mouse.move(at.x, at.y);
    const card = await waitForDialog(/.+/u);
    expect(card.text).toContain('从六国人民共同福祉出发');
    expect(card.text).toContain('《携手共命运 一起向未来》');
  });

  it('steps to the next term from the keyboard command and counts the page on the badge', async () => {
    await page.keyboard.press('Escape');
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    const step = (await messageTabAt(popup, server.url('/summit.html'), { type: 'lens/next-term' })) as {
      badge: string;
      answer: unknown;
    } | null;
    const summary = (await messageTabAt(popup, server.url('/summit.html'), { type: 'lens/summary' })) as {
      answer: { data: { terms: unknown[]; quotes: unknown[] } };
    } | null;
    await popup.close();
    expect(step?.answer).toEqual({ ok: true, data: { found: true } });
    const terms = summary?.answer.data.terms ?? [];
    expect(Number(step?.badge)).toBe(terms.length);
    expect(terms.length).toBeGreaterThan(20);
    expect(summary?.answer.data.quotes.length).toBeGreaterThan(0);
    await page.bringToFront();
    const card = await waitForDialog(/.+/u);
    expect(card.text.length).toBeGreaterThan(20);
  });

  it('highlights and opens its card on a page with a strict Content-Security-Policy and Trusted Types', async () => {
    const strict = await browser.context.newPage();
    const strictCdp = await browser.context.newCDPSession(strict);
    try {
      await strict.goto(server.url('/strict.html'));
      await waitForLens(strict);
      const at = await centreOfHighlight(strict, '人类命运共同体');
      if (!at) throw new Error('人类命运共同体 is not highlighted');
      await strict.mouse.move(at.x, at.y);
      await expect.poll(async () => (await readDialog(strictCdp))?.text ?? '', { timeout: 5_000 }).toContain('community with a shared future for mankind');
      // Styled (its style sheets are constructed, which no policy blocks): a card, not a page-wide block.
      const dialog = (await readDialog(strictCdp))!.nodes[0]!;
      const { model } = (await strictCdp.send('DOM.getBoxModel', { backendNodeId: dialog.backendDOMNodeId! })) as {
        model: { width: number; height: number };
      };
      expect(model.width).toBeGreaterThan(200);
      expect(model.width).toBeLessThan(600);
    } finally {
      await strict.close();
    }
  });

  it('leaves the page as it was and logs no error', async () => {
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => [...document.documentElement.children].filter((e) => e.localName.startsWith('tifa-lens-ui-')).length)).toBe(0);
    expect(browser.extensionErrors).toEqual([]);
  });
});
