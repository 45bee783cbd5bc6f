// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { MatchIndex } from '../../../../../content/lens/page-layer/match-index';
import { firstFrom, firstNode, isAttached, pageText, RowPageMatch, someNode, toRange } from '../../../../../content/lens/page-layer/page-match';
import type { Match } from '../../../../../lib/match/index';
import { setBody } from '../../support/fixture';

afterEach(() => {
  document.body.replaceChildren();
});

describe('RowPageMatch', () => {
  it('makes its Match once, when first read', () => {
    setBody('<p>共建一带一路</p>');
    const node = document.querySelector('p')!.firstChild as Text;
    const described: number[] = [];
    const rows = {
      describe: (row: number): Match => {
        described.push(row);
        return { kind: 'term', start: { chunk: 0, offset: 2 }, end: { chunk: 0, offset: 6 }, entry: 4, form: '一带一路' };
      },
      sourceOf: () => null,
    };
    const m = new RowPageMatch(rows, 7, 'term', 4, node, 2, 6, null);
    expect(described).toEqual([]);
    expect(m.entry).toBe(4);
    expect(m.match.form).toBe('一带一路');
    expect(m.match).toBe(m.match);
    expect(described).toEqual([7]);
  });

  it('reads a quote’s source from the table until its Match is made, then from the Match', () => {
    setBody('<p>道虽迩，不行不至</p>');
    const node = document.querySelector('p')!.firstChild as Text;
    const source = { doc: 1, para: 3, start: 0, end: 8, occurrences: 1 };
    let described = 0;
    const rows = {
      describe: (): Match => {
        described++;
        return { kind: 'quote', start: { chunk: 0, offset: 0 }, end: { chunk: 0, offset: 8 }, entry: -1, form: '道虽迩，不行不至', source };
      },
      sourceOf: () => ({ ...source }),
    };
    const m = new RowPageMatch(rows, 0, 'quote', -1, node, 0, 8, null);
    expect(m.source).toEqual(source);
    expect(described).toBe(0);
    expect(m.match.source).toBe(source);
    expect(m.source).toBe(source);
  });

  it('answers for its one piece without making the list, and for a list once re-pointed', () => {
    setBody('<p>共建“<b>一带</b>一路”</p>');
    const before = document.querySelector('p')!.firstChild as Text;
    const inside = document.querySelector('b')!.firstChild as Text;
    const after = document.querySelector('b')!.nextSibling as Text;
    const rows = {
      describe: (): Match => ({ kind: 'term', start: { chunk: 0, offset: 0 }, end: { chunk: 0, offset: 1 }, entry: 0, form: '' }),
      sourceOf: () => null,
    };
    const flat = new RowPageMatch(rows, 0, 'term', 0, before, 0, 2, null);
    expect([firstNode(flat), firstFrom(flat), isAttached(flat)]).toEqual([before, 0, true]);
    expect(someNode(flat, (n) => n === inside)).toBe(false);
    expect(pageText(flat)).toBe('共建');
    expect(flat.pieces).toBe(flat.pieces);

    const split = new RowPageMatch(rows, 1, 'term', 0, inside, 0, 2, [
      { node: inside, from: 0, to: 2 },
      { node: after, from: 0, to: 2 },
    ]);
    expect(toRange(split).toString()).toBe('一带一路');
    expect(someNode(split, (n) => n === after)).toBe(true);
    // The wrapping fallback re-points the pieces: every helper follows.
    const index = new MatchIndex();
    index.add([flat, split]);
    expect(index.at(after)).toEqual([split]);
    const moved = document.createTextNode('一带');
    document.querySelector('p')!.append(moved);
    split.pieces = [{ node: moved, from: 0, to: 2 }];
    index.relink(split, [inside, after]);
    expect([firstNode(split), firstFrom(split)]).toEqual([moved, 0]);
    expect(index.at(after)).toEqual([]);
    expect(index.at(moved)).toEqual([split]);
    moved.remove();
    expect(isAttached(split)).toBe(false);
    expect(index.all()).toEqual([flat, split]);
  });
});
