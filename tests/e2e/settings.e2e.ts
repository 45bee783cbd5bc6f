// The reader's settings reach every page at once, and the popup's "This page" drives the page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/support/browser';
import type { ExtensionBrowser } from '../../scripts/support/browser';
import { lensTrace } from '../../scripts/support/lens-trace';
import { centreOfHighlight, highlightedTexts, messageTabAt, waitForLens } from '../../scripts/support/page-probe';
import { ROOT } from '../../scripts/support/paths';
import { startServer } from '../../scripts/support/server';
import type { PageServer } from '../../scripts/support/server';

const demo = (name: string): Buffer => readFileSync(join(ROOT, 'assets/demo', name));

describe('settings and the popup over a page', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let options: Page;

  beforeAll(async () => {
    server = await startServer({ '/en.html': { body: demo('summit-en.html') }, '/zh.html': { body: demo('summit-zh.html') } });
    browser = await launchBrowser();
    options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function store(settings: Record<string, unknown>): Promise<void> {
    await options.evaluate(async (patch) => {
      const api = (
        globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }
      ).chrome;
      const key = 'tifa-lens:settings';
      const current = ((await api.storage.local.get(key))[key] ?? {}) as Record<string, unknown>;
      await api.storage.local.set({ [key]: { version: 1, ...current, ...patch } });
    }, settings);
  }

  it('stops looking for English forms when the reader turns English off, live', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/en.html'));
    await waitForLens(page);
    const hasXi = async (): Promise<boolean> => (await highlightedTexts(page)).some((t) => t.includes('Xi Jinping'));
    expect(await hasXi()).toBe(true);
    await store({ scripts: { hans: true, hant: true, en: false } });
    await expect.poll(() => highlightedTexts(page), { timeout: 10_000 }).toEqual([]);
    await store({ scripts: { hans: true, hant: true, en: true } });
    await expect.poll(hasXi, { timeout: 10_000 }).toBe(true);
    await page.close();
  });

  it('leaves a disabled site alone', async () => {
    await store({ disabledSites: ['127.0.0.1'] });
    const page = await browser.context.newPage();
    await page.goto(server.url('/zh.html'));
    await page.waitForTimeout(1500);
    expect(await lensTrace(page, 'tifa-lens:ready')).toEqual([]);
    expect(await highlightedTexts(page)).toEqual([]);
    await store({ disabledSites: [] });
    await expect.poll(() => highlightedTexts(page).then((t) => t.length), { timeout: 10_000 }).toBeGreaterThan(10);
    await page.close();
  });

  it('opens cards on click only when the reader asks for that', async () => {
    await store({ cardTrigger: 'click' });
    const page = await browser.context.newPage();
    await page.goto(server.url('/zh.html'));
    await waitForLens(page);
    const at = await centreOfHighlight(page, '人类命运共同体');
    if (!at) throw new Error('term not highlighted');
    await page.mouse.move(at.x, at.y);
    await page.waitForTimeout(800);
    const activations = async (): Promise<number> => (await lensTrace(page, 'tifa-lens:activate')).length;
    expect(await activations()).toBe(0);
    await page.mouse.click(at.x, at.y);
    await expect.poll(activations, { timeout: 5_000 }).toBe(1);
    await store({ cardTrigger: 'hover' });
    await page.close();
  });

  it('"This page" in the popup lists the page’s terms and reveals one on the page', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/zh.html'));
    await waitForLens(page);
    const probe = await browser.context.newPage();
    await probe.goto(browser.extensionUrl('popup.html'));
    const found = (await messageTabAt(probe, server.url('/zh.html'), { type: 'lens/summary' })) as { tabId: number } | null;
    await probe.close();
    expect(found).not.toBeNull();
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(browser.extensionUrl(`popup.html?tab=${found?.tabId ?? 0}`));
    const term = popup.getByRole('button', { name: /人类命运共同体/u }).first();
    await term.waitFor();
    await term.click();
    // The page scrolled to the term and flashed it with the focus highlight.
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('tifa-lens-focus')?.size ?? 0), { timeout: 5_000 }).toBeGreaterThan(0);
    await popup.close();
    await page.close();
  });

  it('reports no extension error', () => {
    expect(browser.extensionErrors).toEqual([]);
  });
});
