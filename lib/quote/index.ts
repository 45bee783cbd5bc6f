/**
 * Quote fidelity (pure, no DOM): where a page's text quotes the corpus with small differences,
 * the alignment of the two and a verdict. The corpus is folded once (buildAlignCorpus); a page's
 * exact shared runs with it, found by a suffix automaton, anchor each quotation, and only the
 * sentence around a run is aligned, its gaps by a bounded edit-distance table.
 */
export type { AlignOp, OpKind, Quotation, Verdict } from './types';
export type { AlignCorpus } from './corpus-index';
export { buildAlignCorpus } from './corpus-index';
export { findQuotations, DEFAULT_QUOTE_OPTIONS } from './quotation';
export type { QuoteOptions } from './quotation';
export { quotationAt, quoteView, VERDICT_WORDS } from './view';
export type { QuoteSegment, QuoteView } from './view';
