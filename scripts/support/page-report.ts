// What the built extension found on a page, read through the extension itself (its content
// script's summary, asked from an extension page) and resolved against the glossary.
import type { Page } from 'playwright-core';
import { glossary } from '../../assets/generated/glossary';
import type { CorpusDocument } from '../../lib/corpus/types';
import type { TermCount } from '../../lib/notes/types';
import type { QuotedPassage } from '../../lib/protocol/tab-messages';
import type { ExtensionBrowser } from './browser';
import { messageTabAt, waitForLens } from './page-probe';

export interface TermRow {
  id: string;
  term: string;
  pinyin: string;
  english: string;
  count: number;
  /** Where the term first occurs in the corpus: 《title》 ¶n. */
  citation: string;
}

export interface QuoteRow {
  text: string;
  count: number;
  citation: string;
}

export interface PageReport {
  url: string;
  title: string;
  terms: TermRow[];
  quotes: QuoteRow[];
  /** The page's visible text, line by line (what the brief aligns with the corpus). */
  blocks: string[];
  /** The content script's term counts, by entry id. */
  termCounts: TermCount[];
  error?: string;
}

function cite(doc: CorpusDocument | undefined, block: number): string {
  if (!doc) return '?';
  const b = doc.blocks[block];
  const where = b?.role === 'paragraph' ? `¶${b.n}` : (b?.role ?? '?');
  return `《${doc.title}》 ${where}`;
}

interface Summary {
  answer?: { ok: boolean; data?: { terms: { entryId: string; count: number }[]; quotes: QuotedPassage[] } };
}

/** Loads `url` in a tab and reports what Tifa Lens found there. */
export async function reportPage(browser: ExtensionBrowser, page: Page, url: string): Promise<PageReport> {
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const title = await page.title();
  const text = await page.evaluate(() => document.body?.innerText ?? '');
  const blocks = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const empty = { url, title, terms: [], quotes: [], blocks, termCounts: [] };
  try {
    await waitForLens(page);
  } catch {
    return { ...empty, error: 'Tifa Lens did not finish annotating this page' };
  }
  const probe = await browser.context.newPage();
  await probe.goto(browser.extensionUrl('popup.html'));
  const summary = (await messageTabAt(probe, page.url(), { type: 'lens/summary' })) as Summary | null;
  await probe.close();
  const data = summary?.answer?.data;
  if (!data) return { ...empty, error: 'no answer from the content script' };
  const byId = new Map(glossary.entries.map((e) => [e.id, e]));
  const terms = data.terms.flatMap(({ entryId, count }): TermRow[] => {
    const entry = byId.get(entryId);
    if (!entry) return [];
    const [doc = 0, block = 0] = entry.occurrences[0] ?? [];
    return [{ id: entry.id, term: entry.zh, pinyin: entry.pinyin, english: entry.en, count, citation: cite(glossary.documents[doc], block) }];
  });
  const quotes = data.quotes.map((q): QuoteRow => {
    const doc = glossary.documents.find((d) => d.id === q.doc);
    return { text: doc?.blocks[q.block]?.text.slice(q.start, q.end) ?? '', count: q.count, citation: cite(doc, q.block) };
  });
  return { url, title, terms, quotes, blocks, termCounts: data.terms };
}
