// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { glossary } from '../../../../../assets/generated/glossary';
import { fidelityAt, lazyAlignCorpus, quoteContext, quotedBlocks } from '../../../../../content/lens/card/quote-context';

/** A range over `text` inside the page's paragraph (its text split over inline elements). */
function rangeOver(html: string, text: string): Range {
  document.body.innerHTML = html;
  const p = document.querySelector('p')!;
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const whole = nodes.map((n) => n.data).join('');
  const at = whole.indexOf(text);
  const point = (offset: number): [Text, number] => {
    let left = offset;
    for (const n of nodes) {
      if (left <= n.data.length) return [n, left];
      left -= n.data.length;
    }
    throw new Error('out of range');
  };
  const range = document.createRange();
  range.setStart(...point(at));
  range.setEnd(...point(at + text.length));
  return range;
}

describe('the text a quotation card aligns', () => {
  it('is the paragraph around the traced run, across inline elements', () => {
    const range = rangeOver('<div><p>他说，<b>我们顺应潮流</b>、讲信修睦。<a href="#">记者</a>注意到。</p></div>', '顺应潮流、讲信修睦');
    const context = quoteContext(range);
    expect(context.text).toBe('他说，我们顺应潮流、讲信修睦。记者注意到。');
    expect(context.text.slice(context.from, context.to)).toBe('顺应潮流、讲信修睦');
    expect(context.block?.tagName).toBe('P');
  });

  it('stays bounded in a very long block', () => {
    const filler = '这是一段很长的文字。'.repeat(300);
    const range = rangeOver(`<p>${filler}我们顺应潮流、讲信修睦。${filler}</p>`, '顺应潮流、讲信修睦');
    const context = quoteContext(range);
    expect(context.text.length).toBeLessThanOrEqual(600 * 2 + 9);
    expect(context.text.slice(context.from, context.to)).toBe('顺应潮流、讲信修睦');
  });

  it('gives the alignment of the sentence the run is in', () => {
    const corpus = lazyAlignCorpus(() => glossary);
    const range = rangeOver('<p>习近平指出，双方顺应潮流、<i>讲信修睦</i>，在互谅互让基础上彻底解决历史遗留的边界问题。</p>', '讲信修睦，在互谅互让基础上');
    const view = fidelityAt(corpus(), range);
    expect(view?.verdict).toBe('altered');
    expect(view?.segments.filter((s) => s.kind !== 'same')).toEqual([{ kind: 'changed', page: '双方', corpus: '我们' }]);
    expect(corpus()).toBe(corpus());
  });
});

describe('the text the popup aligns', () => {
  it('is each block holding a traced quotation, once, in page order', () => {
    document.body.innerHTML = '<h1>标题</h1><p id="a">他说，我们顺应潮流、讲信修睦。又说，积极践行新安全观。</p><p id="b">第二段文字。</p>';
    const over = (id: string, text: string): Range => {
      const node = document.getElementById(id)!.firstChild as Text;
      const range = document.createRange();
      range.setStart(node, node.data.indexOf(text));
      range.setEnd(node, node.data.indexOf(text) + text.length);
      return range;
    };
    const blocks = quotedBlocks([over('a', '我们顺应潮流'), over('a', '积极践行'), over('b', '第二段')]);
    expect(blocks).toEqual(['他说，我们顺应潮流、讲信修睦。又说，积极践行新安全观。', '第二段文字。']);
  });
});
