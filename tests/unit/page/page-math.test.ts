import { describe, expect, it } from 'vitest';
import { boxesContain, pickBox } from '../../../lib/page/geometry';
import { findCyclic, lowerBound, outwardOrder, stepIndex } from '../../../lib/page/order';
import { cutSegments } from '../../../lib/page/segments';
import { summarize, summarizeMatches } from '../../../lib/page/summary';
import { isOwnTag, TAG_BLOCK, TAG_HOST, TAG_SKIP, tagKind } from '../../../lib/page/tags';

describe('cutSegments', () => {
  it('cuts a term inside a quote into disjoint segments, the term winning', () => {
    const segments = cutSegments([
      { chunk: 0, from: 0, to: 10, rank: 0, owner: 0 },
      { chunk: 0, from: 3, to: 5, rank: 1, owner: 1 },
    ]);
    expect(segments.get(0)).toEqual([
      { from: 0, to: 3, rank: 0, owners: [0] },
      { from: 3, to: 5, rank: 1, owners: [0, 1] },
      { from: 5, to: 10, rank: 0, owners: [0] },
    ]);
  });

  it('leaves gaps between pieces out and ignores empty pieces', () => {
    const segments = cutSegments([
      { chunk: 2, from: 0, to: 2, rank: 1, owner: 0 },
      { chunk: 2, from: 4, to: 6, rank: 1, owner: 1 },
      { chunk: 3, from: 1, to: 1, rank: 1, owner: 2 },
    ]);
    expect(segments.get(2)).toEqual([
      { from: 0, to: 2, rank: 1, owners: [0] },
      { from: 4, to: 6, rank: 1, owners: [1] },
    ]);
    expect(segments.has(3)).toBe(false);
  });
});

describe('order helpers', () => {
  it('finds the first index past a sorted predicate', () => {
    const tops = [-300, -20, 10, 400, 900];
    expect(lowerBound(tops.length, (i) => tops[i]! >= 0)).toBe(2);
    expect(lowerBound(tops.length, () => false)).toBe(5);
    expect(lowerBound(0, () => true)).toBe(0);
  });

  it('steps cyclically', () => {
    expect(stepIndex(2, 3, 1)).toBe(0);
    expect(stepIndex(0, 3, -1)).toBe(2);
    expect(stepIndex(0, 0, 1)).toBe(-1);
  });

  it('orders work outward from the pivot, what is on screen first', () => {
    expect(outwardOrder(5, 2)).toEqual([2, 3, 4, 1, 0]);
    expect(outwardOrder(3, 9)).toEqual([2, 1, 0]);
  });

  it('finds the next wanted item cyclically, from the start when there is no current one', () => {
    const entries = [7, 3, 7, 5];
    expect(findCyclic(entries, -1, 1, (e) => e === 7)).toBe(0);
    expect(findCyclic(entries, 0, 1, (e) => e === 7)).toBe(2);
    expect(findCyclic(entries, 2, 1, (e) => e === 7)).toBe(0);
    expect(findCyclic(entries, -1, -1, (e) => e === 7)).toBe(2);
    expect(findCyclic(entries, 1, 1, (e) => e === 9)).toBe(-1);
  });
});

describe('summarize', () => {
  it('counts terms per entry in order of first appearance, quotes apart', () => {
    expect(
      summarize([
        { kind: 'term', entry: 4 },
        { kind: 'quote', entry: -1, source: { doc: 0, para: 3, start: 1, end: 20 } },
        { kind: 'term', entry: 1 },
        { kind: 'quote', entry: -1, source: { doc: 0, para: 3, start: 1, end: 20 } },
        { kind: 'quote', entry: -1, source: { doc: 2, para: 5, start: 0, end: 14 } },
        { kind: 'term', entry: 4 },
      ]),
    ).toEqual({
      entries: [
        { entry: 4, count: 2 },
        { entry: 1, count: 1 },
      ],
      quoted: [
        { doc: 0, para: 3, start: 1, end: 20, count: 2 },
        { doc: 2, para: 5, start: 0, end: 14, count: 1 },
      ],
      terms: 3,
      quotes: 3,
    });
  });

  it('gives the same summary from the matches as the content script holds them', () => {
    const quote = { entry: -1, source: { doc: 1, para: 2, start: 3, end: 40, occurrences: 2 } };
    type Held = { kind: 'term' | 'quote'; entry?: number; match: { entry: number; source?: (typeof quote)['source'] } };
    const held: Held[] = [
      { kind: 'quote', match: quote },
      { kind: 'term', match: { entry: 7 } },
      { kind: 'term', entry: 2, match: { entry: 2 } },
      { kind: 'quote', match: { entry: -1 } },
      { kind: 'quote', entry: -1, match: quote },
      { kind: 'term', match: { entry: 7 } },
    ];
    expect(summarizeMatches(held)).toEqual(summarize(held.map((m) => ({ kind: m.kind, entry: m.match.entry, source: m.match.source }))));
    expect(summarizeMatches(held)).toEqual({
      entries: [
        { entry: 7, count: 2 },
        { entry: 2, count: 1 },
      ],
      quoted: [{ doc: 1, para: 2, start: 3, end: 40, count: 2 }],
      terms: 3,
      quotes: 3,
    });
  });

  it('counts a quote by the source it holds, without reading its match', () => {
    const unread = (source?: { doc: number; para: number; start: number; end: number }) => ({
      kind: 'quote' as const,
      source,
      get match(): { entry: number } {
        throw new Error('match read');
      },
    });
    const place = { doc: 0, para: 5, start: 1, end: 20 };
    expect(summarizeMatches([unread(place), unread({ ...place }), unread({ ...place, para: 6 })]).quoted).toEqual([
      { ...place, count: 2 },
      { ...place, para: 6, count: 1 },
    ]);
  });
});

describe('geometry', () => {
  const line1 = { left: 10, top: 10, right: 110, bottom: 30 };
  const line2 = { left: 0, top: 30, right: 40, bottom: 50 };

  it('tells whether a point is on a glyph box, with a pixel of slop', () => {
    expect(boxesContain([line1, line2], 50, 20)).toBe(true);
    expect(boxesContain([line1, line2], 111, 20)).toBe(true);
    expect(boxesContain([line1, line2], 80, 40)).toBe(false);
    expect(boxesContain([{ left: 5, top: 5, right: 5, bottom: 30 }], 5, 10)).toBe(false);
  });

  it('picks the line box under the point, else the first one', () => {
    expect(pickBox([line1, line2], 20, 40)).toBe(line2);
    expect(pickBox([line1, line2], 500, 500)).toBe(line1);
  });
});

describe('tag kinds', () => {
  it('skips what is not read and separates blocks', () => {
    for (const name of ['script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'svg', 'math', 'rt']) {
      expect(tagKind(name) & TAG_SKIP, name).toBeTruthy();
    }
    for (const name of ['p', 'div', 'li', 'td', 'br', 'h1', 'blockquote', 'img', 'textarea']) {
      expect(tagKind(name) & TAG_BLOCK, name).toBeTruthy();
    }
    for (const name of ['b', 'a', 'em', 'font']) expect(tagKind(name), name).toBe(0);
    // The elements that may hold a shadow root: custom elements and those attachShadow accepts.
    for (const name of ['span', 'my-widget', 'x-']) expect(tagKind(name), name).toBe(TAG_HOST);
    for (const name of ['div', 'p', 'body', 'article', 'h3']) expect(tagKind(name), name).toBe(TAG_BLOCK | TAG_HOST);
    for (const name of ['li', 'td', 'a', 'button']) expect(tagKind(name) & TAG_HOST, name).toBe(0);
    expect(tagKind('script') & TAG_BLOCK).toBe(0);
  });

  it('knows the extension’s own elements', () => {
    expect(isOwnTag('tifa-lens-ui')).toBe(true);
    expect(tagKind('tifa-lens-ui')).toBe(TAG_SKIP | TAG_BLOCK);
    expect(isOwnTag('tifa-other')).toBe(false);
  });
});
