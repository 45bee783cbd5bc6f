import type { NormalizedCodes } from './normalize';

/** A dense numbering of code units: symbol ≥ 1 for each unit used, 0 for the rest. */
export interface Alphabet {
  /** Code unit → symbol. */
  alphabet: Uint16Array;
  /** Symbol → code unit (index 0 unused). */
  codes: Uint16Array;
}

/**
 * Symbols numbered by falling frequency (ties by code unit): rows of frequent characters then
 * sit close together, which keeps the packed transition tables small and quick to build.
 * `units(visit)` calls `visit` with every code unit of the texts, in order (it is called twice).
 */
export function frequencyAlphabet(units: (visit: (code: number) => void) => void): Alphabet {
  const counts = new Int32Array(0x10000);
  units((c) => counts[c]!++);
  const used: number[] = [];
  units((c) => {
    if (counts[c]! > 0) {
      used.push(c);
      counts[c] = -counts[c]!; // seen: negative until numbered
    }
  });
  used.sort((a, b) => counts[a]! - counts[b]! || a - b);
  const alphabet = new Uint16Array(0x10000);
  const codes = new Uint16Array(used.length + 1);
  used.forEach((c, i) => {
    alphabet[c] = i + 1;
    codes[i + 1] = c;
  });
  return { alphabet, codes };
}

/** The frequency alphabet of normalized texts (the corpus's passages). */
export function alphabetOfCodes(texts: readonly NormalizedCodes[]): Alphabet {
  return frequencyAlphabet((visit) => {
    for (const r of texts) for (let i = 0; i < r.length; i++) visit(r.codes[i]!);
  });
}
