import { buildSuffixAutomaton, SAM_NODE, S_BASE, S_FIRST_END, S_LEN, S_LINK } from '../match/suffix-automaton';
import type { SuffixAutomaton } from '../match/suffix-automaton';
import type { CorpusPassage } from '../match/types';
import { foldText, variantTable } from './folded';
import type { FoldedText, VariantTable } from './folded';

/**
 * The corpus as the alignment reads it: each passage folded, and a suffix automaton of all of
 * them (separated by a symbol no page unit maps to) that finds the exact shared runs the
 * alignment is anchored on, in one pass over a page.
 */
export interface AlignCorpus {
  passages: readonly CorpusPassage[];
  folded: FoldedText[];
  variants: VariantTable;
  sam: SuffixAutomaton;
  /** Folded unit → symbol (0: not in the corpus). */
  symbol: Uint16Array;
  /** Start of each passage in the concatenation. */
  start: Int32Array;
  /** The concatenation as a string (separators NUL): where else a run occurs. */
  joined: string;
}

/** `quoteVariants`: CompiledGlossary.quoteVariants, so that traditional pages align too. */
export function buildAlignCorpus(passages: readonly CorpusPassage[], quoteVariants = ''): AlignCorpus {
  const plain = passages.map((p) => foldText(p.text, null));
  const present = new Uint8Array(0x10000);
  for (const f of plain) for (let i = 0; i < f.length; i++) present[f.units[i]!] = 1;
  const variants = variantTable(quoteVariants, (u) => present[u] === 1);
  const symbol = new Uint16Array(0x10000);
  let symbols = 0;
  for (let u = 0; u < 0x10000; u++) if (present[u]) symbol[u] = ++symbols;
  let total = 0;
  for (const f of plain) total += f.length + 1;
  const text = new Int32Array(total);
  const start = new Int32Array(plain.length);
  const separator = symbols + 1;
  let at = 0;
  plain.forEach((f, i) => {
    start[i] = at;
    for (let k = 0; k < f.length; k++) text[at++] = symbol[f.units[k]!]!;
    text[at++] = separator;
  });
  const joined = plain.map((f) => String.fromCharCode(...f.units.subarray(0, f.length))).join('\u0000') + '\u0000';
  return { passages, folded: plain, variants, sam: buildSuffixAutomaton(text, total, separator), symbol, start, joined };
}

/** An exact shared run: page units [pageStart, pageEnd) are passage units from corpusStart on. */
export interface Seed {
  pageStart: number;
  pageEnd: number;
  passage: number;
  corpusStart: number;
  /** How many times the run occurs in the corpus (it is located at the first). */
  occurrences: number;
}

/** The passage holding position `at` of the concatenation, and the offset in it. */
function locate(corpus: AlignCorpus, at: number): { passage: number; offset: number } {
  const starts = corpus.start;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return { passage: lo, offset: at - starts[lo]! };
}

/** Every place (up to `limit`) a seed's run occurs in the corpus, the first one first. */
export function occurrencesOf(corpus: AlignCorpus, page: FoldedText, seed: Seed, limit: number): Seed[] {
  if (seed.occurrences <= 1) return [seed];
  const run = String.fromCharCode(...page.units.subarray(seed.pageStart, seed.pageEnd));
  const out: Seed[] = [];
  for (let at = corpus.joined.indexOf(run); at >= 0 && out.length < limit; at = corpus.joined.indexOf(run, at + 1)) {
    const { passage, offset } = locate(corpus, at);
    out.push({ ...seed, passage, corpusStart: offset });
  }
  return out.length > 0 ? out : [seed];
}

/**
 * Every maximal run of at least `minLength` units the folded page shares with the corpus, in
 * page order, located at its first occurrence (matching statistics over the automaton: linear
 * in the page).
 */
export function findSeeds(corpus: AlignCorpus, page: FoldedText, minLength: number): Seed[] {
  const { nodes, edges } = corpus.sam;
  const seeds: Seed[] = [];
  const report = (state: number, length: number, end: number): void => {
    const at = nodes[state * SAM_NODE + S_FIRST_END]! - length;
    const { passage, offset } = locate(corpus, at);
    seeds.push({ pageStart: end - length, pageEnd: end, passage, corpusStart: offset, occurrences: corpus.sam.count[state]! });
  };
  let state = 0;
  let length = 0;
  for (let i = 0; i < page.length; i++) {
    const sym = corpus.symbol[page.units[i]!]!;
    if (sym === 0) {
      if (length >= minLength) report(state, length, i);
      state = 0;
      length = 0;
      continue;
    }
    const t = (nodes[state * SAM_NODE + S_BASE]! + sym) << 1;
    if (edges[t] === state) {
      state = edges[t + 1]!;
      length++;
      continue;
    }
    if (length >= minLength) report(state, length, i);
    // Shorten along suffix links until the run can grow; the root has an edge on every symbol.
    for (;;) {
      if (state === 0) {
        const u = (nodes[S_BASE]! + sym) << 1;
        state = edges[u + 1]!;
        length = 1;
        break;
      }
      state = nodes[state * SAM_NODE + S_LINK]!;
      const u = (nodes[state * SAM_NODE + S_BASE]! + sym) << 1;
      if (edges[u] === state) {
        length = nodes[state * SAM_NODE + S_LEN]! + 1;
        state = edges[u + 1]!;
        break;
      }
    }
  }
  if (length >= minLength) report(state, length, page.length);
  return seeds;
}
