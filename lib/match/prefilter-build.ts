// The prefilter's build half (scripts/support/generated-modules.ts ships its result): the key sets
// of a glossary's patterns and corpus. The half a page runs, and why the test is sound, is
// prefilter.ts; apart, so that the content script ships none of this.

import { charInfo, F_HAN, F_WORD, FLAG_SHIFT } from './char-table';
import { normalizeCodes } from './normalize';
import { expandPatterns } from './patterns';
import { bitOf, pairKey, SET_WORDS, tripleKey, WORD_SEED, wordKey, wordStep } from './prefilter';
import type { PrefilterData } from './prefilter';
import { alphabetOfCodes } from './alphabet';
import { variantPairs } from './quote-index';
import type { CorpusPassage, MatcherOptions, Pattern } from './types';

/** The class flags of a normalized unit (as the corpus's and the patterns' units have them). */
function flagsOf(normalized: number): number {
  return charInfo()[normalized]! >>> FLAG_SHIFT;
}

function setOf(keys: ReadonlySet<number>): Uint32Array {
  return Uint32Array.from(keys).sort();
}

/** Builds the prefilter of the matcher `compileMatcher(patterns, corpus, options)` (build time). */
export function buildPrefilter(patterns: readonly Pattern[], corpus: readonly CorpusPassage[], options: MatcherOptions = {}): PrefilterData {
  const quotes = options.quotes !== false && corpus.length > 0;
  const minHan = quotes ? Math.max(1, Math.floor(options.minQuoteHan ?? 12)) : 0;
  const han1 = new Set<number>();
  const han2 = new Set<number>();
  const han3 = new Set<number>();
  const heads = new Set<number>();
  const words = new Set<number>();
  let always = quotes && minHan < 2;
  // Stop patterns report nothing: a text holding only them has no match.
  for (const key of expandPatterns(patterns.filter((p) => !p.stop)).keys) {
    const hans: number[] = [];
    let best = 0;
    let bestHash = 0;
    let length = 0;
    let h = WORD_SEED;
    for (let i = 0; i <= key.length; i++) {
      const unit = i < key.length ? key.charCodeAt(i) : -1;
      const flags = unit < 0 ? 0 : flagsOf(unit);
      if (flags & F_HAN) hans.push(unit);
      if (unit >= 0 && !(flags & F_HAN) && flags & F_WORD) {
        h = wordStep(h, unit);
        length++;
        continue;
      }
      if (length > best) {
        best = length;
        bestHash = wordKey(h);
      }
      length = 0;
      h = WORD_SEED;
    }
    if (hans.length >= 3) {
      han3.add(tripleKey(hans[0]!, hans[1]!, hans[2]!));
      heads.add(pairKey(hans[0]!, hans[1]!));
    } else if (hans.length === 2) han2.add(pairKey(hans[0]!, hans[1]!));
    else if (hans.length === 1) han1.add(hans[0]!);
    else if (best > 0) words.add(bestHash);
    else always = true;
  }
  const pairs = new Set<number>();
  const variants = new Set<number>();
  if (minHan >= 2) {
    const normalized = corpus.map((passage) => normalizeCodes(passage.text));
    // The variants the matcher takes (those of characters the corpus holds).
    const found = variantPairs(options.quoteVariants ?? '', alphabetOfCodes(normalized).alphabet);
    for (let i = 0; i < found.length; i += 2) variants.add(((found[i]! << 16) | found[i + 1]!) >>> 0);
    for (const { codes, length } of normalized) {
      let previous = -1;
      for (let i = 0; i < length; i++) {
        const unit = codes[i]!;
        if (!(flagsOf(unit) & F_HAN)) continue;
        if (previous >= 0) pairs.add(pairKey(previous, unit));
        previous = unit;
      }
    }
  }
  const bits = new Uint32Array(SET_WORDS);
  for (const set of [han1, han2, han3, heads, words, pairs]) {
    for (const key of set) {
      const b = bitOf(key);
      bits[b >>> 5]! |= 1 << (b & 31);
    }
  }
  return {
    minHan,
    always,
    han1: setOf(han1),
    han2: setOf(han2),
    han3: setOf(han3),
    heads: setOf(heads),
    words: setOf(words),
    corpus: setOf(pairs),
    variants: setOf(variants),
    bits,
  };
}
