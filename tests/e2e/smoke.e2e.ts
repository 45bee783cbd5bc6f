import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import type { ExtensionBrowser } from './support/browser';
import { startServer } from './support/server';
import type { PageServer } from './support/server';

const PAGE = `<!doctype html><html lang="zh"><head><title>Smoke</title></head>
<body><p>中国同中亚五国建交 30 周年。</p></body></html>`;

describe('the built extension', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;

  beforeAll(async () => {
    server = await startServer({ '/smoke.html': { body: PAGE } });
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
    await page.waitForFunction(() => performance.getEntriesByName('tifa-lens:ready').length > 0);
    await page.close();
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
