// The two lists the matcher's scan tables are derived from (scan-symbols.ts). Apart from
// char-table.ts, whose table every page's probe reads, so that the content script's loader
// neither ships nor decodes them.

import { int32sOfBase64 } from './base64';
import { FOLD_PAIRS, SPECIAL_UNITS } from './char-table-data';

/** [unit, normalized unit] pairs of every plain unit that folds to another (Ａ → a, 「 → "). */
export const FOLDS: Int32Array = int32sOfBase64(FOLD_PAIRS);

/** Every unit the scan must look at more closely: ignorables, whitespace, dashes. */
export const SPECIALS: Int32Array = int32sOfBase64(SPECIAL_UNITS);
