/**
 * A Bloom-style filter of the corpus's W-grams (runs of W consecutive normalized symbols within a
 * passage). A shared run long enough to report contains W-grams of the corpus only, so while the
 * last W symbols of the page are not one, the suffix automaton can rest: on ordinary text most
 * characters then cost a rolling-hash update and two bit tests (a 16 KiB table) instead of a
 * mispredicted automaton walk. False positives only wake the automaton for nothing.
 */

/** Bits of the filter's index: 2^17 bits. */
export const GRAM_BITS = 17;
/** Odd multiplier of the rolling hash (mod 2^32). */
export const GRAM_BASE = 0x9e3779b1 | 0;
/** The longest W. */
const MAX_WIDTH = 8;
/** The symbols the scan keeps: a power of two > W, so the one leaving the window is still there. */
export const GRAM_RING = 16;

/**
 * The second bit of a W-gram's hash (the first is its top GRAM_BITS bits). Two bits per gram cut
 * the false positives that wake the automaton for nothing: with ~7,000 grams in 2^17 bits, from
 * about 5% to about 1% of windows, for one more bit test in the same 16 KiB.
 */
export function gramSecondBit(hash: number): number {
  return Math.imul(hash, GRAM_MIX) >>> (32 - GRAM_BITS);
}

/** Odd multiplier that derives the second bit's index from the hash. */
export const GRAM_MIX = 0x2c1b3c6d;

/** W for a minimum quote of `minHan` Han characters (each one symbol at least). */
export function gramWidth(minHan: number): number {
  return Math.min(minHan, MAX_WIDTH);
}

/** `GRAM_BASE^(width-1)`: what the symbol leaving the window weighs in the hash. */
export function gramOutWeight(width: number): number {
  let w = 1;
  for (let i = 1; i < width; i++) w = Math.imul(w, GRAM_BASE);
  return w;
}

/** The filter of every W-gram of `symbols[0..n)`, where `separator` splits passages. */
export function buildGramFilter(symbols: Int32Array, n: number, separator: number, width: number): Uint32Array {
  const bits = new Uint32Array(1 << (GRAM_BITS - 5));
  const ring = new Int32Array(GRAM_RING);
  const outWeight = gramOutWeight(width);
  let win = 0;
  let hash = 0;
  for (let i = 0; i < n; i++) {
    const q = symbols[i]!;
    if (q === separator) {
      win = 0;
      hash = 0;
      continue;
    }
    const out = win >= width ? ring[(win - width) & (GRAM_RING - 1)]! : 0;
    ring[win & (GRAM_RING - 1)] = q;
    win++;
    hash = (Math.imul(hash - Math.imul(out, outWeight), GRAM_BASE) + q) | 0;
    if (win >= width) {
      const at = hash >>> (32 - GRAM_BITS);
      bits[at >>> 5]! |= 1 << (at & 31);
      const at2 = gramSecondBit(hash);
      bits[at2 >>> 5]! |= 1 << (at2 & 31);
    }
  }
  return bits;
}
