import { alphabetOfCodes } from './alphabet';
import { F_HAN, F_WORD } from './char-table';
import { normalizeCodes } from './normalize';
import { buildGramFilter, gramWidth as gramWidthOf } from './gram-filter';
import { buildSuffixAutomaton, SAM_NODE, S_FIRST_END } from './suffix-automaton';
import type { SuffixAutomaton } from './suffix-automaton';
import type { CorpusPassage } from './types';

/**
 * The normalized corpus (every passage, each followed by a separator symbol no page character
 * maps to, so no shared run crosses passages) and its suffix automaton.
 */
export interface QuoteIndex {
  sam: SuffixAutomaton;
  /** Normalized code unit → symbol (0: not in the corpus). */
  alphabet: Uint16Array;
  /** Symbol → normalized code unit (index 0 unused). */
  codes: Uint16Array;
  /** Char flags of each position (0 for separators). */
  flags: Uint8Array;
  /** Han characters in positions `[0, i)`. */
  hanBefore: Int32Array;
  /** Offset in its passage's original text of the character at each position. */
  original: Int32Array;
  /** Normalized start position of each passage. */
  passageStart: Int32Array;
  /** Longest normalized passage: no shared run is longer. */
  maxPassageLength: number;
  /** The corpus's W-grams (see gram-filter) and W. */
  grams: Uint32Array;
  gramWidth: number;
  /** Pairs [variant unit, corpus unit] a page's quote may use in place of the corpus's character. */
  variants: Uint16Array;
}

/** Quote symbols are below this: the bit above marks a variant's symbol (see scan-symbols.ts). */
export const MAX_QUOTE_SYMBOLS = 0x4000;

/**
 * The pairs of `variants` (see MatcherOptions.quoteVariants) that apply: single UTF-16 units, a
 * variant the corpus does not hold standing for a character it does, each variant once.
 */
export function variantPairs(variants: string, alphabet: Uint16Array): Uint16Array {
  const out: number[] = [];
  const seen = new Set<number>();
  const chars = [...variants];
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const variant = chars[i]!;
    const target = chars[i + 1]!;
    if (variant.length !== 1 || target.length !== 1) continue;
    const v = variant.charCodeAt(0);
    const t = target.charCodeAt(0);
    if (seen.has(v) || alphabet[v] !== 0 || alphabet[t] === 0) continue;
    seen.add(v);
    out.push(v, t);
  }
  return Uint16Array.from(out);
}

/** The index of `corpus` for quotes of at least `minHan` Han characters (`variants`: see MatcherOptions.quoteVariants). */
export function buildQuoteIndex(corpus: readonly CorpusPassage[], minHan: number, variants = ''): QuoteIndex {
  const normalized = corpus.map((p) => normalizeCodes(p.text));
  let total = 0;
  let maxPassageLength = 0;
  for (const r of normalized) {
    total += r.length + 1;
    if (r.length > maxPassageLength) maxPassageLength = r.length;
  }
  const { alphabet, codes } = alphabetOfCodes(normalized);
  const alphabetSize = codes.length - 1;
  if (alphabetSize + 1 >= MAX_QUOTE_SYMBOLS) throw new RangeError(`the corpus has too many distinct characters (${alphabetSize})`);
  const symbols = new Int32Array(total);
  const flags = new Uint8Array(total);
  const original = new Int32Array(total);
  const hanBefore = new Int32Array(total + 1);
  const passageStart = new Int32Array(normalized.length);
  let at = 0;
  normalized.forEach((r, pi) => {
    passageStart[pi] = at;
    for (let i = 0; i < r.length; i++) {
      symbols[at] = alphabet[r.codes[i]!]!;
      flags[at] = r.flags[i]!;
      original[at] = r.offsets[i]!;
      at++;
    }
    symbols[at] = -1; // the separator, numbered once the alphabet is complete
    original[at] = r.length === 0 ? 0 : r.offsets[r.length - 1]! + 1;
    at++;
  });
  const separator = alphabetSize + 1;
  for (let i = 0; i < total; i++) {
    if (symbols[i] === -1) symbols[i] = separator;
    hanBefore[i + 1] = hanBefore[i]! + (flags[i]! & F_HAN ? 1 : 0);
  }
  const sam = buildSuffixAutomaton(symbols, total, separator);
  const gramWidth = gramWidthOf(minHan);
  const grams = buildGramFilter(symbols, total, separator, gramWidth);
  return {
    sam,
    alphabet,
    codes,
    flags,
    original,
    hanBefore,
    passageStart,
    maxPassageLength,
    grams,
    gramWidth,
    variants: variantPairs(variants, alphabet),
  };
}

/** A shared run resolved to the corpus (one instance, refilled by each `traceQuote`). */
export class TracedQuote {
  /** Characters trimmed off the run's start and end (punctuation, spaces). */
  trimStart = 0;
  trimEnd = 0;
  /** Passage index and normalized span (trimmed) in the run's first occurrence in the corpus. */
  passage = 0;
  start = 0;
  end = 0;
  occurrences = 0;
}

/**
 * Resolves a maximal shared run of `length` symbols that the automaton recognised in `state`
 * into `out`: false when it has fewer than `minHan` Han characters. The source is the run's first
 * occurrence in the corpus and its count; the reported span is then trimmed to start and end on
 * a letter, digit or Han character (punctuation at a run's edges is shared by accident more often
 * than not).
 */
export function traceQuote(index: Omit<QuoteIndex, 'alphabet'>, state: number, length: number, minHan: number, out: TracedQuote): boolean {
  const { sam, flags, hanBefore } = index;
  const firstEnd = sam.nodes[state * SAM_NODE + S_FIRST_END]!;
  const runStart = firstEnd - length;
  if (hanBefore[firstEnd]! - hanBefore[runStart]! < minHan) return false;
  let start = runStart;
  let end = firstEnd;
  const keep = F_HAN | F_WORD;
  while ((flags[start]! & keep) === 0) start++;
  while ((flags[end - 1]! & keep) === 0) end--;
  // The passage holding the occurrence: the last passage starting at or before it.
  const starts = index.passageStart;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= start) lo = mid;
    else hi = mid - 1;
  }
  out.trimStart = start - runStart;
  out.trimEnd = firstEnd - end;
  out.passage = lo;
  out.start = start;
  out.end = end;
  out.occurrences = sam.count[state]!;
  return true;
}
