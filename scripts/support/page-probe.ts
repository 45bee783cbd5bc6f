import type { CDPSession, Frame, Page } from 'playwright-core';
import { waitForTrace } from './lens-trace';

/**
 * Waits for the content script's first painted scan in the page's top frame (or in `frame`), read
 * from its trace in the extension's isolated world; resolves with the `tifa-lens:ready` detail.
 */
export async function waitForLens(target: Page | Frame, timeout = 20_000): Promise<unknown> {
  const [ready] = await waitForTrace(target, 'tifa-lens:ready', { timeout });
  return ready?.detail;
}

/** The text of every range of a highlight, in registration order. */
export function highlightedTexts(target: Page | Frame, name = 'tifa-lens-term'): Promise<string[]> {
  return target.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName);
    return [...(highlight ?? [])].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  }, name);
}

/** The viewport centre of the first highlighted range whose text is `text`, or null. */
export function centreOfHighlight(page: Page, text: string, name = 'tifa-lens-term'): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ([wanted, highlightName]) => {
      for (const r of CSS.highlights.get(highlightName) ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() !== wanted) continue;
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const box = range.getClientRects()[0];
        if (box) return { x: box.left + Math.min(box.width / 2, 12), y: box.top + box.height / 2 };
      }
      return null;
    },
    [text, name] as const,
  );
}

/** An accessibility node's role or name as text: CDP sends both as strings, typed loosely. */
export function axText(value: { value?: unknown } | undefined, absent = ''): string {
  return typeof value?.value === 'string' ? value.value : absent;
}

export interface AxNode {
  nodeId: string;
  role?: { value?: unknown };
  name?: { value?: unknown };
  childIds?: string[];
  backendDOMNodeId?: number;
  /** States and ARIA properties: `pressed`, `expanded`… */
  properties?: { name: string; value: { value?: unknown } }[];
}

/**
 * What a screen reader gets of the open term card: its accessible name and the text inside it.
 * The card lives in a closed shadow root, which the accessibility tree sees like a user does.
 */
export async function readDialog(cdp: CDPSession): Promise<{ name: string; text: string; nodes: AxNode[] } | null> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const dialog = nodes.find((n) => n.role?.value === 'dialog');
  if (!dialog) return null;
  const parts: string[] = [];
  const inside: AxNode[] = [];
  const visit = (node: AxNode): void => {
    inside.push(node);
    const name = node.name?.value;
    // Text runs are StaticText nodes; their names, joined, are the text a reader sees.
    if (node.role?.value === 'StaticText' && typeof name === 'string') parts.push(name);
    for (const id of node.childIds ?? []) {
      const child = byId.get(id);
      if (child) visit(child);
    }
  };
  visit(dialog);
  return { name: axText(dialog.name), text: parts.join(''), nodes: inside };
}

/** Clicks the control in the open card whose role and accessible name match. */
export async function clickInDialog(page: Page, cdp: CDPSession, role: string, name: RegExp): Promise<void> {
  const dialog = await readDialog(cdp);
  const target = dialog?.nodes.find((n) => n.role?.value === role && name.test(axText(n.name)));
  if (!target?.backendDOMNodeId) throw new Error(`no ${role} named ${String(name)} in the card`);
  const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: target.backendDOMNodeId })) as {
    model: { content: number[] };
  };
  const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

/**
 * Sends a tab message, from an extension page, to the tab showing `url`. Without the `tabs`
 * permission tab URLs are hidden, so each tab's content script is asked for its summary.
 */
export function messageTabAt(extensionPage: Page, url: string, message: { type: string }): Promise<unknown> {
  return extensionPage.evaluate(
    async ([pageUrl, msg]) => {
      // The extension page's own `chrome` API (the test's TypeScript has no typings for it).
      interface TabsApi {
        query(q: object): Promise<{ id?: number }[]>;
        sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
      }
      const chrome = (globalThis as unknown as { chrome: { tabs: TabsApi; action: { getBadgeText(d: { tabId: number }): Promise<string> } } }).chrome;
      for (const tab of await chrome.tabs.query({})) {
        if (tab.id === undefined) continue;
        const summary: unknown = await chrome.tabs.sendMessage(tab.id, { type: 'lens/summary' }, { frameId: 0 }).catch(() => null);
        const data = (summary as { data?: { url?: string } } | null)?.data;
        if (data?.url === pageUrl) {
          const answer: unknown = await chrome.tabs.sendMessage(tab.id, msg, { frameId: 0 });
          return { tabId: tab.id, badge: await chrome.action.getBadgeText({ tabId: tab.id }), answer };
        }
      }
      return null;
    },
    [url, message] as const,
  );
}

/**
 * The note frame the page shows (the composer: an extension page framed in the card), once its
 * note field has the keyboard focus, so that what the test types goes there.
 */
export async function focusedNoteFrame(page: Page, timeout = 10_000): Promise<Frame> {
  const until = Date.now() + timeout;
  for (;;) {
    const frame = page.frames().find((f) => /^chrome-extension:\/\/[^/]+\/note-frame\.html#/u.test(f.url()));
    // A frame still loading (or just removed) may never answer: each look is given a moment only.
    const look = frame
      ? frame
          .evaluate(
            () => document.hasFocus() && document.activeElement instanceof HTMLTextAreaElement && document.activeElement.labels[0]?.textContent === 'Note',
          )
          .catch(() => false)
      : Promise.resolve(false);
    const focused = await Promise.race([look, new Promise<false>((resolve) => setTimeout(() => resolve(false), 1_000))]);
    if (frame && focused) return frame;
    if (Date.now() > until) throw new Error(frame ? 'the note frame’s field does not have the focus' : 'no note frame in the page');
    await page.waitForTimeout(50);
  }
}
