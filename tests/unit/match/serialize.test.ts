import { describe, expect, it } from 'vitest';
import { compileMatcher, loadMatcher, serializeMatcher } from '../../../lib/match/index';
import type { Matcher } from '../../../lib/match/index';
import { CORPUS, render as show, prng, realisticPatterns } from './fixtures';
import { randomPage } from './generate';

describe('serialized matchers', () => {
  const patterns = realisticPatterns(200, 9);

  it('match exactly like the matcher they were made from', () => {
    for (const options of [{}, { overlaps: 'all' as const, minQuoteHan: 6 }, { quotes: false }]) {
      const original = compileMatcher(patterns, CORPUS, options);
      const bytes = serializeMatcher(original);
      const loaded = loadMatcher(bytes);
      // A copy at an odd offset exercises the realignment path.
      const shifted = new Uint8Array(bytes.length + 3);
      shifted.set(bytes, 3);
      const realigned = loadMatcher(shifted.subarray(3));
      // And a loaded matcher serializes again.
      const again = loadMatcher(serializeMatcher(loaded));
      for (let c = 0; c < 300; c++) {
        const page = randomPage(prng(7000 + c), patterns);
        const want = original.match(page.chunks, page.boundaries).map(show);
        for (const m of [loaded, realigned, again]) expect(m.match(page.chunks, page.boundaries).map(show)).toEqual(want);
      }
    }
  });

  it('rejects bytes that are not a matcher', () => {
    const bytes = serializeMatcher(compileMatcher(patterns.slice(0, 5), []));
    expect(() => loadMatcher(bytes.subarray(0, 8))).toThrow(/truncated/);
    const bad = bytes.slice();
    bad[0] = 0;
    expect(() => loadMatcher(bad)).toThrow(/magic/);
    const swapped = bytes.slice();
    swapped.set([1, 2, 3, 4], 4);
    expect(() => loadMatcher(swapped)).toThrow(/byte order/);
    const future = bytes.slice();
    const words = new Uint32Array(future.buffer, 0, 3);
    const text = new Uint16Array(future.buffer, 12, words[2]!);
    const at = String.fromCharCode(...text).indexOf('"version":4');
    text[at + 10] = '5'.charCodeAt(0);
    expect(() => loadMatcher(future)).toThrow(/version 5/);
    // Version 1 had a one-bit W-gram filter (loading it would miss quotes), version 2 no tables
    // for the verbatim fast path, version 3 no quote variants: all are refused.
    for (const old of ['1', '2', '3']) {
      text[at + 10] = old.charCodeAt(0);
      expect(() => loadMatcher(future)).toThrow(new RegExp(`version ${old}`, 'u'));
    }
    const fake: Matcher = { match: () => [] };
    expect(() => serializeMatcher(fake)).toThrow(TypeError);
  });
});
