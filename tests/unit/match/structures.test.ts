import { describe, expect, it } from 'vitest';
import { SlotAllocator, sortRow } from '../../../lib/match/slot-allocator';
import { buildSuffixAutomaton, S_BASE, S_FIRST_END, SAM_NODE } from '../../../lib/match/suffix-automaton';
import { compileMatcher } from '../../../lib/match/index';
import type { Pattern } from '../../../lib/match/index';
import { int, prng } from './fixtures';
import { oracleTerms } from './oracle';

describe('SlotAllocator', () => {
  it('packs rows without sharing a slot, growing past its first capacity', () => {
    const rnd = prng(3);
    const alloc = new SlotAllocator(8);
    const owner = new Map<number, number>();
    const rows: Int32Array[] = [];
    for (let row = 0; row < 3000; row++) {
      const width = row % 7 === 0 ? int(rnd, 2, 40) : 1;
      const syms = new Set<number>();
      // Symbols are numbered by frequency, so small ones dominate.
      while (syms.size < width) syms.add(1 + Math.floor(3000 * rnd() ** 3));
      rows.push(Int32Array.from([...syms].sort((a, b) => a - b)));
    }
    // The builders place wide rows first.
    rows.sort((a, b) => b.length - a.length);
    rows.forEach((sorted, row) => {
      const base = alloc.findBase(sorted, 0, sorted.length);
      expect(base).toBeGreaterThanOrEqual(0);
      for (const s of sorted) {
        expect(owner.has(base + s)).toBe(false);
        owner.set(base + s, row);
        alloc.take(base + s);
      }
    });
    // Dense: nearly every slot below the top is used.
    expect(owner.size / alloc.used).toBeGreaterThan(0.5);
  });

  it('sorts long and short rows with their targets', () => {
    const rnd = prng(4);
    for (const n of [5, 300]) {
      const syms = Int32Array.from({ length: n }, () => int(rnd, 1, 60000));
      const targets = syms.map((s) => s * 7 + 1);
      sortRow(syms, targets, 0, n);
      for (let i = 1; i < n; i++) expect(syms[i]!).toBeGreaterThanOrEqual(syms[i - 1]!);
      syms.forEach((s, i) => expect(targets[i]).toBe(s * 7 + 1));
    }
  });
});

describe('suffix automaton', () => {
  it('recognises exactly the substrings, with first end and count', () => {
    const rnd = prng(5);
    for (let round = 0; round < 20; round++) {
      const n = int(rnd, 1, 60);
      const text = Int32Array.from({ length: n }, () => int(rnd, 1, 3));
      const sam = buildSuffixAutomaton(text, n, 3);
      const str = [...text].join('');
      for (let trial = 0; trial < 60; trial++) {
        const len = int(rnd, 1, 8);
        const probe = Array.from({ length: len }, () => int(rnd, 1, 3));
        let v = 0;
        for (const a of probe) {
          const t = (sam.nodes[v * SAM_NODE + S_BASE]! + a) * 2;
          v = sam.edges[t] === v ? sam.edges[t + 1]! : -1;
          if (v < 0) break;
        }
        const p = probe.join('');
        const first = str.indexOf(p);
        if (first < 0) {
          expect(v).toBe(-1);
          continue;
        }
        expect(sam.nodes[v * SAM_NODE + S_FIRST_END]).toBe(first + len);
        let count = 0;
        for (let at = first; at !== -1; at = str.indexOf(p, at + 1)) count++;
        expect(sam.count[v]).toBe(count);
      }
    }
  });
});

describe('scale', () => {
  it('matches like the oracle with thousands of patterns and many matches per page', () => {
    const rnd = prng(6);
    const alphabet = '中国同亚五建交周年ab c';
    const forms = new Set<string>();
    while (forms.size < 4000) {
      let f = '';
      const len = int(rnd, 1, 6);
      for (let i = 0; i < len; i++) f += alphabet[int(rnd, 0, alphabet.length - 1)]!;
      if (f.trim() === f && f !== '') forms.add(f);
    }
    const patterns: Pattern[] = [...forms].map((form, entry) => ({ form, entry, script: 'hans' }));
    for (const overlaps of ['longest', 'all'] as const) {
      const m = compileMatcher(patterns, [], { overlaps, quotes: false });
      for (let round = 0; round < 5; round++) {
        let text = '';
        for (let i = 0; i < 200; i++) text += alphabet[int(rnd, 0, alphabet.length - 1)]!;
        const got = m.matchText(text).map((x) => `${x.start.offset}-${x.end.offset}#${x.entry}`);
        const want = oracleTerms(patterns, [text], [], overlaps).map((x) => `${x.start.offset}-${x.end.offset}#${x.pattern}`);
        expect(got).toEqual(want);
      }
    }
  });
});
