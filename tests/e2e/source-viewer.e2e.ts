import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glossary } from '../../assets/generated/glossary';
import { blockAnchor } from '../../lib/source/anchors';
import { sourceQuery } from '../../lib/source/url';
import { launchBrowser } from '../../scripts/support/browser';
import type { ExtensionBrowser } from '../../scripts/support/browser';
import { EXTENSION_DIR } from '../../scripts/support/paths';

const { documents, entries } = glossary;
const belt = entries.find((e) => e.zh === '一带一路');
// A late occurrence, in the last document: the page must scroll to reach it.
const occurrence = belt?.occurrences[belt.occurrences.length - 1];

async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const r = element.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
    });
}

describe('the source viewer', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens at a cited occurrence: its paragraph in view, the occurrence highlighted', async () => {
    expect(belt && occurrence).toBeTruthy();
    if (!belt || !occurrence) return;
    const [d, b, start, end] = occurrence;
    const doc = documents[d];
    const block = doc?.blocks[b];
    if (!doc || !block) throw new Error('bad occurrence');
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl(`source.html${sourceQuery(documents, { doc: doc.id, block: b, range: { start, end }, term: belt.id })}`));
    const anchor = blockAnchor(doc.id, b, block);
    await page.locator(`#${anchor}.block--cited mark[data-cited]`).waitFor();
    await expect.poll(() => inViewport(page, `#${anchor} mark[data-cited]`)).toBe(true);
    const cited = await page.locator('mark[data-cited]').allTextContents();
    expect(cited.join('')).toBe(block.text.slice(start, end));
    // Distinct from a plain term: its own background.
    const [citedBg, plainBg] = await Promise.all([
      page
        .locator('mark[data-cited]')
        .first()
        .evaluate((m) => getComputedStyle(m).backgroundColor),
      page
        .locator('.term')
        .first()
        .evaluate((t) => getComputedStyle(t).backgroundColor),
    ]);
    expect(citedBg).not.toBe(plainBg);
    await expect(page.getByRole('complementary', { name: 'Cited passage' }).textContent()).resolves.toContain(
      `occurrence ${belt.occurrences.length} of ${belt.occurrences.length}`,
    );

    // A paragraph link followed on the page (hashchange) moves the highlight there.
    await page.evaluate(() => {
      window.location.hash = '#speech-p3';
    });
    await page.locator('#speech-p3.block--cited').waitFor();
    await expect.poll(() => inViewport(page, '#speech-p3')).toBe(true);
    expect(await page.locator('mark[data-cited]').count()).toBe(0);
    await page.close();
  });

  it('shows the card of a hovered term, with pinyin and English', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('source.html'));
    const term = page.locator('#speech-p4 .term', { hasText: /^一带一路$/u }).first();
    await term.hover();
    const card = page.getByRole('dialog', { name: '一带一路' });
    await card.waitFor();
    expect(await card.isVisible()).toBe(true);
    expect(await card.textContent()).toContain(belt?.pinyin ?? '?');
    expect(await card.textContent()).toContain(belt?.en ?? '?');
    // The card stays open while the pointer moves onto it, and Esc closes it.
    await card.hover();
    await page.waitForTimeout(500);
    expect(await card.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    await page.close();
  });

  it('opens a term card from the keyboard and moves through its buttons', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('source.html'));
    const term = page.locator('#speech-p4 .term', { hasText: /^一带一路$/u }).first();
    await term.focus();
    await term.press('Enter');
    const card = page.getByRole('dialog', { name: '一带一路' });
    await card.waitFor();
    await expect.poll(() => card.evaluate((c) => c.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await card.evaluate((c) => document.activeElement instanceof HTMLButtonElement && c.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    expect(await term.evaluate((t) => t === document.activeElement)).toBe(true);
    await page.close();
  });

  it('shows pinyin above the text when switched on', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('source.html'));
    expect(await page.locator('ruby').count()).toBe(0);
    await page.getByRole('switch', { name: /Pinyin/u }).check();
    const title = page.locator('#speech-b0');
    await title.locator('rt').first().waitFor();
    expect((await title.locator('rt').allTextContents()).slice(0, 4)).toEqual(['xié', 'shǒu', 'gòng', 'mìng']);
    // Above the characters, not beside them.
    const [rt, base] = await title
      .locator('ruby')
      .first()
      .evaluate((ruby) => {
        const r = ruby.querySelector('rt')?.getBoundingClientRect();
        return [r?.bottom ?? 0, ruby.getBoundingClientRect().bottom];
      });
    expect(rt).toBeLessThan(base);
    await page.close();
  });

  it('narrows the text to the passages a search finds', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('source.html'));
    const paragraphs = page.locator('.block--paragraph');
    const all = await paragraphs.count();
    await page.getByRole('searchbox', { name: 'Search the sources' }).fill('Belt and Road');
    await expect.poll(() => paragraphs.count()).toBeLessThan(all);
    const shown = await paragraphs.count();
    expect(shown).toBeGreaterThan(0);
    expect(await page.locator('.block--paragraph mark.hit').count()).toBeGreaterThanOrEqual(shown);
    expect(await page.getByRole('status').textContent()).toMatch(new RegExp(`in ${shown} passages?$`, 'u'));
    await page.keyboard.press('Enter');
    await expect.poll(() => inViewport(page, '.block--current')).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => paragraphs.count()).toBe(all);
    await page.close();
  });

  it('names each document by its title', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('source.html'));
    for (const doc of documents) {
      await page.getByRole('article', { name: doc.title }).getByRole('heading', { level: 2, name: doc.title }).waitFor();
    }
    await page.close();
  });

  it('keeps pinyin-pro out of the content script', () => {
    const content = readFileSync(join(EXTENSION_DIR, 'loader.js'), 'utf8');
    expect(content).not.toContain('segmentit');
    expect(content).not.toContain('polyphonic');
  });

  it('reports no error', () => {
    expect(browser.extensionErrors).toEqual([]);
  });
});
