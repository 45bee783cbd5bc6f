// The popup's This page on a page quoting the speech with known edits: its quotations with their
// verdicts, and the brief it saves, checked against the expected file.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/support/browser';
import type { ExtensionBrowser } from '../../scripts/support/browser';
import { messageTabAt, waitForLens } from '../../scripts/support/page-probe';
import { ROOT } from '../../scripts/support/paths';
import { startServer } from '../../scripts/support/server';
import type { PageServer } from '../../scripts/support/server';

const FIXTURES = join(ROOT, 'tests/fixtures/quotes');

/** Sends a request to the background from an extension page. */
function send(page: Page, message: unknown): Promise<{ ok: boolean; error?: string }> {
  return page.evaluate(async (m) => {
    const api = (globalThis as { chrome?: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome;
    if (!api) throw new Error('not an extension page');
    return api.runtime.sendMessage(m);
  }, message);
}

describe('the popup’s quotations and brief of a page', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let popup: Page;
  let url: string;

  beforeAll(async () => {
    server = await startServer({ '/summit.html': { body: readFileSync(join(FIXTURES, 'summit-page.html')) } });
    browser = await launchBrowser();
    const tab = await browser.context.newPage();
    url = server.url('/summit.html');
    await tab.goto(url);
    await waitForLens(tab);
    popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    const created = await send(popup, {
      type: 'notes/create',
      draft: {
        url,
        title: await tab.title(),
        ref: null,
        selectors: {
          quote: { type: 'TextQuoteSelector', exact: '跨國有組織犯罪', prefix: '和', suffix: '、' },
          position: { type: 'TextPositionSelector', start: 40, end: 47 },
        },
        body: 'The Hong Kong rendering adds 有 ("organised"): *check* the original.',
        tags: [],
      },
    });
    expect(created.ok).toBe(true);
    const found = (await messageTabAt(popup, url, { type: 'lens/summary' })) as { tabId: number } | null;
    if (!found) throw new Error('the test page has no lens');
    await popup.goto(browser.extensionUrl(`popup.html?tab=${found.tabId}`));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the page’s quotations with their verdicts in words', async () => {
    const section = popup.getByRole('region', { name: '6 quotations of the corpus' });
    await section.waitFor();
    const verdicts = await section.locator('.quote-item .verdict').allInnerTexts();
    expect(verdicts.map((v) => v.toLowerCase())).toEqual(['verbatim', 'altered', 'altered', 'abridged', 'verbatim', 'close paraphrase']);
    expect(await section.locator('.quote-item').nth(2).innerText()).toContain('added 有');
  });

  it('saves the brief of the page, as the checked file says it, with its address and the day', async () => {
    const saved = popup.waitForEvent('download');
    await popup.getByRole('group', { name: 'The page’s brief' }).getByRole('button', { name: 'Download' }).click();
    const download = await saved;
    expect(download.suggestedFilename()).toMatch(/^tifa-lens-brief-\d{4}-\d\d-\d\d-127\.0\.0\.1\.md$/u);
    const text = readFileSync(await download.path(), 'utf8');
    const expected = readFileSync(join(FIXTURES, 'summit-page.brief.md'), 'utf8').replace('https://example.test/summit?id=1', url);
    expect(text.replace(/^Read \d{4}-\d\d-\d\d$/mu, 'Read 2026-12-07')).toBe(expected);
    await expect.poll(() => popup.getByRole('status').filter({ hasText: 'Brief saved.' }).count()).toBe(1);
  });
});
