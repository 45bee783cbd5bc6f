import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/support/browser';
import type { ExtensionBrowser } from '../../scripts/support/browser';
import { lensTrace } from '../../scripts/support/lens-trace';
import { waitForLens } from '../../scripts/support/page-probe';
import { startServer } from '../../scripts/support/server';
import type { PageServer } from '../../scripts/support/server';

const PAGE = `<!doctype html><html lang="zh"><head><title>Smoke</title></head>
<body><p>中国同中亚五国建交 30 周年。</p></body></html>`;
const PLAIN = `<!doctype html><html lang="zh"><head><title>Plain</title></head>
<body><p>苹果公司今天发布了新款手机，搭载更快的芯片。</p><p>Apple released a new phone today.</p></body></html>`;

describe('the built extension', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;

  beforeAll(async () => {
    server = await startServer({ '/smoke.html': { body: PAGE }, '/plain.html': { body: PLAIN } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads and starts its service worker', () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/u);
    expect(browser.worker.url()).toBe(browser.extensionUrl('background.js'));
  });

  it('runs its content script on a page served from 127.0.0.1', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/smoke.html'));
    await waitForLens(page);
    await page.close();
  });

  it('loads the matcher the build serialized, from the background, only on a page with something to find', async () => {
    const loads = async (path: string): Promise<unknown[]> => {
      const page = await browser.context.newPage();
      await page.goto(server.url(path));
      await waitForLens(page);
      const details = (await lensTrace(page, 'tifa-lens:compile')).map((e) => e.detail);
      await page.close();
      return details;
    };
    expect(await loads('/smoke.html')).toEqual([{ loaded: true }]);
    expect(await loads('/plain.html')).toEqual([]);
  });

  it('opens the popup', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('popup.html'));
    await expect(page.getByRole('heading', { name: 'Tifa Lens' }).isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('opens the source viewer with the three documents', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('source.html'));
    for (const title of ['携手共命运 一起向未来', '习近平同巴赫交往的三个故事', '赓续传统友谊 共谱美好明天']) {
      await page.getByRole('heading', { name: title }).waitFor();
    }
    await page.close();
  });

  it('reports no error', () => {
    expect(browser.extensionErrors).toEqual([]);
  });
});
