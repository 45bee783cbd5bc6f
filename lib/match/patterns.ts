import { F_WORD } from './char-table';
import { codesToString, normalizeTransient } from './normalize';
import type { Pattern } from './types';

/** The first normalized character is a letter or digit: the one before must not be. */
export const EDGE_LEFT = 1;
/** The last normalized character is a letter or digit: the one after must not be. */
export const EDGE_RIGHT = 2;

/** What the automaton searches for: the given patterns, then the plural forms they imply. */
export interface PatternSet {
  /** Normalized keys; the index is the priority among equal keys. */
  keys: string[];
  /** The given pattern each key stands for. */
  source: Int32Array;
  length: Int32Array;
  edges: Uint8Array;
  maxLength: number;
}

/**
 * Plural keys of a normalized key whose last word is Latin: `-es` after s, x, z, ch, sh;
 * consonant + `y` → `-ies`; else `-s`. Irregular plurals are not derived (add them as forms).
 */
export function pluralKeys(key: string): string[] {
  if (!/[a-z]{2}$/.test(key)) return [];
  if (/(?:[sxz]|ch|sh)$/.test(key)) return [`${key}es`];
  if (/[^aeiou]y$/.test(key)) return [`${key.slice(0, -1)}ies`];
  return [`${key}s`];
}

export function expandPatterns(patterns: readonly Pattern[]): PatternSet {
  const keys: string[] = [];
  const source: number[] = [];
  const edges: number[] = [];
  const given = new Set<string>();
  const add = (key: string, from: number, edge: number): void => {
    keys.push(key);
    source.push(from);
    edges.push(edge);
  };
  const edgeOf = (flags: Uint8Array, length: number): number => (flags[0]! & F_WORD ? EDGE_LEFT : 0) | (flags[length - 1]! & F_WORD ? EDGE_RIGHT : 0);

  patterns.forEach((pattern, i) => {
    const r = normalizeTransient(pattern.form);
    if (r.length === 0) return;
    const key = codesToString(r.codes, r.length);
    given.add(key);
    add(key, i, edgeOf(r.flags, r.length));
  });
  const count = keys.length;
  for (let i = 0; i < count; i++) {
    // A plural that is itself a given form is found as that form.
    for (const plural of pluralKeys(keys[i]!)) {
      if (!given.has(plural)) add(plural, source[i]!, edges[i]! | EDGE_RIGHT);
    }
  }
  const length = Int32Array.from(keys, (k) => k.length);
  let maxLength = 0;
  for (const l of length) if (l > maxLength) maxLength = l;
  return { keys, source: Int32Array.from(source), length, edges: Uint8Array.from(edges), maxLength };
}
