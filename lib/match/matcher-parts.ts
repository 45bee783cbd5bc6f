import { buildAhoCorasick } from './aho-corasick';
import { expandPatterns } from './patterns';
import { buildQuoteIndex } from './quote-index';
import type { QuoteIndex } from './quote-index';
import type { CorpusPassage, MatcherOptions, Pattern } from './types';
import { buildVerbatimTables } from './verbatim';
import type { VerbatimTables } from './verbatim';
import type { AcTables, QuoteTables, TermTables } from './scan-tables';

/** Everything a matcher is made of: built by `buildMatcherParts` or loaded from bytes. */
export interface MatcherParts {
  patterns: readonly Pattern[];
  corpus: readonly CorpusPassage[];
  all: boolean;
  minHan: number;
  terms: TermTables;
  ac: AcTables;
  quotes: QuoteTables;
  verbatim: VerbatimTables;
}

/** An index with no passages: what quote tracing uses when it is off. */
let noQuotes: QuoteIndex | null = null;

export function buildMatcherParts(patterns: readonly Pattern[], corpus: readonly CorpusPassage[], options: MatcherOptions): MatcherParts {
  const quotesOn = options.quotes !== false;
  const terms = expandPatterns(patterns);
  const minHan = Math.max(1, Math.floor(options.minQuoteHan ?? 12));
  const ac = buildAhoCorasick(terms.keys);
  // Built on first use: every page imports this module, few compile a matcher without quotes.
  const quotes = quotesOn ? buildQuoteIndex(corpus, minHan, options.quoteVariants) : (noQuotes ??= buildQuoteIndex([], 1));
  const passages = quotesOn ? corpus.slice() : [];
  return {
    patterns: patterns.slice(),
    corpus: passages,
    all: options.overlaps === 'all',
    minHan,
    terms,
    ac,
    quotes,
    verbatim: buildVerbatimTables(passages, ac, quotes),
  };
}
