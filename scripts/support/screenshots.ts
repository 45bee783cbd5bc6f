// The README's screenshots (`npm run demo -- --screenshots`): a card open on a sample page, the
// popup's "This page" tab for that page, and the source viewer at a cited occurrence. Fixed sizes
// at device scale 1, so that a refresh changes the images only where the extension changed.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { glossary } from '../../assets/generated/glossary';
import { blockAnchor } from '../../lib/source/anchors';
import { sourceQuery } from '../../lib/source/url';
import type { ExtensionBrowser } from './browser';
import { centreOfHighlight, messageTabAt, waitForLens } from './page-probe';
import { ROOT } from './paths';

export const SCREENSHOT_DIR = join(ROOT, 'docs/screenshots');
const PAGE_SIZE = { width: 1000, height: 700 };
/** The popup's own width (entrypoints/popup/style.css), tall enough for a page's terms. */
const POPUP_SIZE = { width: 400, height: 600 };
/** The term whose card, popup row and source occurrence the screenshots show. */
const TERM = '一带一路';

async function cardShot(page: Page, url: string): Promise<void> {
  await page.setViewportSize(PAGE_SIZE);
  await page.goto(url);
  await waitForLens(page);
  const at = await centreOfHighlight(page, TERM);
  if (!at) throw new Error(`${TERM} is not highlighted on ${url}`);
  // The term near the top, so that the card opens below it at its full height.
  const dy = await page.evaluate((y) => {
    const before = window.scrollY;
    window.scrollBy({ top: y, behavior: 'instant' });
    return window.scrollY - before;
  }, at.y - 110);
  await page.waitForTimeout(300);
  await page.mouse.move(at.x, at.y - dy);
  await page.waitForTimeout(900);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'card.png') });
}

async function popupShot(browser: ExtensionBrowser, url: string): Promise<void> {
  const probe = await browser.context.newPage();
  await probe.goto(browser.extensionUrl('popup.html'));
  const found = (await messageTabAt(probe, url, { type: 'lens/summary' })) as { tabId: number } | null;
  await probe.close();
  if (!found) throw new Error(`no tab reports ${url}`);
  const popup = await browser.context.newPage();
  await popup.setViewportSize(POPUP_SIZE);
  // `?tab=` names the page's tab: opened as a tab, the popup would otherwise describe itself.
  await popup.goto(browser.extensionUrl(`popup.html?tab=${found.tabId}`));
  await popup
    .getByRole('button', { name: new RegExp(TERM, 'u') })
    .first()
    .waitFor();
  await popup.screenshot({ path: join(SCREENSHOT_DIR, 'popup.png') });
  await popup.close();
}

async function sourceShot(browser: ExtensionBrowser): Promise<void> {
  const { documents, entries } = glossary;
  const entry = entries.find((e) => e.zh === TERM);
  const occurrence = entry?.occurrences[0];
  const doc = occurrence ? documents[occurrence[0]] : undefined;
  const block = occurrence ? doc?.blocks[occurrence[1]] : undefined;
  if (!entry || !occurrence || !doc || !block) throw new Error(`${TERM} has no occurrence in the corpus`);
  const [, b, start, end] = occurrence;
  const page = await browser.context.newPage();
  await page.setViewportSize(PAGE_SIZE);
  await page.goto(browser.extensionUrl(`source.html${sourceQuery(documents, { doc: doc.id, block: b, range: { start, end }, term: entry.id })}`));
  await page.locator(`#${blockAnchor(doc.id, b, block)} mark[data-cited]`).waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'source-viewer.png') });
  await page.close();
}

/** Saves card.png, popup.png and source-viewer.png of the sample page at `url`. */
export async function saveScreenshots(browser: ExtensionBrowser, url: string): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const page = await browser.context.newPage();
  await cardShot(page, url);
  await popupShot(browser, url);
  await page.close();
  await sourceShot(browser);
  return ['card.png', 'popup.png', 'source-viewer.png'].map((name) => join(SCREENSHOT_DIR, name));
}
