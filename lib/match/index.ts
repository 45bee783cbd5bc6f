/**
 * The matching engine: finds glossary terms and corpus quotes in a page's text in one linear pass.
 *
 * - Normalization (char-table, normalize): one 64K table folds width, case, dashes, quotation and
 *   book-title marks, CJK/ASCII punctuation twins; whitespace beside CJK vanishes, elsewhere it
 *   collapses to one space; zero-width and format characters are dropped. Patterns are folded the
 *   same way at compile time; page text on the fly, with a trail of offset changes mapping back.
 * - Terms (aho-corasick, patterns): an Aho–Corasick automaton in double-array form over a dense,
 *   frequency-ordered alphabet; English edges need word boundaries; -s/-es/-ies plurals.
 * - Quotes (suffix-automaton, quote-index): matching statistics against a suffix automaton of
 *   the normalized corpus give each maximal shared run; ≥ minQuoteHan Han characters report.
 * - Verbatim fast path (verbatim): while a page goes on as a corpus passage, one comparison per
 *   character against the next corpus character stands for both automaton steps; terms there
 *   come from per-corpus-position tables. Leaving the passage falls back to the automata.
 * - serialize: the compiled automata as bytes, loaded per page without rebuilding.
 * - prefilter: a conservative test run before loading them: a text it rules out has no match.
 */
export type { Boundary, CompiledMatcher, CorpusPassage, Match, Matcher, MatcherOptions, MatchTable, Pattern, QuoteSource, Script, TextPoint } from './types';
export { compileMatcher } from './matcher';
export { normalize, normalizeKey } from './normalize';
export type { NormalizedText } from './normalize';
export { edgeIsWordChar, isHanChar, isWordChar } from './char-table';
export { pluralKeys } from './patterns';
export { loadMatcher, serializeMatcher } from './serialize';
export { Prefilter } from './prefilter';
export { buildPrefilter } from './prefilter-build';
export type { PrefilterData } from './prefilter';
