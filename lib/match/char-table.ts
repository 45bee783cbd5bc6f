/**
 * One lookup per UTF-16 code unit c: `info = charInfo()[c]` holds the class flags in bits 16+ and,
 * in the low 16 bits, the offset to its normalized unit: `normalized = (c + info) & NORM_MASK`.
 * An offset rather than the unit itself makes most of the table repeat (a block of Han is one
 * value throughout), so that it ships as a few dozen distinct blocks (char-table-data.ts). Both the
 * string normalizer and the matcher's scan loop read this table, so page text and patterns are
 * folded by exactly the same rules.
 */

import { CHAR_BLOCK_SHIFT, F_HAN, F_IGNORE, F_WORD, FLAG_SHIFT, NORM_MASK } from './char-flags';
export { F_IGNORE, F_SPACE, F_DASH, F_CJK, F_HAN, F_WORD, F_SPECIAL, SPACE, DASH, FLAG_SHIFT, NORM_MASK, CHAR_BLOCK_SHIFT } from './char-flags';
import { bytesOfBase64, int32sOfBase64 } from './base64';
import { INFO_BLOCK_INDEX, INFO_BLOCKS } from './char-table-data';

const BLOCK_UNITS = 1 << CHAR_BLOCK_SHIFT;

/**
 * The table as shipped: `blocks[index[c >>> CHAR_BLOCK_SHIFT] << CHAR_BLOCK_SHIFT | c & 63]` is
 * `charInfo()[c]`. Decoded natively, with no loop of ours and 15 KB instead of 256: what the
 * prefilter, which every page with text runs on cold code, reads.
 */
export interface CharBlocks {
  index: Uint8Array;
  blocks: Int32Array;
}

let shipped: CharBlocks | null = null;

export function charBlocks(): CharBlocks {
  return (shipped ??= { index: bytesOfBase64(INFO_BLOCK_INDEX), blocks: int32sOfBase64(INFO_BLOCKS) });
}

/** The flat table from its blocks: a thousand native copies. */
function expand({ index, blocks }: CharBlocks): Int32Array {
  const table = new Int32Array(0x10000);
  for (let b = 0; b < index.length; b++) {
    const at = index[b]! << CHAR_BLOCK_SHIFT;
    table.set(blocks.subarray(at, at + BLOCK_UNITS), b << CHAR_BLOCK_SHIFT);
  }
  return table;
}

let decoded: Int32Array | null = null;

/**
 * `offset to the normalized unit | flags << 16` for every UTF-16 code unit, one lookup each (the
 * matcher's scan loop), made on the first call: a frame that never matches (the loader's probe
 * reads `charBlocks`) never builds it. Loops take it into a local once.
 */
export function charInfo(): Int32Array {
  return (decoded ??= expand(charBlocks()));
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
