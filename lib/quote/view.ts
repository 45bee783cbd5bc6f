import { findQuotations } from './quotation';
import type { AlignCorpus } from './corpus-index';
import type { OpKind, Quotation, Verdict } from './types';

/** Each verdict in the words the card and the popup use. */
export const VERDICT_WORDS: Readonly<Record<Verdict, string>> = {
  verbatim: 'verbatim',
  abridged: 'abridged',
  altered: 'altered',
  paraphrase: 'close paraphrase',
};

/**
 * A stretch of a quotation as a reader compares it: what the page writes there and what the
 * corpus does. `same` stretches also carry the characters between differences that are none
 * (punctuation, spacing), each side as it writes them.
 */
export interface QuoteSegment {
  kind: OpKind;
  page: string;
  corpus: string;
  moved?: true;
}

/** A quotation ready to show: both texts cut into segments that cover each of them entirely. */
export interface QuoteView {
  verdict: Verdict;
  doc: number;
  /** The passage's `para` (for the glossary's corpus: the block index). */
  block: number;
  segments: QuoteSegment[];
}

/** The quotation `q` of `pageText` as segments, the corpus text taken from `corpus`. */
export function quoteView(q: Quotation, pageText: string, corpus: AlignCorpus): QuoteView {
  const source = corpus.passages[q.passage]!.text;
  const segments: QuoteSegment[] = [];
  const add = (kind: OpKind, page: string, corpusText: string, moved?: true): void => {
    if (page === '' && corpusText === '') return;
    const last = segments[segments.length - 1];
    if (kind === 'same' && last?.kind === 'same') {
      last.page += page;
      last.corpus += corpusText;
      return;
    }
    segments.push({ kind, page, corpus: corpusText, ...(moved ? { moved } : {}) });
  };
  let p = q.page[0];
  let c = q.corpus[0];
  for (const op of q.ops) {
    // What lies between two steps is no difference (ops cover every kept character).
    add('same', pageText.slice(p, Math.max(p, op.page[0])), source.slice(c, Math.max(c, op.corpus[0])));
    add(op.kind, pageText.slice(...op.page), source.slice(...op.corpus), op.moved);
    p = Math.max(p, op.page[1]);
    c = Math.max(c, op.corpus[1]);
  }
  return { verdict: q.verdict, doc: q.doc, block: q.para, segments };
}

/**
 * The quotation of `blockText` (a page's paragraph) that the exact quotation traced at
 * [from, to) of it belongs to, as a view; null when the alignment finds none there. Only that
 * block is aligned, around its exact shared runs (findQuotations).
 */
export function quotationAt(corpus: AlignCorpus, blockText: string, from: number, to: number): QuoteView | null {
  let best: Quotation | null = null;
  let bestOverlap = 0;
  for (const q of findQuotations(corpus, blockText)) {
    const overlap = Math.min(to, q.page[1]) - Math.max(from, q.page[0]);
    if (overlap > bestOverlap) {
      best = q;
      bestOverlap = overlap;
    }
  }
  return best ? quoteView(best, blockText, corpus) : null;
}
