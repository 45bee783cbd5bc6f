import { describe, expect, it } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { traditionalRegionFor } from '../../../lib/card/page-script';

const { quoteVariants } = glossary;

describe('traditionalRegionFor', () => {
  it('follows a term found by a traditional form, in Taiwan’s standard unless the page is Hong Kong’s or Macao’s', () => {
    expect(traditionalRegionFor({ lang: 'zh', script: 'hant' })).toBe('tw');
    expect(traditionalRegionFor({ lang: '', script: 'hant' })).toBe('tw');
    expect(traditionalRegionFor({ lang: 'zh-HK', script: 'hant' })).toBe('hk');
    expect(traditionalRegionFor({ lang: 'zh-Hant-MO', script: 'hant' })).toBe('hk');
  });

  it('follows a page that says it is in traditional Chinese, whatever form the term was found by', () => {
    expect(traditionalRegionFor({ lang: 'zh-TW', script: 'hans' })).toBe('tw');
    expect(traditionalRegionFor({ lang: 'zh-Hant', script: 'en' })).toBe('tw');
    expect(traditionalRegionFor({ lang: 'zh-hk', script: 'hans' })).toBe('hk');
    expect(traditionalRegionFor({ lang: 'zh-MO', script: 'hans' })).toBe('hk');
  });

  it('keeps the simplified original on simplified and other pages', () => {
    expect(traditionalRegionFor({ lang: 'zh-CN', script: 'hans' })).toBeNull();
    expect(traditionalRegionFor({ lang: 'zh-Hans-HK', script: 'hans' })).toBeNull();
    expect(traditionalRegionFor({ lang: 'en', script: 'en' })).toBeNull();
    expect(traditionalRegionFor({ lang: 'zh-TWX', script: 'hans' })).toBeNull();
  });

  it('reads a quote’s script off its characters', () => {
    expect(traditionalRegionFor({ lang: 'zh', quote: { found: '道雖邇，不行不至', quoteVariants } })).toBe('tw');
    expect(traditionalRegionFor({ lang: 'zh', quote: { found: '道虽迩，不行不至', quoteVariants } })).toBeNull();
    expect(traditionalRegionFor({ lang: 'zh-HK', quote: { found: '道虽迩，不行不至', quoteVariants } })).toBe('hk');
  });
});
