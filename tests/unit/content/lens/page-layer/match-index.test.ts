// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { compareNodes, MatchIndex } from '../../../../../content/lens/page-layer/match-index';
import type { PageMatch } from '../../../../../content/lens/page-layer/page-match';
import { pageText, toRange } from '../../../../../content/lens/page-layer/page-match';
import { setBody } from '../../support/fixture';

afterEach(() => {
  document.body.replaceChildren();
});

function pageMatch(node: Text, from: number, to: number, kind: 'term' | 'quote' = 'term', entry = 0): PageMatch {
  return {
    match: { kind, start: { chunk: 0, offset: from }, end: { chunk: 0, offset: to }, entry, form: node.data.slice(from, to) },
    kind,
    pieces: [{ node, from, to }],
    painted: null,
  };
}

describe('compareNodes', () => {
  it('orders nodes across shadow roots by their hosts', () => {
    setBody('<p id="a">a</p><x-box id="host"></x-box><p id="c">c</p>');
    const host = document.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = document.createTextNode('b');
    shadow.append(inner);
    const a = document.getElementById('a')!.firstChild!;
    const c = document.getElementById('c')!.firstChild!;
    expect(compareNodes(a, inner)).toBeLessThan(0);
    expect(compareNodes(inner, c)).toBeLessThan(0);
    expect(compareNodes(c, inner)).toBeGreaterThan(0);
    expect(compareNodes(host, inner)).toBeLessThan(0);
  });
});

describe('MatchIndex', () => {
  it('keeps matches in document order, terms apart, and finds them by text node', () => {
    setBody('<p id="a">一带一路和多边主义</p><p id="b">人类命运共同体</p>');
    const a = document.getElementById('a')!.firstChild as Text;
    const b = document.getElementById('b')!.firstChild as Text;
    const index = new MatchIndex();
    const last = pageMatch(b, 0, 7, 'term', 2);
    const quote = pageMatch(a, 0, 9, 'quote', -1);
    const first = pageMatch(a, 0, 4, 'term', 1);
    const second = pageMatch(a, 5, 9, 'term', 3);
    index.add([last, quote]);
    index.add([second, first]);
    expect(index.all()).toEqual([first, quote, second, last]);
    expect(index.terms()).toEqual([first, second, last]);
    expect(index.at(a)).toHaveLength(3);
    expect(index.remove((m) => m.pieces[0]!.node === a)).toHaveLength(3);
    expect(index.at(a)).toEqual([]);
    expect(index.terms()).toEqual([last]);
  });

  it('keeps its text-node lookup right whether built before or after adds, removals and re-pointing', () => {
    setBody('<p id="a">一带一路和多边主义</p><p id="b">人类命运共同体</p>');
    const a = document.getElementById('a')!.firstChild as Text;
    const b = document.getElementById('b')!.firstChild as Text;
    const index = new MatchIndex();
    const one = pageMatch(a, 0, 4);
    const two = pageMatch(a, 5, 9);
    // Lookup built lazily, from what was added before it.
    index.add([one]);
    expect(index.at(a)).toEqual([one]);
    // Then kept current.
    index.add([two]);
    expect(index.at(a)).toEqual([one, two]);
    const moved = b;
    two.pieces = [{ node: moved, from: 0, to: 4 }];
    index.relink(two, [a]);
    expect(index.at(a)).toEqual([one]);
    expect(index.at(b)).toEqual([two]);
    index.remove((m) => m === one);
    expect(index.at(a)).toEqual([]);
    // Cleared, re-pointed before any lookup: built from the pieces as they are then.
    index.clear();
    const three = pageMatch(a, 0, 4);
    index.add([three]);
    three.pieces = [{ node: b, from: 0, to: 4 }];
    index.relink(three, [a]);
    expect(index.at(a)).toEqual([]);
    expect(index.at(b)).toEqual([three]);
  });

  it('maps a match to a live Range over its text', () => {
    setBody('<p>共建“<b>一带</b>一路”</p>');
    const inside = document.querySelector('b')!.firstChild as Text;
    const after = document.querySelector('b')!.nextSibling as Text;
    const m: PageMatch = {
      match: { kind: 'term', start: { chunk: 1, offset: 0 }, end: { chunk: 2, offset: 2 }, entry: 0, form: '一带一路' },
      kind: 'term',
      pieces: [
        { node: inside, from: 0, to: 2 },
        { node: after, from: 0, to: 2 },
      ],
      painted: null,
    };
    expect(toRange(m).toString()).toBe('一带一路');
    expect(pageText(m)).toBe('一带一路');
  });
});
