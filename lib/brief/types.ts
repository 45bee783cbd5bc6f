import type { Verdict } from '../quote/types';

/** The analyst's brief of one page: what a report or a wiki page cites. */
export interface Brief {
  title: string;
  url: string;
  /** The day the page was read, YYYY-MM-DD. */
  readOn: string;
  terms: BriefTerm[];
  quotations: BriefQuotation[];
  notes: BriefNote[];
}

export interface BriefTerm {
  /** The glossary entry's id: two briefs' terms are the same term by it. */
  id: string;
  term: string;
  pinyin: string;
  english: string;
  count: number;
}

export interface BriefDifference {
  kind: 'dropped' | 'added' | 'changed';
  /** What the page writes there ('' for a drop) and what the corpus does ('' for an addition). */
  page: string;
  corpus: string;
  moved?: true;
}

export interface BriefQuotation {
  verdict: Verdict;
  /** The quotation as the page writes it, and the corpus passage it quotes. */
  page: string;
  corpus: string;
  differences: BriefDifference[];
  /** The document's title and the paragraph number (0: a block that is no paragraph, `block` says which). */
  document: string;
  paragraph: number;
  block: string;
  /** Where it stands in the corpus: two briefs quote the same passage when these overlap. */
  doc: number;
  blockIndex: number;
  corpusStart: number;
  corpusEnd: number;
}

export interface BriefNote {
  body: string;
  /** The page text the note is on. */
  quote?: string;
}
