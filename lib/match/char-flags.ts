// The character classes and constants of the table, apart from its data: the build script that
// derives the data (scripts/build-char-table.ts) needs them before the data exists.

/** Zero-width and format characters: dropped as if absent. */
export const F_IGNORE = 1;
/** Whitespace: a run is dropped next to a CJK character, else emitted as one space. */
export const F_SPACE = 2;
/** Any dash: normalized to `-`, and a run of dashes is one dash. */
export const F_DASH = 4;
/** CJK characters and punctuation: whitespace next to them is dropped. */
export const F_CJK = 8;
/** Han ideographs: what quote tracing counts. */
export const F_HAN = 16;
/** Letters and digits: English word boundaries are judged on these. */
export const F_WORD = 32;
/** The classes that need more than a table lookup in the scan loop. */
export const F_SPECIAL = F_IGNORE | F_SPACE | F_DASH;

export const SPACE = 0x20;
export const DASH = 0x2d;
export const QUOTE = 0x27;
export const FLAG_SHIFT = 16;
export const NORM_MASK = 0xffff;
/** The table ships as blocks of 2^CHAR_BLOCK_SHIFT units (char-table-data.ts). */
export const CHAR_BLOCK_SHIFT = 6;
