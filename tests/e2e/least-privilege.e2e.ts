// What a page's content script may ask the background, in the built extension: a page shares its
// process with the content script, so whatever the content script can read, a compromised page can.
// It reads the notes of its own page and nothing of another site's, nor the list, the search or
// the reading history. Asked from the content script's own isolated world, as the DevTools
// protocol lets a test do.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/support/browser';
import type { ExtensionBrowser } from '../../scripts/support/browser';
import { startServer } from '../../scripts/support/server';
import type { PageServer } from '../../scripts/support/server';

const PAGE = `<!doctype html><html lang="en"><head><title>Plain page</title></head><body><p>Nothing to see.</p></body></html>`;

interface Answer {
  ok: boolean;
  error?: string;
  data?: { notes?: { body: string }[]; count?: number };
}

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; isDefault?: boolean; frameId?: string };
}

/** The isolated world the extension's content script runs in, in the page's top frame. */
async function contentWorld(page: Page, extensionId: string): Promise<{ cdp: CDPSession; contextId: number }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) => void contexts.push(context));
  await cdp.send('Runtime.enable');
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const find = (): ExecutionContext | undefined =>
    contexts.find((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id && c.origin === `chrome-extension://${extensionId}`);
  await expect.poll(() => find() !== undefined, { timeout: 10_000 }).toBe(true);
  return { cdp, contextId: find()!.id };
}

/** Sends `message` to the background from the content script's world. */
async function sendFromContent(world: { cdp: CDPSession; contextId: number }, message: unknown): Promise<Answer> {
  const { result, exceptionDetails } = (await world.cdp.send('Runtime.evaluate', {
    contextId: world.contextId,
    expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value: Answer }; exceptionDetails?: unknown };
  if (exceptionDetails) throw new Error(`the content script's world threw: ${JSON.stringify(exceptionDetails)}`);
  return result.value;
}

describe('a page’s content script', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let extensionPage: Page;
  let own: string;
  let otherSite: string;

  beforeAll(async () => {
    server = await startServer({ '/plain.html': { body: PAGE } });
    own = server.url('/plain.html');
    // The same server under another host name: another site.
    otherSite = own.replace('127.0.0.1', 'localhost');
    browser = await launchBrowser();
    extensionPage = await browser.context.newPage();
    await extensionPage.goto(browser.extensionUrl('options.html'));
    for (const [url, body] of [
      [own, 'a note on this page'],
      [otherSite, 'a private note on another site'],
    ]) {
      const created = await extensionPage.evaluate(
        (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Answer> } } }).chrome.runtime.sendMessage(m),
        { type: 'notes/create', draft: { url, title: 'T', ref: null, selectors: null, body, tags: [] } },
      );
      expect(created.ok).toBe(true);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reads the notes of its own page, and nothing of another site’s', async () => {
    const page = await browser.context.newPage();
    await page.goto(own);
    const world = await contentWorld(page, browser.extensionId);

    const mine = await sendFromContent(world, { type: 'notes/for-page', url: own });
    expect(mine.ok).toBe(true);
    expect(mine.data?.notes?.map((n) => n.body)).toEqual(['a note on this page']);

    for (const message of [
      { type: 'notes/for-page', url: otherSite },
      { type: 'notes/count-for-page', url: otherSite },
      { type: 'notes/list' },
      { type: 'notes/search', query: 'private' },
      { type: 'encounters/list' },
      { type: 'backup/export', format: 'json' },
    ]) {
      const answer = await sendFromContent(world, message);
      expect({ type: message.type, ok: answer.ok }).toEqual({ type: message.type, ok: false });
      expect(answer.error).not.toContain('private note');
    }
    // Once the page moves its address (pushState), the old one is no longer its page: the browser's account decides.
    await page.evaluate(() => history.pushState({}, '', '/elsewhere.html'));
    expect((await sendFromContent(world, { type: 'notes/for-page', url: own })).ok).toBe(false);
    await page.close();
  });
});
