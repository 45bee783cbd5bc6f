// `npm run demo`: serves the bundled sample news pages and opens them in Chromium with the built
// extension. With a display it is headed, for the user; without one it prints, per page, the terms
// found and their counts, and saves a screenshot of each page with a term's card open.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_HINT, chromiumAvailable, EXTENSION_DIR, ROOT } from '../tests/e2e/support/paths';
import { launchBrowser } from '../tests/e2e/support/browser';
import { startServer } from '../tests/e2e/support/server';
import { readPageTerms } from './page-terms';

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

async function headless(urls: string[]): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await launchBrowser();
  try {
    for (const url of urls) {
      const page = await browser.context.newPage();
      await page.goto(url);
      const terms = await readPageTerms(page);
      const name = url.split('/').pop() ?? url;
      console.log(`\n${name}: ${terms.length} distinct terms`);
      for (const term of terms) console.log(`  ${String(term.count).padStart(3)}  ${term.text}`);
      const shot = join(OUT, name.replace(/\.html$/u, '.png'));
      await page.screenshot({ path: shot, fullPage: true });
      console.log(`  screenshot: ${shot}`);
      await page.close();
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
  const routes = Object.fromEntries(
    PAGES.map((name) => [`/${name}`, { body: readFileSync(join(ROOT, 'assets/demo', name)) }]),
  );
  const server = await startServer(routes);
  const urls = PAGES.map((name) => server.url(`/${name}`));
  try {
    if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) await headed(urls);
    else await headless(urls);
  } finally {
    await server.close();
  }
}

await main();
