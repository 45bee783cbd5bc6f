// `npm run demo`: serves the bundled sample news pages and opens them in Chromium with the built
// extension. With a display it is headed, for the user; without one it prints, per page, the terms
// found and their counts, and saves a screenshot of each page with a term's card open.
// `--screenshots` (headless whatever the display) also refreshes the README's docs/screenshots/.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_HINT, chromiumAvailable, EXTENSION_DIR, ROOT } from './support/paths';
import { launchBrowser } from './support/browser';
import { startServer } from './support/server';
import { reportPage } from './support/page-report';
import { saveScreenshots } from './support/screenshots';

const PAGES = ['summit-zh.html', 'summit-zh-hant.html', 'summit-en.html'];
const OUT = join(ROOT, '.output/demo');

async function headed(urls: string[]): Promise<void> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: false,
    viewport: null,
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, '--no-first-run'],
  });
  for (const url of urls) await (await context.newPage()).goto(url);
  console.log('Chromium is open with Tifa Lens and the sample pages; close it to end the demo.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
}

/** Where the reader would point to open a card: the page's first highlighted term. */
function firstTermCentre(page: Page): Promise<{ x: number; y: number } | null> {
  return page.evaluate(() => {
    const [first] = [...(CSS.highlights.get('tifa-lens-term') ?? [])];
    if (!first) return null;
    const range = document.createRange();
    range.setStart(first.startContainer, first.startOffset);
    range.setEnd(first.endContainer, first.endOffset);
    const box = range.getClientRects()[0];
    return box ? { x: box.left + Math.min(box.width / 2, 10), y: box.top + box.height / 2 } : null;
  });
}

async function headless(urls: string[], screenshots: boolean): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await launchBrowser();
  try {
    for (const url of urls) {
      const page = await browser.context.newPage();
      const report = await reportPage(browser, page, url);
      const name = url.split('/').pop() ?? url;
      console.log(`\n${name} — ${report.title}`);
      console.log(`  ${report.terms.length} distinct terms, ${report.quotes.length} quotations of the corpus`);
      for (const t of report.terms) console.log(`  ${String(t.count).padStart(3)}  ${t.term}  ${t.pinyin}  — ${t.english}`);
      for (const q of report.quotes) console.log(`  ${String(q.count).padStart(3)}  “${q.text}”  [${q.citation}]`);
      await page.bringToFront();
      const at = await firstTermCentre(page);
      if (at) {
        await page.mouse.move(at.x, at.y);
        await page.waitForTimeout(900);
      }
      const shot = join(OUT, name.replace(/\.html$/u, '.png'));
      await page.screenshot({ path: shot });
      console.log(`  screenshot with a card open: ${shot}`);
      await page.close();
    }
    if (screenshots) {
      console.log('\nscreenshots for the README:');
      for (const path of await saveScreenshots(browser, urls[0] ?? '')) console.log(`  ${path}`);
    }
    if (browser.extensionErrors.length > 0) console.log(`\nextension errors:\n${browser.extensionErrors.join('\n')}`);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  if (!chromiumAvailable()) {
    console.error(CHROMIUM_HINT);
    process.exit(1);
  }
  const routes = Object.fromEntries(PAGES.map((name) => [`/${name}`, { body: readFileSync(join(ROOT, 'assets/demo', name)) }]));
  const server = await startServer(routes);
  const urls = PAGES.map((name) => server.url(`/${name}`));
  try {
    const screenshots = process.argv.includes('--screenshots');
    if (!screenshots && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY)) await headed(urls);
    else await headless(urls, screenshots);
  } finally {
    await server.close();
  }
}

await main();
