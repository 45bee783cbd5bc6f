/** The analyst's brief (pure): a page's terms, quotations with verdicts and notes, as Markdown. */
export type { Brief, BriefDifference, BriefNote, BriefQuotation, BriefTerm } from './types';
export { renderBrief } from './render';
export { compareBriefs } from './compare';
export { pageBrief, quotationsOf, termsOf } from './page-brief';
export type { PageRead } from './page-brief';
