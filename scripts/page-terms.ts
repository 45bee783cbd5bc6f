import type { Page } from 'playwright-core';

export interface PageTerm {
  text: string;
  count: number;
}

/** The highlighted terms of a page as a reader sees them, read from the shared CSS.highlights. */
export async function readPageTerms(page: Page): Promise<PageTerm[]> {
  await page.waitForFunction(() => performance.getEntriesByName('tifa-lens:ready').length > 0, undefined, {
    timeout: 15_000,
  });
  return page.evaluate(() => {
    const counts = new Map<string, number>();
    const highlight = CSS.highlights.get('tifa-lens-term');
    for (const range of highlight ?? []) {
      const text = range.toString();
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
    return [...counts].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count);
  });
}
