import { describe, expect, it } from 'vitest';
import { quoteVariantsOf } from '../../../lib/glossary/quote-variants';
import { glossaryTools } from '../../../scripts/glossary-tools';

describe('quoteVariantsOf', () => {
  it('pairs each traditional character with the corpus character it renders, from whole passages', () => {
    const variants = quoteVariantsOf(['发展经济', '理发'], (text) => glossaryTools.traditional(text));
    const pairs = new Map([...variants.matchAll(/(.)(.)/gu)].map(([, v, c]) => [v, c]));
    // 发 is 發 in 发展 and 髮 in 理发: both stand for it.
    expect(pairs.get('發')).toBe('发');
    expect(pairs.get('髮')).toBe('发');
    expect(pairs.get('經')).toBe('经');
    expect(pairs.get('濟')).toBe('济');
    // Characters the scripts share are no variants.
    expect(pairs.has('理')).toBe(false);
  });

  it('skips renderings that change the length, and keeps each variant once, for its most frequent character', () => {
    const render = (text: string): string[] => [text.replaceAll('干', '乾').replaceAll('于', '乾'), `${text}!`];
    expect(quoteVariantsOf(['干于干'], render)).toBe('乾干');
    expect(quoteVariantsOf(['于于干'], render)).toBe('乾于');
    expect(quoteVariantsOf(['干于'], render)).toBe('乾于');
    expect(quoteVariantsOf(['没有'], render)).toBe('');
  });

  it('lists the pairs in code-unit order', () => {
    const variants = quoteVariantsOf(['国家发展'], (text) => glossaryTools.traditional(text));
    const keys = [...variants].filter((_, i) => i % 2 === 0);
    expect(keys).toEqual([...keys].sort());
    expect(keys.length).toBeGreaterThan(1);
  });
});
