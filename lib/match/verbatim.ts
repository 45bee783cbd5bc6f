import { N_HIT, NODE } from './aho-corasick';
import { DASH, SPACE } from './char-table';
import type { AcTables, QuoteTables } from './scan-tables';
import { GRAM_BASE } from './gram-filter';
import { normalizeCodes } from './normalize';
import { scanSymbols, termStep } from './scan-symbols';
import { S_BASE, S_LEN, S_LINK, SAM_NODE } from './suffix-automaton';
import type { CorpusPassage } from './types';

/**
 * Per-position tables of the normalized corpus for the scan's verbatim fast path. While a page
 * quotes the corpus, its next character is most often the corpus character after the run's
 * occurrence: comparing the two replaces both automaton steps. The term automaton is
 * deterministic, so once its page state equals its state at that corpus position (`acAt`, the
 * same automaton run over each passage from a block start), it stays equal while the page
 * follows the corpus, and so do its hits (`hitAt`). The quote automaton's state is the state of
 * the run's string, recovered from the corpus prefix ending there (`stateAt`) when the page
 * leaves the occurrence.
 */
export interface VerbatimTables {
  /**
   * Quote symbol at each position; at the separator between passages a symbol that no page
   * character has (so the fast path stops there).
   */
  symbol: Int32Array;
  /**
   * What the fast path reads first at position p: `code + 1` (bits 0–16) where a page code
   * unit `code` has that symbol itself (0 if only units folding to it do), and HAS_HIT when a
   * pattern ends right after p (`hitAt[p + 1] ≥ 0`).
   */
  step: Int32Array;
  /** Term automaton state after position p − 1 (index p, from the passage's start). */
  acAt: Int32Array;
  /** Its hit state (−1: none), as the scan's `addTerms` takes it. */
  hitAt: Int32Array;
  /** Quote automaton state of the corpus prefix `[0, p)`. */
  prefixState: Int32Array;
  /**
   * The corpus's distinct W-grams by hash (the scan's rolling hash), open addressing from the top
   * bits (`32 − gramShift`): where one ends (−1: empty slot) and its automaton state. The scan
   * looks a window up here when the W-gram filter lets it through, instead of walking W automaton
   * steps, and compares the symbols.
   */
  gramEnd: Int32Array;
  gramState: Int32Array;
  gramShift: number;
}

/** In `step`: a pattern ends after this position. */
export const HAS_HIT = 0x20000;
/** In `step`: the code unit + 1. */
export const STEP_CODE = 0x1ffff;

/**
 * The tables (with no corpus, tables the scan never enters), built with the scan's own symbols
 * and root steps, so the corpus is stepped exactly as a page would be.
 */
export function buildVerbatimTables(corpus: readonly CorpusPassage[], ac: AcTables, quotes: QuoteTables): VerbatimTables {
  const { symbols, spaceSymbols, dashSymbols, rootStep, afterSymbol } = scanSymbols(ac, quotes);
  const total = quotes.flags.length;
  const symbol = new Int32Array(total);
  const acSymbol = new Int32Array(total);
  const separator = quotes.codes.length;
  let at = 0;
  for (const passage of corpus) {
    const r = normalizeCodes(passage.text);
    for (let i = 0; i < r.length; i++) {
      const c = r.codes[i]!;
      const sy = c === SPACE ? spaceSymbols : c === DASH ? dashSymbols : symbols[c]!;
      symbol[at] = sy >>> 16;
      acSymbol[at] = sy & 0xffff;
      at++;
    }
    symbol[at++] = separator;
  }

  const nodes = ac.nodes;
  const acAt = new Int32Array(total + 1);
  const hitAt = new Int32Array(total + 1).fill(-1);
  const step = new Int32Array(total);
  let s = 0;
  let lastA = 0;
  for (let p = 0; p < total; p++) {
    if (symbol[p] === separator) {
      s = 0;
      lastA = 0;
      acAt[p + 1] = 0;
      continue;
    }
    const a = acSymbol[p]!;
    s = termStep(nodes, rootStep, afterSymbol, s, lastA, a);
    lastA = a;
    acAt[p + 1] = s;
    const h = s === 0 ? -1 : nodes[s * NODE + N_HIT]!;
    hitAt[p + 1] = h;
    const code = quotes.codes[symbol[p]!]!;
    if (symbols[code]! >>> 16 === symbol[p]) step[p] = code + 1;
    if (h >= 0) step[p]! |= HAS_HIT;
  }

  const qNodes = quotes.sam.nodes;
  const qEdges = quotes.sam.edges;
  const prefixState = new Int32Array(total + 1);
  let v = 0;
  for (let p = 0; p < total; p++) {
    v = qEdges[((qNodes[v * SAM_NODE + S_BASE]! + symbol[p]!) << 1) + 1]!;
    prefixState[p + 1] = v;
  }
  const tables: VerbatimTables = {
    symbol,
    step,
    acAt,
    hitAt,
    prefixState,
    gramEnd: new Int32Array(0),
    gramState: new Int32Array(0),
    gramShift: 0,
  };
  indexGrams(tables, quotes, separator);
  return tables;
}

/** Fills the W-gram table: every distinct W-gram of the corpus, at its first occurrence. */
function indexGrams(tables: VerbatimTables, quotes: QuoteTables, separator: number): void {
  const W = quotes.gramWidth;
  const symbol = tables.symbol;
  const total = symbol.length;
  let bits = 4;
  while (1 << bits < 2 * total) bits++;
  const size = 1 << bits;
  const gramEnd = new Int32Array(size).fill(-1);
  const gramState = new Int32Array(size);
  let run = 0;
  for (let p = 0; p < total; p++) {
    run = symbol[p] === separator ? 0 : run + 1;
    if (run < W) continue;
    let hash = 0;
    for (let j = p + 1 - W; j <= p; j++) hash = (Math.imul(hash, GRAM_BASE) + symbol[j]!) | 0;
    let e = hash >>> (32 - bits);
    for (;;) {
      const at = gramEnd[e]!;
      if (at < 0) {
        gramEnd[e] = p + 1;
        gramState[e] = stateAt(tables, quotes, p + 1, W);
        break;
      }
      if (sameSymbols(symbol, at, p + 1, W)) break;
      e = (e + 1) & (size - 1);
    }
  }
  tables.gramEnd = gramEnd;
  tables.gramState = gramState;
  tables.gramShift = 32 - bits;
}

function sameSymbols(symbol: Int32Array, endA: number, endB: number, width: number): boolean {
  for (let j = 1; j <= width; j++) if (symbol[endA - j] !== symbol[endB - j]) return false;
  return true;
}

/** The quote automaton's state of the corpus string of `length` symbols ending at `end`. */
export function stateAt(tables: VerbatimTables, quotes: QuoteTables, end: number, length: number): number {
  const qNodes = quotes.sam.nodes;
  let v = tables.prefixState[end]!;
  for (;;) {
    const up = qNodes[v * SAM_NODE + S_LINK]!;
    if (qNodes[up * SAM_NODE + S_LEN]! < length) return v;
    v = up;
  }
}
