// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { PageMatch } from '../../../../../content/lens/page-layer/page-match';
import { pageText } from '../../../../../content/lens/page-layer/page-match';
import { WrapPainter } from '../../../../../content/lens/page-layer/wrap-painter';
import { setBody } from '../../support/fixture';

afterEach(() => {
  document.body.replaceChildren();
});

function match(kind: 'term' | 'quote', pieces: PageMatch['pieces']): PageMatch {
  return {
    match: { kind, start: { chunk: 0, offset: 0 }, end: { chunk: 0, offset: 0 }, entry: kind === 'term' ? 0 : -1, form: '' },
    kind,
    pieces,
    painted: null,
  };
}

describe('WrapPainter (no CSS Custom Highlights)', () => {
  it('wraps a term inside a quote without nesting wrappers, and keeps the text', () => {
    setBody('<p id="p">他说：道虽迩，不行不至。完</p>');
    const p = document.getElementById('p')!;
    const node = p.firstChild as Text;
    const quote = match('quote', [{ node, from: 3, to: 11 }]);
    const term = match('term', [{ node, from: 3, to: 6 }]);
    const writes: number[] = [];
    const painter = new WrapPainter((write) => {
      writes.push(1);
      write();
    });
    painter.paint([quote, term]);
    expect(writes).toHaveLength(1);
    expect(p.textContent).toBe('他说：道虽迩，不行不至。完');
    expect([...p.children].map((c) => `${c.localName}:${c.textContent}`)).toEqual([
      'tifa-lens-term:道虽迩',
      'tifa-lens-quote:，不行不至',
    ]);
    // The matches now point at the wrapped text.
    expect(pageText(term)).toBe('道虽迩');
    expect(pageText(quote)).toBe('道虽迩，不行不至');
    expect(term.pieces[0]!.node.parentElement!.localName).toBe('tifa-lens-term');
  });

  it('wraps each text node of a match split by inline tags', () => {
    setBody('<p id="p">共建“<b>一带</b>一路”</p>');
    const p = document.getElementById('p')!;
    const b = p.querySelector('b')!;
    const term = match('term', [
      { node: b.firstChild as Text, from: 0, to: 2 },
      { node: b.nextSibling as Text, from: 0, to: 2 },
    ]);
    const painter = new WrapPainter();
    painter.paint([term]);
    expect(p.querySelectorAll('tifa-lens-term')).toHaveLength(2);
    expect(pageText(term)).toBe('一带一路');
    expect(p.textContent).toBe('共建“一带一路”');
  });

  it('unwraps on unpaint and restores the markup', () => {
    setBody('<p id="p">共建“<b>一带</b>一路”，推动高质量发展。</p>');
    const p = document.getElementById('p')!;
    const before = p.innerHTML;
    const b = p.querySelector('b')!;
    const tail = b.nextSibling as Text;
    const one = match('term', [
      { node: b.firstChild as Text, from: 0, to: 2 },
      { node: tail, from: 0, to: 2 },
    ]);
    const two = match('term', [{ node: tail, from: 5, to: 10 }]);
    const painter = new WrapPainter();
    painter.paint([one, two]);
    expect(p.querySelectorAll('tifa-lens-term')).toHaveLength(3);
    painter.unpaint([one]);
    expect(p.querySelectorAll('tifa-lens-term')).toHaveLength(1);
    painter.clear();
    expect(p.innerHTML).toBe(before);
  });
});
