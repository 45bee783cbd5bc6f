// The analyst's brief of the tab's page, as the popup's This page copies or saves it: the text
// around the page's traced quotations comes from its content script (`lens/quotations`), its
// notes from the background (`notes/for-page`), both through validated messages; the alignment
// with the corpus and the Markdown are lib/quote's and lib/brief's.

import { pageBrief, quotationsOf, renderBrief } from '../../lib/brief/index';
import type { BriefNote, BriefQuotation } from '../../lib/brief/index';
import type { CompiledGlossary } from '../../lib/glossary/types';
import { corpusPassages } from '../../lib/glossary/matcher-input';
import type { Note, TermCount } from '../../lib/notes/types';
import { buildAlignCorpus } from '../../lib/quote/index';
import type { AlignCorpus } from '../../lib/quote/index';

type GlossaryPart = Pick<CompiledGlossary, 'documents' | 'entries' | 'quoteVariants'>;

/** What the page's content script tells of it: its title and the blocks holding quotations. */
export interface QuotedPage {
  url: string;
  title: string;
  blocks: readonly string[];
}

/** The corpus folded for alignment, built the first time the popup aligns a page. */
export function lazyCorpus(glossary: GlossaryPart): () => AlignCorpus {
  let corpus: AlignCorpus | null = null;
  return () => (corpus ??= buildAlignCorpus(corpusPassages(glossary.documents), glossary.quoteVariants));
}

/** The page's quotations, aligned, with their verdicts and citations. */
export function pageQuotations(page: QuotedPage, corpus: AlignCorpus, glossary: GlossaryPart): BriefQuotation[] {
  return quotationsOf(page.blocks, corpus, glossary);
}

/** A note as the brief lists it: its text, and the page text it is on. */
export function briefNotes(notes: readonly Note[]): BriefNote[] {
  return notes.map((n) => (n.selectors ? { body: n.body, quote: n.selectors.quote.exact } : { body: n.body }));
}

/** The reader's local date, YYYY-MM-DD: the day the brief says the page was read. */
export function localDate(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The brief as Markdown: the page's title and address, the day, its terms, quotations and notes. */
export function briefMarkdown(
  page: QuotedPage,
  terms: readonly TermCount[],
  notes: readonly Note[],
  readOn: string,
  corpus: AlignCorpus,
  glossary: GlossaryPart,
): string {
  return renderBrief(pageBrief({ title: page.title, url: page.url, readOn, blocks: page.blocks, terms, notes: briefNotes(notes) }, corpus, glossary));
}

/** A file name for the brief: the day and the page's host, nothing a file system refuses. */
export function briefFilename(url: string, readOn: string): string {
  let host = 'page';
  try {
    host = new URL(url).hostname.replace(/[^a-z0-9.-]/giu, '') || 'page';
  } catch {
    // Not a URL: the generic name.
  }
  return `tifa-lens-brief-${readOn}-${host}.md`;
}
