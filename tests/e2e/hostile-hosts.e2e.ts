// A hostile page against the extension's UI hosts: it defines custom elements of the names the
// extension's hosts had, restyles every element it may not know, and keeps its own overlay on top
// with the highest z-index. The reader still gets a working card, and the page never gets hold
// of it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/support/browser';
import type { ExtensionBrowser } from '../../scripts/support/browser';
import { centreOfHighlight, clickInDialog, readDialog, waitForLens } from '../../scripts/support/page-probe';
import type { AxNode } from '../../scripts/support/page-probe';
import { startServer } from '../../scripts/support/server';
import type { PageServer } from '../../scripts/support/server';

const TERM = '人类命运共同体';
const NAMES = ['tifa-lens-ui', 'tifa-lens-note-panel', 'tifa-lens-note-button', 'tifa-lens-note-markers'];

const ATTACKS: Record<string, { head?: string; script: string }> = {
  // Its constructor records every element made with the name and takes its shadow root first.
  define: {
    script: `window.grabbed = [];
for (const name of ${JSON.stringify(NAMES)}) {
  customElements.define(name, class extends HTMLElement {
    constructor() { super(); window.grabbed.push(this); this.attachShadow({ mode: 'open' }).textContent = 'page'; }
  });
}`,
  },
  // Every element outside head and body, by name and by position, in the style sheet and inline.
  style: {
    head: `<style>
html > :not(head):not(body), ${NAMES.join(', ')} {
  all: unset !important; display: none !important; visibility: hidden !important; opacity: 0 !important;
  transform: translate(-5000px, -5000px) scale(0) !important; position: absolute !important; z-index: -1 !important;
}
</style>`,
    script: `new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLElement && n !== document.head && n !== document.body) n.style.cssText = 'display: none !important; transform: scale(0) !important';
}).observe(document.documentElement, { childList: true });`,
  },
  // An overlay of the highest z-index over the page below the term, put back last whenever something is added.
  overlay: {
    script: `const overlay = document.createElement('div');
overlay.id = 'overlay';
overlay.style.cssText = 'position: fixed; inset: 60px 0 0 0; z-index: 2147483647; background: rgb(255 255 255 / 0.01)';
document.documentElement.append(overlay);
new MutationObserver(() => {
  if (document.documentElement.lastElementChild !== overlay) document.documentElement.append(overlay);
}).observe(document.documentElement, { childList: true });`,
  },
};

function article(attack: { head?: string; script: string }): string {
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>峰会</title>${attack.head ?? ''}
<script>${attack.script}</script></head><body>
<p id="term">习近平强调，各国要携手推动构建${TERM}，共创美好未来。</p>
</body></html>`;
}

describe('a page that attacks the UI hosts', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let page: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    const routes = Object.fromEntries(Object.entries(ATTACKS).map(([name, attack]) => [`/${name}.html`, { body: article(attack) }]));
    server = await startServer(routes);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    cdp = await browser.context.newCDPSession(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openCard(name: string): Promise<void> {
    await page.goto(server.url(`/${name}.html`));
    await waitForLens(page);
    await page.mouse.move(5, 5);
    const at = await centreOfHighlight(page, TERM);
    if (!at) throw new Error(`${TERM} is not highlighted`);
    await page.mouse.move(at.x, at.y);
    await expect.poll(async () => (await readDialog(cdp))?.name ?? '').toContain(TERM);
  }

  /** What the page finds at the centre of the card's Close button: it must be the card's host. */
  async function topmostAtClose(): Promise<string> {
    const dialog = await readDialog(cdp);
    const close = dialog?.nodes.find((n: AxNode) => n.role?.value === 'button' && n.name?.value === 'Close');
    if (!close?.backendDOMNodeId) throw new Error('no Close button in the card');
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: close.backendDOMNodeId })) as { model: { content: number[] } };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    return page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.localName ?? '', [(x1 + x3) / 2, (y1 + y3) / 2] as const);
  }

  async function closesByItsButton(): Promise<void> {
    await clickInDialog(page, cdp, 'button', /^Close$/u);
    await expect.poll(async () => (await readDialog(cdp)) === null).toBe(true);
  }

  it('opens the card although the page defined custom elements of the hosts’ names, and the page gets none of it', async () => {
    await openCard('define');
    expect(await topmostAtClose()).toMatch(/^tifa-lens-ui-[a-z0-9]{16}$/u);
    expect(await page.evaluate(() => (window as unknown as { grabbed: unknown[] }).grabbed.length)).toBe(0);
    // The host is an element no name of the page's defines, and its shadow root is closed.
    expect(
      await page.evaluate(() =>
        [...document.documentElement.children]
          .filter((e) => e.localName.startsWith('tifa-lens-'))
          .map((e) => [customElements.get(e.localName) === undefined, e.shadowRoot]),
      ),
    ).toEqual([[true, null]]);
    await closesByItsButton();
  });

  it('shows the card, where it belongs and clickable, although the page hides and moves every element it did not make', async () => {
    await openCard('style');
    expect(await topmostAtClose()).toMatch(/^tifa-lens-ui/u);
    await closesByItsButton();
  });

  it('keeps the card above the page’s own overlay of the highest z-index', async () => {
    await openCard('overlay');
    expect(await page.evaluate(() => document.documentElement.lastElementChild?.id)).toBe('overlay');
    expect(await topmostAtClose()).toMatch(/^tifa-lens-ui/u);
    await closesByItsButton();
    expect(browser.extensionErrors).toEqual([]);
  });
});
