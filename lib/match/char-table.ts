/**
 * One lookup per UTF-16 code unit c: `info = charInfo()[c]` holds the class flags in bits 16+ and,
 * in the low 16 bits, the offset to its normalized unit: `normalized = (c + info) & NORM_MASK`.
 * An offset rather than the unit itself lets the table start as zeros and be built mostly with
 * native range fills, which matters because a content script builds it on every page. Both the
 * string normalizer and the matcher's scan loop read this table, so page text and patterns are
 * folded by exactly the same rules.
 */

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
export const QUOTE = 0x22;
export const FLAG_SHIFT = 16;
export const NORM_MASK = 0xffff;

import { int32sOfBase64 } from './base64';
import { INFO_RUNS } from './char-table-data';

/** Decodes the run-length table: a few thousand native fills instead of deriving it per page. */
function decodeRuns(runs: Int32Array): Int32Array {
  const table = new Int32Array(0x10000);
  let at = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const value = runs[r]!;
    const length = runs[r + 1]!;
    // Most runs are one unit (the case pairs of Latin, Greek, Cyrillic alternate): no call for those.
    if (length === 1) table[at] = value;
    else if (value !== 0) table.fill(value, at, at + length);
    at += length;
  }
  return table;
}

let decoded: Int32Array | null = null;

/**
 * `offset to the normalized unit | flags << 16` for every UTF-16 code unit, decoded on the first
 * call: a frame that never tests any text (an empty about:blank placeholder) never builds it.
 * Loops take it into a local once.
 */
export function charInfo(): Int32Array {
  return (decoded ??= decodeRuns(int32sOfBase64(INFO_RUNS)));
}

/** True when a (normalized) code unit is a letter or digit for word boundaries. */
export function isWordChar(code: number): boolean {
  return ((charInfo()[code & NORM_MASK]! >>> FLAG_SHIFT) & F_WORD) !== 0;
}

/**
 * Whether the text's character at its start (`atEnd` false) or end is a letter or digit, looking
 * past zero-width and format characters (a soft hyphen at the edge: the matcher ignores them too,
 * so `Road\u00ad` + `map` is one word to it).
 */
export function edgeIsWordChar(text: string, atEnd: boolean): boolean {
  const step = atEnd ? -1 : 1;
  const info = charInfo();
  for (let i = atEnd ? text.length - 1 : 0; i >= 0 && i < text.length; i += step) {
    const flags = info[text.charCodeAt(i)]! >>> FLAG_SHIFT;
    if ((flags & F_IGNORE) === 0) return (flags & F_WORD) !== 0;
  }
  return false;
}

/** True when a (normalized) code unit is a Han ideograph, as quote tracing counts them. */
export function isHanChar(code: number): boolean {
  return ((charInfo()[code & NORM_MASK]! >>> FLAG_SHIFT) & F_HAN) !== 0;
}
