import { describe, expect, it } from 'vitest';
import { writtenVariants } from '../../../lib/glossary/written-variants';

describe('writtenVariants', () => {
  it('drops the dash of a compound, as pages write it', () => {
    expect(writtenVariants('中国—中亚命运共同体')).toEqual(['中国中亚命运共同体']);
    expect(writtenVariants('安格连-帕普铁路隧道')).toEqual(['安格连帕普铁路隧道']);
  });

  it('keeps the double dash, which is punctuation, and dashes beside Latin or digits', () => {
    expect(writtenVariants('更快、更高、更强——更团结')).toEqual([]);
    expect(writtenVariants('卡瑟姆-若马尔特·托卡耶夫')).toEqual(['卡瑟姆若马尔特·托卡耶夫']);
    expect(writtenVariants('COVID-19疫情')).toEqual([]);
  });

  it('drops the commas of a short enumeration', () => {
    expect(writtenVariants('亲、诚、惠、容')).toEqual(['亲诚惠容']);
    expect(writtenVariants('共商、共建、共享')).toEqual(['共商共建共享']);
    expect(writtenVariants('简约、安全、精彩')).toEqual(['简约安全精彩']);
  });

  it('keeps the commas of longer items, where the run-on form is not written', () => {
    expect(writtenVariants('好邻居、好伙伴、好朋友、好兄弟')).toEqual([]);
    expect(writtenVariants('主权、独立')).toEqual([]);
  });
});
