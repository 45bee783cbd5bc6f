// How the character tables are derived: Unicode ranges and the browser's own case and NFKC
// mappings. Run at build time (scripts/build-char-table.ts writes char-table-data.ts) and in the
// tests that keep that data equal to this derivation; pages only decode the data.
import { CHAR_BLOCK_SHIFT, DASH, F_CJK, F_DASH, F_HAN, F_IGNORE, F_SPACE, F_SPECIAL, F_WORD, FLAG_SHIFT, NORM_MASK, QUOTE, SPACE } from './char-flags';

type Range = readonly [number, number];

// Han ideographs; a high surrogate of planes 2–3 (CJK extensions B–H) stands for one.
const HAN: readonly Range[] = [
  [0x3007, 0x3007],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0xd840, 0xd8bf],
];

// Scripts written without spaces between words, and their punctuation (Han included above).
const CJK: readonly Range[] = [
  [0x2e80, 0x2fff],
  [0x3001, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7af],
  [0xfe30, 0xfe4f],
  [0xff66, 0xffdc],
];

// Letters and digits of the scripts that separate words with spaces (and `_`, as in \w).
const WORD: readonly Range[] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
  [0xaa, 0xaa],
  [0xb5, 0xb5],
  [0xba, 0xba],
  [0xc0, 0xd6],
  [0xd8, 0xf6],
  [0xf8, 0x36f],
  [0x370, 0x37d],
  [0x37f, 0x386],
  [0x388, 0x52f],
  [0x1e00, 0x1eff],
];

const SPACES: readonly Range[] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0x85, 0x85],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
];

// Soft hyphen, zero-width space and joiners, direction marks and embeddings, word joiner and
// invisible operators, variation selectors, BOM.
const IGNORABLES: readonly Range[] = [
  [0xad, 0xad],
  [0x34f, 0x34f],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
];

const DASHES = [0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2e3a, 0x2e3b, 0xfe58, 0xfe63];

// Double quotation marks of every style, corner brackets and the book-title marks 《》〈〉: pages
// put them around part of a term or leave them out (“一带一路”倡议, 「一帶一路」倡議 for 一带一路倡议),
// and swap them for each other when citing a title, so they are not text at all.
const IGNORED_MARKS = [
  0x22, 0xab, 0xbb, 0x201c, 0x201d, 0x201e, 0x201f, 0x2329, 0x232a, 0x3008, 0x3009, 0x300a, 0x300b, 0x300c, 0x300d, 0x300e, 0x300f, 0x301d, 0x301e, 0x301f,
  0xfe41, 0xfe42, 0xfe43, 0xfe44, 0xff02, 0xff62, 0xff63,
];

// Single quotation marks, which are also apostrophes (China’s): one class, written `'`.
const QUOTES = [0x27, 0x2018, 0x2019, 0x201a, 0x201b, 0x2039, 0x203a];

// Ideographic punctuation with an ASCII twin (、 and 。 are the CJK comma and full stop), the
// wave dash as a tilde, and the middle-dot variants used in transliterated names.
const TWINS: readonly Range[] = [
  [0x3001, 0x2c],
  [0xfe50, 0x2c],
  [0xfe51, 0x2c],
  [0x3002, 0x2e],
  [0x301c, 0x7e],
  [0x2027, 0xb7],
  [0x30fb, 0xb7],
  [0x387, 0xb7],
];

// Half-width CJK punctuation and full-width signs outside FF01–FF5E (their NFKC forms).
const WIDTH: readonly Range[] = [
  [0xff61, 0x3002],
  [0xff62, 0x300c],
  [0xff63, 0x300d],
  [0xff64, 0x3001],
  [0xff65, 0x30fb],
  [0xffe0, 0xa2],
  [0xffe1, 0xa3],
  [0xffe2, 0xac],
  [0xffe3, 0xaf],
  [0xffe4, 0xa6],
  [0xffe5, 0xa5],
  [0xffe6, 0x20a9],
];

/**
 * `fn` applied to each unit of [lo, hi], as one string call when it keeps every unit a single
 * unit (one native call instead of hundreds), else unit by unit, keeping units that expand.
 */
function mapRange(lo: number, hi: number, fn: (s: string) => string, out: Map<number, number>): void {
  let s = '';
  for (let c = lo; c <= hi; c++) s += String.fromCharCode(c);
  const whole = fn(s);
  for (let c = lo; c <= hi; c++) {
    const one = whole.length === s.length ? whole.charAt(c - lo) : fn(String.fromCharCode(c));
    if (one.length === 1 && one.charCodeAt(0) !== c) out.set(c, one.charCodeAt(0));
  }
}

/** Normalized unit of every unit that is not its own: width, case, then class. */
function foldings(): Map<number, number> {
  const width = new Map<number, number>(WIDTH);
  for (let c = 0xff01; c <= 0xff5e; c++) width.set(c, c - 0xfee0);
  // Kangxi radicals and compatibility ideographs are the unified ideographs in disguise.
  mapRange(0x2f00, 0x2fd5, (s) => s.normalize('NFKC'), width);
  mapRange(0xf900, 0xfad9, (s) => s.normalize('NFKC'), width);
  const lower = new Map<number, number>();
  for (const [lo, hi] of [
    [0x41, 0x5a],
    [0xc0, 0x24f],
    [0x370, 0x52f],
    [0x1e00, 0x1eff],
  ] as const) {
    mapRange(lo, hi, (s) => s.toLowerCase(), lower);
  }
  const classes = new Map<number, number>(TWINS);
  for (const c of DASHES) classes.set(c, DASH);
  for (const c of QUOTES) classes.set(c, QUOTE);
  const folded = new Map<number, number>();
  for (const c of new Set([...width.keys(), ...lower.keys(), ...classes.keys()])) {
    // Width first, then case, then class: Ａ → A → a, ＂ → " → the quote class.
    const w = width.get(c) ?? c;
    const l = lower.get(w) ?? w;
    const n = classes.get(l) ?? l;
    if (n !== c) folded.set(c, n);
  }
  return folded;
}

export interface Tables {
  info: Int32Array;
  /** Units that are not their own normalized form and are plain (not special): [unit, normalized]. */
  folds: Int32Array;
  /** Units with an F_SPECIAL flag (ignorable, whitespace, dash). */
  specials: Int32Array;
}

/** The tables from the ranges above (build time and tests: a page decodes char-table-data.ts). */
export function buildTables(): Tables {
  const table = new Int32Array(0x10000);
  const fill = (ranges: readonly Range[], info: number): void => {
    for (const [lo, hi] of ranges) table.fill(info, lo, hi + 1);
  };
  // Flags of units that are their own normalized form (offset 0).
  fill(CJK, F_CJK << FLAG_SHIFT);
  fill(HAN, (F_CJK | F_HAN) << FLAG_SHIFT);
  fill(WORD, F_WORD << FLAG_SHIFT);
  table[DASH] = F_DASH << FLAG_SHIFT;
  // The rest take the flags of their normalized unit, which is its own and filled above.
  const folded = [...foldings()];
  const flagsOf = folded.map(([, n]) => table[n]! & ~NORM_MASK);
  folded.forEach(([c, n], i) => {
    table[c] = flagsOf[i]! | ((n - c) & NORM_MASK);
  });
  const specials: number[] = [DASH];
  for (const [lo, hi] of SPACES) {
    for (let c = lo; c <= hi; c++) {
      table[c] = (F_SPACE << FLAG_SHIFT) | ((SPACE - c) & NORM_MASK);
      specials.push(c);
    }
  }
  fill(IGNORABLES, F_IGNORE << FLAG_SHIFT);
  for (const [lo, hi] of IGNORABLES) for (let c = lo; c <= hi; c++) specials.push(c);
  for (const c of IGNORED_MARKS) {
    table[c] = F_IGNORE << FLAG_SHIFT;
    specials.push(c);
  }
  const folds: number[] = [];
  for (const [c, n] of folded) {
    if (n === DASH) specials.push(c);
    else if (!((table[c]! >>> FLAG_SHIFT) & F_SPECIAL)) folds.push(c, n);
  }
  return { info: table, folds: Int32Array.from(folds), specials: Int32Array.from(specials) };
}

/** Units per block of the shipped table. */
const BLOCK = 1 << CHAR_BLOCK_SHIFT;

/**
 * `info` as distinct blocks of 64 units and, per block of the 64K units, which distinct block it
 * is (one byte each): most of the table repeats (the Han ranges are one block over and over), so
 * it ships as some 50 blocks a page decodes natively, with no loop of its own.
 */
export function encodeBlocks(info: Int32Array): { index: Uint8Array; blocks: Int32Array } {
  const index = new Uint8Array(info.length / BLOCK);
  const seen = new Map<string, number>();
  const blocks: number[] = [];
  for (let b = 0; b < index.length; b++) {
    const block = info.subarray(b * BLOCK, (b + 1) * BLOCK);
    const key = block.join(',');
    let id = seen.get(key);
    if (id === undefined) {
      id = seen.size;
      if (id > 0xff) throw new Error('char table: more than 256 distinct blocks; widen the index');
      seen.set(key, id);
      blocks.push(...block);
    }
    index[b] = id;
  }
  return { index, blocks: Int32Array.from(blocks) };
}
