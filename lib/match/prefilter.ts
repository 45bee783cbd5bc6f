/**
 * A conservative test of whether a text can hold any match at all, cheap enough to run before the
 * matcher is even loaded: on a page without a term or quote (most pages a reader opens) the
 * automata then never load. It may say "maybe" for nothing; it never says "no" where the matcher
 * would find something (a property test holds it to that).
 *
 * Why it is sound, in terms of the text's *skeletons* (normalized units, ignorables dropped):
 * - Han: a match's Han characters are those of its pattern (or corpus run), in order, with no
 *   other Han character between them; so every pair of consecutive Han characters of a pattern is
 *   a pair of consecutive Han characters of the text, whatever lies between them (punctuation,
 *   spaces, letters, chunk boundaries). A pattern with Han characters is looked for by its first
 *   three (its two, its one), a quote of ≥ minHan Han characters as minHan − 1 consecutive pairs
 *   all found in one corpus passage — once a quote variant (a traditional form) is read as the
 *   corpus character it stands for, as the matcher reads it.
 * - Words: a pattern without Han characters is looked for by its longest word (a maximal run of
 *   letters and digits). In a match every word of the pattern is a whole word of the text: the
 *   first because a pattern starting on a letter or digit must start a word, the others because a
 *   non-word character of the pattern precedes and follows them; plural forms are patterns of
 *   their own.
 */
import { CHAR_BLOCK_SHIFT, charBlocks, F_HAN, F_IGNORE, F_WORD, FLAG_SHIFT, NORM_MASK } from './char-table';

/**
 * What the prefilter needs: sets of 32-bit keys, sorted (searched in place). A Han pair is its two
 * units exactly; triples and words are hashed, a collision only letting a text through. The build
 * ships them as base64.
 */
export interface PrefilterData {
  /** Fewest Han characters a quote holds; 0 when quotes are off. */
  minHan: number;
  /** Some pattern has neither a Han character nor a word: every text may match. */
  always: boolean;
  /** Han characters that are a pattern's only one. */
  han1: Uint32Array;
  /** The only Han pair of each pattern with two. */
  han2: Uint32Array;
  /** Hashes of the first Han triple of each pattern with three or more (pairs like 更快 are common). */
  han3: Uint32Array;
  /** The first Han pair of each of those patterns: only after one is a triple looked up. */
  heads: Uint32Array;
  /** Hashes of the longest word of each pattern without Han characters. */
  words: Uint32Array;
  /** Every pair of consecutive Han characters within a corpus passage. */
  corpus: Uint32Array;
  /** The quote variants (MatcherOptions.quoteVariants) as `variant << 16 | corpus character`. */
  variants: Uint32Array;
  /**
   * 2^16 bits, one set per key of any set (`bitOf`): the first test of a key, which most keys of a
   * page's text fail; shipped rather than rebuilt on every page.
   */
  bits: Uint32Array;
}

/** The shared filter's size in 32-bit words (2^16 bits). */
export const SET_WORDS = 1 << 11;

/** The key of a pair of consecutive Han units: the two units. */
export function pairKey(a: number, b: number): number {
  return ((a << 16) | b) >>> 0;
}

export const TRIPLE_MIX = 0x85ebca6b | 0;
export const BIT_MIX = 0x9e3779b1 | 0;

/** The 32-bit hash of three consecutive Han units. */
export function tripleKey(a: number, b: number, c: number): number {
  return Math.imul(Math.imul((a << 16) | b, TRIPLE_MIX) ^ c, BIT_MIX) >>> 0;
}

export const WORD_SEED = 0x811c9dc5 | 0;
export const WORD_PRIME = 0x01000193;

/** One unit more of a word's running hash (written out in `mayMatch`'s loop). */
export function wordStep(h: number, unit: number): number {
  return Math.imul(h ^ unit, WORD_PRIME);
}

/** A word's 32-bit hash from its running hash. */
export function wordKey(h: number): number {
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
}

/** The bit of a key in the shared filter. */
export function bitOf(key: number): number {
  return Math.imul(key, BIT_MIX) >>> 16;
}

/**
 * The quote variants (`variant << 16 | corpus character`, variant ≠ 0) in an open-addressing table
 * by variant, at most half full: 4 KB where a table of every unit was 128 KB to allocate and zero
 * on each page.
 */
function variantTable(variants: Uint32Array): Uint32Array {
  let size = 16;
  while (size < 2 * variants.length) size <<= 1;
  const table = new Uint32Array(size);
  const mask = size - 1;
  for (const key of variants) {
    let f = (Math.imul(key >>> 16, BIT_MIX) >>> 16) & mask;
    while (table[f] !== 0) f = (f + 1) & mask;
    table[f] = key;
  }
  return table;
}

/** Whether sorted `keys` hold `key` (searched only after the shared filter's bit said maybe). */
function inSorted(keys: Uint32Array, key: number): boolean {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k === key) return true;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

const IGNORE_BIT = F_IGNORE << FLAG_SHIFT;
const BLOCK_MASK = (1 << CHAR_BLOCK_SHIFT) - 1;
const HAN_BIT = F_HAN << FLAG_SHIFT;
const WORD_BIT = F_WORD << FLAG_SHIFT;

/**
 * The prefilter a page runs: `mayMatch` before the matcher is loaded. It runs once per page, on
 * code the engine has not optimized yet, so its loop calls nothing per character: lookups and bit
 * tests are written out, the sorted keys searched only where the shared filter's bit is set.
 */
export class Prefilter {
  private readonly data: PrefilterData;
  private readonly runNeeded: number;
  private readonly singles: boolean;
  /** Hashes of the word being read from each chunk boundary inside it. */
  private readonly starts = new Int32Array(16);
  /** The quote variants by unit (`variantTable`); null without variants. */
  private readonly fold: Uint32Array | null;

  constructor(data: PrefilterData) {
    this.data = data;
    this.fold = data.variants.length > 0 ? variantTable(data.variants) : null;
    // Quotes off: a run never gets long enough.
    this.runNeeded = data.minHan >= 2 ? data.minHan - 1 : Number.POSITIVE_INFINITY;
    this.singles = data.han1.length > 0;
  }

  /** False only when no chunk boundary, however drawn, lets the matcher find anything in `chunks`. */
  mayMatch(chunks: readonly string[]): boolean {
    const data = this.data;
    if (data.always) return true;
    const { bits, han1, han2, han3, heads, corpus } = data;
    const { runNeeded, singles, starts, fold } = this;
    const foldMask = fold === null ? 0 : fold.length - 1;
    // Two lookups a unit in the table as shipped rather than one in the flat table: this reads a
    // page's text once, on cold code, and building the flat table would cost more than it saves.
    const { index, blocks } = charBlocks();
    // The word being read: its length, its hash, and `cut` more hashes from each chunk boundary
    // inside it (a block boundary there would make the rest a word of its own, the part before too).
    let length = 0;
    let h = WORD_SEED;
    let cut = 0;
    let previous = -1;
    // `previous` as the corpus writes it (a quote variant read as its corpus character).
    let previousInCorpus = -1;
    let before = -1;
    // Whether (before, previous) starts a pattern of three or more Han characters.
    let head = false;
    let run = 0;
    for (let k = 0; k < chunks.length; k++) {
      const chunk = chunks[k]!;
      if (length > 0) {
        if (this.endsWord(h, cut)) return true;
        // Pathological splitting (a letter per element): give up rather than hash every piece.
        if (cut === starts.length) return true;
        starts[cut++] = WORD_SEED;
      }
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        let v = blocks[(index[c >>> CHAR_BLOCK_SHIFT]! << CHAR_BLOCK_SHIFT) | (c & BLOCK_MASK)]!;
        if (v & IGNORE_BIT) continue;
        let unit = c;
        if ((v & NORM_MASK) !== 0) {
          unit = (c + v) & NORM_MASK;
          v = blocks[(index[unit >>> CHAR_BLOCK_SHIFT]! << CHAR_BLOCK_SHIFT) | (unit & BLOCK_MASK)]!;
        }
        if (v & HAN_BIT) {
          // The unit as the corpus writes it: a quote variant read as its corpus character.
          let inCorpus = unit;
          if (fold !== null) {
            for (let f = (Math.imul(unit, BIT_MIX) >>> 16) & foldMask; ; f = (f + 1) & foldMask) {
              const entry = fold[f]!;
              if (entry === 0) break;
              if (entry >>> 16 === unit) {
                inCorpus = entry & 0xffff;
                break;
              }
            }
          }
          if (singles && inSorted(han1, unit)) return true;
          if (previous >= 0) {
            if (head) {
              const triple = Math.imul(Math.imul((before << 16) | previous, TRIPLE_MIX) ^ unit, BIT_MIX) >>> 0;
              const t = Math.imul(triple, BIT_MIX) >>> 16;
              if ((bits[t >>> 5]! & (1 << (t & 31))) !== 0 && inSorted(han3, triple)) return true;
            }
            const pair = ((previous << 16) | unit) >>> 0;
            const b = Math.imul(pair, BIT_MIX) >>> 16;
            const set = (bits[b >>> 5]! & (1 << (b & 31))) !== 0;
            if (!set) head = false;
            else {
              if (inSorted(han2, pair)) return true;
              head = inSorted(heads, pair);
            }
            // Quotes: the pair as the corpus writes it (most pages: the pair itself).
            const quoted = ((previousInCorpus << 16) | inCorpus) >>> 0;
            let corpusPair = false;
            if (quoted === pair) corpusPair = set && inSorted(corpus, pair);
            else {
              const q = Math.imul(quoted, BIT_MIX) >>> 16;
              corpusPair = (bits[q >>> 5]! & (1 << (q & 31))) !== 0 && inSorted(corpus, quoted);
            }
            if (!corpusPair) run = 0;
            else if (++run >= runNeeded) return true;
          }
          before = previous;
          previous = unit;
          previousInCorpus = inCorpus;
        } else if (v & WORD_BIT) {
          h = Math.imul(h ^ unit, WORD_PRIME);
          for (let j = 0; j < cut; j++) starts[j] = Math.imul(starts[j]! ^ unit, WORD_PRIME);
          length++;
          continue;
        }
        if (length > 0) {
          if (this.endsWord(h, cut)) return true;
          length = 0;
          h = WORD_SEED;
          cut = 0;
        }
      }
    }
    return length > 0 && this.endsWord(h, cut);
  }

  /** Whether the word just read (hash `h`, or from one of its `cut` chunk boundaries on) is a pattern's. */
  private endsWord(h: number, cut: number): boolean {
    if (this.isWord(h)) return true;
    for (let j = 0; j < cut; j++) if (this.isWord(this.starts[j]!)) return true;
    return false;
  }

  private isWord(h: number): boolean {
    const key = wordKey(h);
    const b = Math.imul(key, BIT_MIX) >>> 16;
    return (this.data.bits[b >>> 5]! & (1 << (b & 31))) !== 0 && inSorted(this.data.words, key);
  }
}
