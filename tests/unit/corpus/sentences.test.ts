import { describe, expect, it } from 'vitest';
import { sentenceAround } from '../../../lib/corpus/sentences';

const cut = (text: string, term: string): string => {
  const at = text.indexOf(term);
  const [start, end] = sentenceAround(text, at, at + term.length);
  return text.slice(start, end);
};

describe('sentenceAround', () => {
  it('returns the sentence that holds the span', () => {
    const text = '中国人说,三十而立。中国同中亚国家 30 年的交往合作,立在真诚互信,立在平等互利。';
    expect(cut(text, '三十而立')).toBe('中国人说,三十而立。');
    expect(cut(text, '平等互利')).toBe('中国同中亚国家 30 年的交往合作,立在真诚互信,立在平等互利。');
  });

  it('keeps closing quotation marks with their sentence', () => {
    const text = '巴赫说:“我们对此抱有充分信心!”他又说:“好。”';
    expect(cut(text, '充分信心')).toBe('巴赫说:“我们对此抱有充分信心!”');
    expect(cut(text, '又说')).toBe('他又说:“好。”');
  });

  it('spans several sentences when the span does', () => {
    const text = '第一句。第二句。第三句。';
    expect(cut(text, '一句。第二')).toBe('第一句。第二句。');
  });

  it('runs to the end of a text with no final stop', () => {
    expect(cut('各位同事,各位朋友:', '朋友')).toBe('各位同事,各位朋友:');
  });

  it('does not treat a closing quote without a stop as a sentence end', () => {
    const text = '共建“一带一路”在中亚地区开花结果。';
    expect(cut(text, '开花结果')).toBe(text);
  });
});
