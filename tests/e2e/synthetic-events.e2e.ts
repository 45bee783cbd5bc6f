// A page's own scripts cannot drive the lens: events they dispatch (`isTrusted` false) open no
// card and close none, whatever the card trigger. Only the reader's pointer and keys do.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/support/browser';
import type { ExtensionBrowser } from '../../scripts/support/browser';
import { lensTrace } from '../../scripts/support/lens-trace';
import { centreOfHighlight, readDialog, waitForLens } from '../../scripts/support/page-probe';
import { ROOT } from '../../scripts/support/paths';
import { startServer } from '../../scripts/support/server';
import type { PageServer } from '../../scripts/support/server';

const TERM = '人类命运共同体';

/** Runs in the page's own world: every pointer, mouse and key event a script can fake, at (x, y). */
function dispatchAt(page: Page, at: { x: number; y: number }, keys: { altKey: boolean }): Promise<void> {
  return page.evaluate(
    ([x, y, altKey]) => {
      const target = document.elementFromPoint(x, y) ?? document.body;
      const init = { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y, altKey, view: window };
      for (const type of ['pointerover', 'pointerenter', 'pointermove', 'pointerdown', 'pointerup']) {
        target.dispatchEvent(new PointerEvent(type, { ...init, pointerType: 'mouse', isPrimary: true }));
      }
      for (const type of ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'click']) {
        target.dispatchEvent(new MouseEvent(type, init));
      }
      window.dispatchEvent(new PointerEvent('pointermove', { ...init, pointerType: 'mouse' }));
      if (altKey) window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Alt', altKey: true, bubbles: true }));
    },
    [at.x, at.y, keys.altKey] as const,
  );
}

describe('events a page script dispatches', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let options: Page;

  beforeAll(async () => {
    server = await startServer({ '/summit.html': { body: readFileSync(join(ROOT, 'assets/demo/summit-zh.html')) } });
    browser = await launchBrowser();
    options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function setTrigger(cardTrigger: 'hover' | 'hover-alt' | 'click'): Promise<void> {
    await options.evaluate(async (trigger) => {
      const api = (
        globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }
      ).chrome;
      const key = 'tifa-lens:settings';
      const current = ((await api.storage.local.get(key))[key] ?? {}) as Record<string, unknown>;
      await api.storage.local.set({ [key]: { version: 1, ...current, cardTrigger: trigger } });
    }, cardTrigger);
  }

  async function open(): Promise<{ page: Page; cdp: CDPSession; at: { x: number; y: number } }> {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await page.goto(server.url('/summit.html'));
    await waitForLens(page);
    const at = await centreOfHighlight(page, TERM);
    if (!at) throw new Error(`${TERM} is not highlighted`);
    return { page, cdp, at };
  }

  const activations = async (page: Page): Promise<number> => (await lensTrace(page, 'tifa-lens:activate')).length;

  it.each(['hover', 'hover-alt', 'click'] as const)('open no card with the %s trigger', async (trigger) => {
    await setTrigger(trigger);
    const { page, cdp, at } = await open();
    // The real pointer is elsewhere; the page fakes it onto the term, several times over the dwell.
    await page.mouse.move(5, 5);
    for (let i = 0; i < 4; i++) {
      await dispatchAt(page, at, { altKey: true });
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(600);
    expect(await activations(page)).toBe(0);
    expect(await readDialog(cdp)).toBeNull();
    // The reader's own pointer still opens it.
    if (trigger === 'hover-alt') await page.keyboard.down('Alt');
    if (trigger === 'click') await page.mouse.click(at.x, at.y);
    else await page.mouse.move(at.x, at.y);
    await expect.poll(() => activations(page), { timeout: 5_000 }).toBe(1);
    if (trigger === 'hover-alt') await page.keyboard.up('Alt');
    await page.close();
  });

  it('do not stand in for Alt while the reader’s pointer rests on a term (hover-alt)', async () => {
    await setTrigger('hover-alt');
    const { page, cdp, at } = await open();
    await page.mouse.move(at.x, at.y);
    await page.waitForTimeout(500);
    expect(await activations(page)).toBe(0);
    await page.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Alt', altKey: true, bubbles: true })));
    await page.waitForTimeout(800);
    expect(await activations(page)).toBe(0);
    expect(await readDialog(cdp)).toBeNull();
    await page.keyboard.down('Alt');
    await expect.poll(() => activations(page), { timeout: 5_000 }).toBe(1);
    await page.keyboard.up('Alt');
    await page.close();
  });

  it('do not close the card the reader opened (a fake Escape)', async () => {
    await setTrigger('hover');
    const { page, cdp, at } = await open();
    await page.mouse.move(at.x, at.y);
    await expect.poll(async () => (await readDialog(cdp))?.name ?? '', { timeout: 5_000 }).toContain(TERM);
    await page.evaluate(() => {
      for (const target of [document.body, window]) {
        target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
      }
    });
    await page.waitForTimeout(500);
    expect((await readDialog(cdp))?.name ?? '').toContain(TERM);
    // The reader's own Escape still closes it.
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readDialog(cdp)) === null, { timeout: 5_000 }).toBe(true);
    await page.close();
  });

  it('reports no extension error', () => {
    expect(browser.extensionErrors).toEqual([]);
  });
});
