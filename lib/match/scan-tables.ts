// The parts of the built structures a scan reads: apart from matcher-parts.ts, which builds them,
// so that the scanners (scan-symbols.ts, verbatim.ts) need not import their builder.

import type { AhoCorasick } from './aho-corasick';
import type { PatternSet } from './patterns';
import type { QuoteIndex } from './quote-index';

/** What a scan needs of the pattern set. */
export type TermTables = Pick<PatternSet, 'source' | 'length' | 'edges' | 'maxLength'>;
/** What a scan needs of the term automaton (not the 64K build-time alphabet map). */
export type AcTables = Omit<AhoCorasick, 'alphabet' | 'alphabetSize'>;
/** What a scan needs of the quote index. */
export type QuoteTables = Omit<QuoteIndex, 'alphabet'>;
