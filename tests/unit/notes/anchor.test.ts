import { describe, expect, it } from 'vitest';
import { anchor } from '../../../lib/notes/anchor';
import { draftFromSelection } from '../../../lib/notes/draft';
import { describeRange } from '../../../lib/notes/selectors';

const ARTICLE =
  '中国同中亚五国建交30年来，双方关系取得了长足发展。我们要携手共命运，一起向未来。' +
  'The leaders agreed to build a community with a shared future. ' +
  '中方愿同中亚国家一道，推动构建人类命运共同体。各方要坚持睦邻友好，推动构建人类命运共同体的目标不变。';

/** The selectors a reader's selection of `needle` (its `nth` occurrence) would produce. */
function select(text: string, needle: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`no ${needle}`);
  return describeRange(text, at, at + needle.length);
}

const slice = (text: string, r: { start: number; end: number } | null) => (r ? text.slice(r.start, r.end) : null);

describe('describeRange', () => {
  it('keeps up to 32 characters of context and the position', () => {
    const s = select(ARTICLE, '携手共命运');
    expect(s.quote.exact).toBe('携手共命运');
    expect(s.quote.prefix).toBe(ARTICLE.slice(Math.max(0, s.position.start - 32), s.position.start));
    expect(s.quote.prefix.length).toBeLessThanOrEqual(32);
    expect(s.quote.suffix).toBe(ARTICLE.slice(s.position.end, s.position.end + 32));
    expect(s.position.end - s.position.start).toBe(5);
  });

  it('clips context at the text edges and never splits a surrogate pair', () => {
    const text = `${'😀'.repeat(40)}X${'😀'.repeat(40)}`;
    const s = describeRange(text, 80, 81);
    expect(s.quote.exact).toBe('X');
    expect(s.quote.prefix).toBe('😀'.repeat(16));
    expect(s.quote.suffix).toBe('😀'.repeat(16));
    const edge = describeRange('abc', 0, 3);
    expect(edge.quote).toMatchObject({ exact: 'abc', prefix: '', suffix: '' });
  });
});

describe('anchor', () => {
  it('finds the note where it was', () => {
    const s = select(ARTICLE, '一起向未来');
    expect(anchor(ARTICLE, s)).toEqual({ start: s.position.start, end: s.position.end, method: 'position' });
  });

  it('follows the text when the page above it changed', () => {
    const s = select(ARTICLE, '一起向未来');
    const changed = `【编者按】本文有更新，增加了一段导语。${ARTICLE}`;
    const r = anchor(changed, s);
    expect(r?.method).toBe('quote');
    expect(slice(changed, r)).toBe('一起向未来');
    expect(r?.start).toBe(changed.indexOf('一起向未来'));
  });

  it('tells duplicated text apart by its context', () => {
    // 推动构建人类命运共同体 occurs twice; the reader chose the second.
    const s = select(ARTICLE, '推动构建人类命运共同体', 1);
    const second = ARTICLE.lastIndexOf('推动构建人类命运共同体');
    // Text added in between moves both occurrences; the old position now points at neither.
    const changed = ARTICLE.replace('。各方', '。外交部发言人表示，各方');
    const r = anchor(changed, s);
    expect(r?.start).toBe(changed.lastIndexOf('推动构建人类命运共同体'));
    expect(r?.start).not.toBe(second);
    // Without any position, the context alone decides.
    const noPosition = anchor(changed, { quote: s.quote });
    expect(noPosition?.start).toBe(changed.lastIndexOf('推动构建人类命运共同体'));
    const first = select(ARTICLE, '推动构建人类命运共同体', 0);
    expect(anchor(changed, { quote: first.quote })?.start).toBe(changed.indexOf('推动构建人类命运共同体'));
  });

  it('prefers the better context over the old position when the stored position points at the other copy', () => {
    const text = 'alpha beta SAME gamma delta. epsilon zeta SAME eta theta.';
    const noted = describeRange(text, text.lastIndexOf('SAME'), text.lastIndexOf('SAME') + 4);
    // The page swapped the two sentences, and the old offset now holds the other copy.
    const swapped = 'epsilon zeta SAME eta theta. alpha beta SAME gamma delta.';
    const other = swapped.lastIndexOf('SAME');
    const r = anchor(swapped, { quote: noted.quote, position: { type: 'TextPositionSelector', start: other, end: other + 4 } });
    expect(r).toEqual({ start: swapped.indexOf('SAME'), end: swapped.indexOf('SAME') + 4, method: 'quote' });
  });

  it('still finds the quote after whitespace changes', () => {
    const s = select(ARTICLE, 'build a community with a shared future');
    const rewrapped = ARTICLE.replace('build a community with a shared future', 'build a\n  community   with a shared\u00a0future');
    const r = anchor(rewrapped, s);
    expect(r?.method).toBe('fuzzy');
    expect(slice(rewrapped, r)).toBe('build a\n  community   with a shared\u00a0future');
  });

  it('still finds a CJK quote after the site puts spaces between characters or changes quote marks', () => {
    const text = '他说：“我们要携手共命运，一起向未来。”这是峰会的主题。';
    const s = describeRange(text, text.indexOf('“'), text.indexOf('”') + 1);
    const spaced = '他说："我们要携手共命运， 一起向未来。" 这是峰会的主题。';
    const r = anchor(spaced, s);
    expect(r?.method).toBe('fuzzy');
    expect(slice(spaced, r)).toBe('"我们要携手共命运， 一起向未来。"');
  });

  it('folds full-width Latin and digits', () => {
    const text = '双方确定２０３０年贸易额达到７００亿美元的目标。';
    const s = describeRange(text, text.indexOf('２０３０'), text.indexOf('２０３０') + 4);
    const ascii = '双方确定2030年贸易额达到700亿美元的目标。';
    expect(slice(ascii, anchor(ascii, s))).toBe('2030');
  });

  it('makes an orphan of a note whose text is gone', () => {
    const s = select(ARTICLE, '携手共命运，一起向未来');
    const gone = ARTICLE.replace('我们要携手共命运，一起向未来。', '');
    expect(anchor(gone, s)).toBeNull();
    expect(anchor('', s)).toBeNull();
  });

  it('does not pin a short quote on an unrelated occurrence elsewhere', () => {
    const text = '首段提到合作共赢的理念。' + '中间是很长的一段与此无关的文字，讲述了其他事情。'.repeat(3) + '末段再次谈到合作。';
    const s = describeRange(text, text.indexOf('合作'), text.indexOf('合作') + 2);
    // The first paragraph was rewritten; 合作 is left only in an unrelated sentence.
    const rewritten = text.replace('首段提到合作共赢的理念。', '首段改写了。');
    expect(anchor(rewritten, s)).toBeNull();
  });

  it('accepts a long quote even when its context changed', () => {
    const quote = 'The leaders agreed to build a community with a shared future.';
    const s = select(ARTICLE, quote);
    const elsewhere = `Completely new lead paragraph. ${quote} And a new ending.`;
    expect(slice(elsewhere, anchor(elsewhere, s))).toBe(quote);
  });

  it('ignores a stored position that lies outside the text', () => {
    const s = select(ARTICLE, '睦邻友好');
    const short = '各方要坚持睦邻友好，推动构建';
    const r = anchor(short, { quote: s.quote, position: { type: 'TextPositionSelector', start: 9000, end: 9004 } });
    expect(slice(short, r)).toBe('睦邻友好');
  });

  it('anchors a quote at the very start or end of the text', () => {
    const text = '开头的话。中间。结尾的话';
    const start = describeRange(text, 0, 4);
    const end = describeRange(text, text.length - 4, text.length);
    expect(anchor(text, { quote: start.quote })?.start).toBe(0);
    expect(anchor(text, { quote: end.quote })?.end).toBe(text.length);
  });

  it('handles a large page quickly', () => {
    const filler = '这是一段用来填充页面的普通文字，其中反复出现命运共同体这个词。'.repeat(5000);
    const text = `${filler}目标句子在这里：推动构建命运共同体的新篇章。${filler}`;
    const at = text.indexOf('推动构建命运共同体');
    const s = describeRange(text, at, at + 9);
    const changed = `新增的导语。${text}`;
    const t0 = performance.now();
    const r = anchor(changed, s);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r?.start).toBe(at + 6);
    // A short quote that occurs thousands of times: the context still picks the one noted.
    const many = describeRange(text, at + 4, at + 9);
    expect(many.quote.exact).toBe('命运共同体');
    const t1 = performance.now();
    const r2 = anchor(changed, { quote: many.quote });
    expect(performance.now() - t1).toBeLessThan(1000);
    expect(r2?.start).toBe(at + 10);
  });
});

describe('draftFromSelection', () => {
  it('builds a draft whose selectors anchor back to the selection', () => {
    const at = ARTICLE.indexOf('携手共命运');
    const d = draftFromSelection({ url: 'https://e.com/a', title: `  ${'标题'.repeat(2000)}\n`, text: ARTICLE, start: at, end: at + 5 });
    expect(d?.title.length).toBe(2000);
    expect(d?.selectors && anchor(ARTICLE, d.selectors)).toEqual({ start: at, end: at + 5, method: 'position' });
    expect(d).toMatchObject({ ref: null, body: '', tags: [] });
  });

  it('refuses an empty or oversized selection', () => {
    expect(draftFromSelection({ url: 'https://e.com/', title: '', text: 'abc', start: 1, end: 1 })).toBeNull();
    const long = 'x'.repeat(10_001);
    expect(draftFromSelection({ url: 'https://e.com/', title: '', text: long, start: 0, end: long.length })).toBeNull();
  });
});
