/** The script a pattern is written in. */
export type Script = 'hans' | 'hant' | 'en';

/** One form of a glossary entry, as the matcher looks for it. */
export interface Pattern {
  form: string;
  entry: number;
  script: Script;
  /** The form matches only in a block (chunks joined by inline boundaries) holding one of these. */
  near?: readonly string[];
  /**
   * A stop pattern: selected like any other (leftmost-longest), so it swallows the shorter terms
   * at its span (`巴赫穆特` over `巴赫`), but never reported.
   */
  stop?: boolean;
}

/** One paragraph of the corpus that quote tracing looks pages up in. */
export interface CorpusPassage {
  doc: number;
  para: number;
  text: string;
}

/** Whether a match may span the boundary between two chunks (`inline`) or not (`block`). */
export type Boundary = 'inline' | 'block';

/** A position in the page: chunk index and UTF-16 offset in that chunk's original string. */
export interface TextPoint {
  chunk: number;
  offset: number;
}

/** Where a quote comes from: the first corpus occurrence, offsets in the passage's text. */
export interface QuoteSource {
  doc: number;
  para: number;
  start: number;
  end: number;
  /** How many times the quoted text occurs in the corpus. */
  occurrences: number;
}

export interface Match {
  kind: 'term' | 'quote';
  start: TextPoint;
  /** Exclusive; it lies in the chunk of the match's last character. */
  end: TextPoint;
  /** The entry id; -1 for quotes. */
  entry: number;
  /** The pattern as given; for quotes the corpus text. */
  form: string;
  script?: Script;
  source?: QuoteSource;
}

export interface MatcherOptions {
  /** Fewest Han characters a quote must hold (default 12). */
  minQuoteHan?: number;
  /** Trace quotes of the corpus (default true). */
  quotes?: boolean;
  /** `longest`: leftmost-longest, no overlaps (default); `all`: every occurrence, nested too. */
  overlaps?: 'longest' | 'all';
  /**
   * Pairs of characters, a variant then the corpus character it stands for (the traditional forms
   * of the corpus's simplified characters): a quote may use either. Terms are untouched (their
   * traditional forms are patterns of their own). Each variant counts once, for its first pair;
   * a character the corpus itself holds is never a variant.
   */
  quoteVariants?: string;
}

/**
 * Matches as parallel columns, row i being match i in the order `match` returns them: what a hot
 * consumer (the content script) reads without an object per match.
 */
export interface MatchTable {
  count: number;
  /** 0: term, 1: quote. */
  kind: Uint8Array;
  startChunk: Int32Array;
  startOffset: Int32Array;
  endChunk: Int32Array;
  endOffset: Int32Array;
  /** Terms: index of the pattern in the list given to `compileMatcher`. Quotes: of the passage. */
  ref: Int32Array;
  /** Quotes: the span in the passage's text and the occurrence count (0 for terms). */
  sourceStart: Int32Array;
  sourceEnd: Int32Array;
  occurrences: Int32Array;
}

export interface Matcher {
  /**
   * Matches of a page given as text chunks; `boundaries[i]` is the boundary between chunk i and
   * i + 1 (default: all `block`). Sorted by start, then longer first. Near words are looked for
   * in the blocks of `context` (default: `boundaries`): the blocks the page's markup makes, where
   * `boundaries` also cut at edges its style sheets add.
   */
  match(chunks: readonly string[], boundaries?: readonly Boundary[], context?: readonly Boundary[]): Match[];
}

/** What `compileMatcher` and `loadMatcher` return: a Matcher with two more ways in. */
export interface CompiledMatcher extends Matcher {
  /** `match([text])`. */
  matchText(text: string): Match[];
  /** What `match` finds, as columns (no object per match). */
  scan(chunks: readonly string[], boundaries?: readonly Boundary[], context?: readonly Boundary[]): MatchTable;
  /** Row `row` of a `scan` table, as `match` reports it (made when a consumer needs one). */
  describe(table: MatchTable, row: number): Match;
  /** That row's entry id (-1 for a quote), without making its Match. */
  entryOf(table: MatchTable, row: number): number;
  /** That row's corpus source (null for a term), without making its Match. */
  sourceOf(table: MatchTable, row: number): QuoteSource | null;
}
