import { F_HAN, F_WORD } from '../match/char-table';
import { normalizeCodes } from '../match/normalize';

/**
 * A text as the alignment compares it: the matcher's normalized form (width, case, punctuation
 * twins folded), traditional variants read as the corpus's characters, and only letters, digits
 * and Han characters kept, so that punctuation and spacing are never a difference.
 */
export interface FoldedText {
  units: Uint16Array;
  /** Offset in the raw text of each kept unit. */
  raw: Int32Array;
  length: number;
}

/** Code unit → the corpus character it stands for (0: itself). */
export type VariantTable = Uint16Array;

/**
 * The table of `pairs` ("variant, corpus character", as CompiledGlossary.quoteVariants), keeping
 * only variants that are no corpus character themselves (`inCorpus`).
 */
export function variantTable(pairs: string, inCorpus: (unit: number) => boolean): VariantTable {
  const table = new Uint16Array(0x10000);
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const v = pairs.charCodeAt(i);
    const t = pairs.charCodeAt(i + 1);
    // Pairs are single units; a surrogate would shift every later pair.
    if (v >= 0xd800 && v < 0xe000) break;
    if (table[v] === 0 && !inCorpus(v)) table[v] = t;
  }
  return table;
}

const KEEP = F_HAN | F_WORD;

/** `text` folded for alignment (see FoldedText). */
export function foldText(text: string, variants: VariantTable | null): FoldedText {
  const n = normalizeCodes(text);
  const units = new Uint16Array(n.length);
  const raw = new Int32Array(n.length);
  let length = 0;
  for (let i = 0; i < n.length; i++) {
    if ((n.flags[i]! & KEEP) === 0) continue;
    const code = n.codes[i]!;
    units[length] = variants?.[code] || code;
    raw[length] = n.offsets[i]!;
    length++;
  }
  return { units, raw, length };
}

/** The kept units of `[from, to)` as a string (tests and comparisons). */
export function foldedSlice(f: FoldedText, from: number, to: number): string {
  return String.fromCharCode(...f.units.subarray(from, to));
}

/** The first kept unit at or after raw offset `offset`. */
export function unitAtOrAfter(f: FoldedText, offset: number): number {
  let lo = 0;
  let hi = f.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (f.raw[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
