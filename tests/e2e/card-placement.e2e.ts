import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/support/browser';
import type { ExtensionBrowser } from '../../scripts/support/browser';
import { axText, readDialog, waitForLens } from '../../scripts/support/page-probe';
import type { AxNode } from '../../scripts/support/page-probe';
import { startServer } from '../../scripts/support/server';
import type { PageServer } from '../../scripts/support/server';

// A phrase of the speech with a term, pinned to the viewport's edges of a page taller than it.
const SENTENCE = '共同推动构建人类命运共同体。';
const TERM = '人类命运共同体';
const SPOTS = {
  top: 'top:2px;left:30%',
  middle: 'top:calc(50% + 10px);left:30%',
  bottom: 'bottom:2px;left:30%',
  left: 'top:35%;left:0',
  right: 'top:70%;right:0',
} as const;
type Spot = keyof typeof SPOTS;

function testPage(dir: 'ltr' | 'rtl'): string {
  const spots = Object.entries(SPOTS)
    .map(([id, at]) => `<p id="${id}" class="spot" style="${at}">${SENTENCE}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="zh-Hans" dir="${dir}"><head><meta charset="utf-8"><title>卡片位置</title>
<style>
  body { margin: 0; height: 3000px; font: 16px/1.5 sans-serif; }
  .spot { position: fixed; margin: 0; white-space: nowrap; }
  #flow { position: absolute; top: 1000px; left: 700px; margin: 0; white-space: nowrap; }
  #scroller { position: absolute; top: 2000px; left: 700px; width: 520px; height: 200px; overflow: auto; }
  #scroller p { margin: 0 0 400px; white-space: nowrap; }
</style></head>
<body>
${spots}
<p id="flow">${SENTENCE}</p>
<div id="scroller"><p>引子。</p><p id="inner">${SENTENCE}</p></div>
</body></html>`;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The term's box inside the element with this id, in viewport coordinates. */
function termBox(page: Page, id: string): Promise<Box | null> {
  return page.evaluate(
    ([spotId, term]) => {
      const spot = document.getElementById(spotId);
      for (const r of CSS.highlights.get('tifa-lens-term') ?? []) {
        if (!spot?.contains(r.startContainer)) continue;
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() !== term) continue;
        const box = range.getClientRects()[0];
        if (box) return { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
      }
      return null;
    },
    [id, TERM] as const,
  );
}

async function boxOf(cdp: CDPSession, node: AxNode): Promise<Box> {
  const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId! })) as { model: { border: number[] } };
  const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.border;
  return { left: x1, top: y1, right: x3, bottom: y3 };
}

/** Whether what the reader sees at the centre of the node's box is the node itself (not clipped, not covered). */
async function seenAt(cdp: CDPSession, node: AxNode): Promise<boolean> {
  const box = await boxOf(cdp, node);
  const x = Math.round((box.left + box.right) / 2);
  const y = Math.round((box.top + box.bottom) / 2);
  const hit = (await cdp.send('DOM.getNodeForLocation', { x, y, includeUserAgentShadowDOM: false, ignorePointerEventsNone: true })) as {
    backendNodeId: number;
  };
  if (hit.backendNodeId === node.backendDOMNodeId) return true;
  // A text node or a span inside the button is the button too.
  const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: hit.backendNodeId })) as { object: { objectId: string } };
  const { object: target } = (await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId! })) as { object: { objectId: string } };
  const { result } = (await cdp.send('Runtime.callFunctionOn', {
    objectId: target.objectId,
    functionDeclaration: 'function (hit) { return this.contains(hit); }',
    arguments: [{ objectId: object.objectId }],
    returnByValue: true,
  })) as { result: { value: boolean } };
  return result.value;
}

/** Whether the card's content scrolls inside it (part of it hidden until the reader scrolls the card). */
async function scrollsInside(cdp: CDPSession, dialog: AxNode): Promise<boolean> {
  const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: dialog.backendDOMNodeId! })) as { object: { objectId: string } };
  const { result } = (await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: 'function () { const p = this.parentElement; return p.scrollHeight > p.clientHeight + 1; }',
    returnByValue: true,
  })) as { result: { value: boolean } };
  return result.value;
}

const inside = (box: Box, view: { width: number; height: number }): boolean =>
  box.left >= 0 && box.top >= 0 && box.right <= view.width && box.bottom <= view.height;

describe('the card is placed where the reader sees all of it', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let page: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    server = await startServer({
      '/ltr.html': { body: testPage('ltr') },
      '/rtl.html': { body: testPage('rtl') },
    });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    cdp = await browser.context.newCDPSession(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function load(path: string, view: { width: number; height: number; scale?: number }): Promise<void> {
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: view.width,
      height: view.height,
      deviceScaleFactor: view.scale ?? 1,
      mobile: false,
    });
    await page.goto(server.url(path));
    await waitForLens(page);
  }

  async function open(id: string): Promise<{ term: Box; dialog: AxNode; nodes: AxNode[] }> {
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
    await expect.poll(async () => (await readDialog(cdp)) === null, { timeout: 5_000 }).toBe(true);
    const term = await termBox(page, id);
    if (!term) throw new Error(`${TERM} in #${id} is not highlighted`);
    await page.mouse.move(term.left + 6, (term.top + term.bottom) / 2);
    await expect.poll(async () => (await readDialog(cdp))?.name ?? '', { timeout: 5_000 }).toContain(TERM);
    // Placed after it is measured: one more frame.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const dialog = (await readDialog(cdp))!;
    return { term, dialog: dialog.nodes[0]!, nodes: dialog.nodes };
  }

  /**
   * The card and its actions are on screen and not over the term; `whole`: all of the card, without
   * scrolling in it (else, with no side of the term tall enough, the card scrolls but its actions stay in view).
   */
  async function expectPlaced(id: string, view: { width: number; height: number }, whole = true): Promise<void> {
    const { term, dialog, nodes } = await open(id);
    const card = whole ? await boxOf(cdp, dialog) : await shownBox(dialog);
    const actions = nodes.filter((n) => n.role?.value === 'button' && /open in source|add note/iu.test(axText(n.name)));
    expect(actions.map((n) => axText(n.name))).toEqual(['Open in source', 'Add note']);
    expect(inside(card, view), `card of #${id} at ${JSON.stringify(card)}`).toBe(true);
    if (whole) expect(await scrollsInside(cdp, dialog), `card of #${id} scrolls inside`).toBe(false);
    for (const action of actions) {
      expect(inside(await boxOf(cdp, action), view)).toBe(true);
      expect(await seenAt(cdp, action), `${axText(action.name)} of #${id} is seen`).toBe(true);
    }
    const overlaps = card.left < term.right && card.right > term.left && card.top < term.bottom && card.bottom > term.top;
    expect(overlaps, `card of #${id} covers its term`).toBe(false);
  }

  const desktop = { width: 1280, height: 860 };
  for (const spot of Object.keys(SPOTS) as Spot[]) {
    it(`shows the whole card and its actions for a term at the ${spot} of an 860-px-high window`, async () => {
      if (!page.url().endsWith('/ltr.html')) await load('/ltr.html', desktop);
      await expectPlaced(spot, desktop);
    });
  }

  /** The box the reader sees of the card: the popover around the dialog (which may be taller, when it scrolls). */
  async function shownBox(dialog: AxNode): Promise<Box> {
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: dialog.backendDOMNodeId! })) as { object: { objectId: string } };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration:
        'function () { const b = this.parentElement.getBoundingClientRect(); return { left: b.left, top: b.top, right: b.right, bottom: b.bottom }; }',
      returnByValue: true,
    })) as { result: { value: Box } };
    return result.value;
  }

  /** Whether the card touches the term on one of its sides, a small gap apart. */
  const attached = (card: Box, term: Box): boolean => {
    const near = (a: number, b: number): boolean => Math.abs(a - b) <= 10;
    const acrossX = card.left < term.right && card.right > term.left;
    const acrossY = card.top < term.bottom && card.bottom > term.top;
    return (
      (acrossX && (near(card.top, term.bottom) || near(card.bottom, term.top))) || (acrossY && (near(card.left, term.right) || near(card.right, term.left)))
    );
  };

  /** Opens the card on the term in #id, puts focus in it (so it stays open), scrolls, and checks it is still at its term. */
  async function scrollWith(id: string, scroll: (by: number) => void, by: number): Promise<void> {
    const before = await open(id);
    const card = await shownBox(before.dialog);
    expect(attached(card, before.term), `card ${JSON.stringify(card)} at term ${JSON.stringify(before.term)}`).toBe(true);
    await page.mouse.click(card.left + 4, card.top + 4);
    await page.evaluate(scroll, by);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const term = (await termBox(page, id))!;
    expect(term.top - before.term.top).toBeCloseTo(-by, 0);
    const dialog = await readDialog(cdp);
    expect(dialog?.name, 'the card stays open').toContain(TERM);
    const moved = await shownBox(dialog!.nodes[0]!);
    expect(attached(moved, term), `card ${JSON.stringify(moved)} at term ${JSON.stringify(term)}`).toBe(true);
    expect(moved).not.toEqual(card);
  }

  it('stays attached to its term when the page scrolls', async () => {
    await load('/ltr.html', desktop);
    await page.evaluate(() => window.scrollTo(0, 500));
    await scrollWith('flow', (by) => window.scrollBy(0, by), 400);
  });

  it('stays attached to its term when the term scrolls inside a scrolling box', async () => {
    await page.keyboard.press('Escape');
    await page.evaluate(() => {
      window.scrollTo(0, 1800);
      document.getElementById('scroller')!.scrollTop = 300;
    });
    await scrollWith('inner', (by) => document.getElementById('scroller')!.scrollBy(0, by), 60);
  });

  it('does so in a right-to-left page 360 px wide', async () => {
    const narrow = { width: 360, height: 740 };
    await load('/rtl.html', narrow);
    // Too narrow for a card beside the term: away from the top and bottom edges neither above nor below holds all of it.
    for (const spot of Object.keys(SPOTS) as Spot[]) await expectPlaced(spot, narrow, spot === 'top' || spot === 'bottom');
  });

  it('does so zoomed in to 200 %', async () => {
    // The browser's zoom gives the page a viewport half as many CSS pixels wide and high.
    const zoomed = { width: 640, height: 430, scale: 2 };
    await load('/ltr.html', zoomed);
    for (const spot of Object.keys(SPOTS) as Spot[]) await expectPlaced(spot, zoomed, false);
  });
});
