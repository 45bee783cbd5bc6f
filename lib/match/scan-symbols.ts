import { N_BASE, N_CHECK, N_FAIL, NODE } from './aho-corasick';
import { charInfo, DASH, F_WORD, FLAG_SHIFT, SPACE } from './char-table';
import { FOLDS, SPECIALS } from './char-folds';
import type { AcTables, QuoteTables } from './scan-tables';
import { MAX_QUOTE_SYMBOLS } from './quote-index';

/** The per-code-unit tables the scan reads, derived from the two alphabets. */
export interface ScanSymbols {
  /**
   * Raw code unit → `acSymbol | quoteSymbol << 16`; -1 for whitespace, ignorables, dashes. A
   * quote variant's quote symbol carries VARIANT_SYMBOL: masked off (QUOTE_SYMBOL_MASK) it is
   * its corpus character's, for the suffix automaton; unmasked it equals no corpus position's, so
   * the verbatim fast path (which also stands for the term automaton) stops there.
   */
  symbols: Int32Array;
  spaceSymbols: number;
  dashSymbols: number;
  /**
   * The root's child on each term symbol `a` at `rootStep[a]`, and at `rootStep[w + a]` (w =
   * alphabet size + 1) the same after a letter or digit: 0 when `a` is one too. A pattern that
   * starts on a letter or digit must start a word (its left edge), so inside a word the automaton
   * need not leave the root: most letters of English text then cost one lookup.
   */
  rootStep: Int32Array;
  /** Per term symbol: where the next character's root step is read in `rootStep` (w after a letter or digit). */
  afterSymbol: Int32Array;
  /**
   * Raw code units that, inside a word, with the term automaton at the root and no shared run,
   * change nothing but the position: letters and digits in a pattern (their root step after a
   * letter is 0) and in no corpus text. The scan strides over them (most letters of English).
   */
  wordSkip: Uint8Array;
}

/** Marks a quote variant's quote symbol (see `symbols`). */
export const VARIANT_SYMBOL = MAX_QUOTE_SYMBOLS;
/** The quote symbol proper, variant mark off. */
export const QUOTE_SYMBOL_MASK = MAX_QUOTE_SYMBOLS - 1;

export function scanSymbols(ac: AcTables, quotes: QuoteTables): ScanSymbols {
  // Plain units then cost one lookup, and only the units in an alphabet (and those folding to
  // them) are written: no 64K loop per matcher.
  const symbols = new Int32Array(0x10000);
  const symbolOf = new Map<number, number>();
  const acCodes = ac.codes;
  for (let a = 1; a < acCodes.length; a++) symbolOf.set(acCodes[a]!, a);
  const quoteCodes = quotes.codes;
  for (let q = 1; q < quoteCodes.length; q++) {
    const code = quoteCodes[q]!;
    symbolOf.set(code, (symbolOf.get(code) ?? 0) | (q << 16));
  }
  for (const [code, sy] of symbolOf) symbols[code] = sy;
  for (let i = 0; i < FOLDS.length; i += 2) {
    const sy = symbolOf.get(FOLDS[i + 1]!);
    if (sy !== undefined) symbols[FOLDS[i]!] = sy;
  }
  for (const c of SPECIALS) symbols[c] = -1;
  const variants = quotes.variants;
  for (let i = 0; i < variants.length; i += 2) {
    const v = variants[i]!;
    const q = symbols[variants[i + 1]!]! >>> 16;
    if (q !== 0 && symbols[v]! >= 0) symbols[v] = (symbols[v]! & 0xffff) | ((q | VARIANT_SYMBOL) << 16);
  }

  const w = acCodes.length;
  const rootStep = new Int32Array(2 * w);
  const afterSymbol = new Int32Array(w);
  rootStep.set(ac.rootTo);
  for (let a = 1; a < w; a++) {
    const word = ((charInfo()[acCodes[a]!]! >>> FLAG_SHIFT) & F_WORD) !== 0;
    rootStep[w + a] = word ? 0 : ac.rootTo[a]!;
    afterSymbol[a] = word ? w : 0;
  }

  const wordSkip = new Uint8Array(0x10000);
  const mark = (c: number): void => {
    const sy = symbols[c]!;
    if (sy > 0 && sy < 0x10000 && afterSymbol[sy] !== 0) wordSkip[c] = 1;
  };
  for (const code of symbolOf.keys()) mark(code);
  for (let i = 0; i < FOLDS.length; i += 2) mark(FOLDS[i]!);

  return {
    symbols,
    spaceSymbols: symbolOf.get(SPACE) ?? 0,
    dashSymbols: symbolOf.get(DASH) ?? 0,
    rootStep,
    afterSymbol,
    wordSkip,
  };
}

/**
 * The term automaton's step from state `s` on symbol `a` (`lastA`: the symbol of the character
 * before): at the root one lookup; symbol 0 (in no pattern) leads to the root from anywhere;
 * else the double array's transition, following failure links until one exists.
 */
export function termStep(nodes: Int32Array, rootStep: Int32Array, afterSymbol: Int32Array, s: number, lastA: number, a: number): number {
  if (s === 0) return rootStep[afterSymbol[lastA]! + a]!;
  if (a === 0) return 0;
  for (;;) {
    const t = nodes[s * NODE + N_BASE]! + a;
    if (nodes[t * NODE + N_CHECK] === s) return t;
    s = nodes[s * NODE + N_FAIL]!;
    if (s === 0) return rootStep[afterSymbol[lastA]! + a]!;
  }
}
