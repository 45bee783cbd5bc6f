import { describe, expect, it } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import type { CorpusDocument } from '../../../lib/corpus/types';
import { packTraditionalCorpus } from '../../../lib/glossary/traditional-corpus';
import { traditionalBlock } from '../../../lib/glossary/traditional-text';

const doc = (texts: string[]): CorpusDocument => ({
  id: 'test',
  kind: 'speech',
  title: '标题',
  subtitle: '',
  author: '',
  date: '2022-01-25',
  source: '',
  blocks: texts.map((text, i) => ({ role: 'paragraph', text, n: i + 1 })),
});

describe('packTraditionalCorpus', () => {
  it('reads each block back as each region renders it, where the rendering keeps its length', () => {
    const documents = [doc(['建交30周年', '周边国家发展', '中国的软件', '2022年'])];
    const renderings: Record<'tw' | 'hk', Record<string, string>> = {
      tw: { 建交30周年: '建交30週年', 周边国家发展: '周邊國家發展', 中国的软件: '中國的軟體', '2022年': '2022年' },
      hk: { 建交30周年: '建交30周年', 周边国家发展: '周邊國家發展', 中国的软件: '中國的軟件', '2022年': '2022年' },
    };
    const render = (region: 'tw' | 'hk', text: string): string | null => renderings[region][text] ?? null;
    const packed = packTraditionalCorpus(documents, render);
    const read = (region: 'tw' | 'hk', b: number): string | null => traditionalBlock(packed, documents, region, 0, b);
    expect(read('tw', 0)).toBe('建交30週年');
    expect(read('hk', 0)).toBeNull(); // Hong Kong writes it as the corpus does
    expect(read('tw', 1)).toBe('周邊國家發展'); // 周 stays 周 here, 週 in 週年
    expect(read('tw', 2)).toBe('中國的軟體');
    expect(read('hk', 2)).toBe('中國的軟件');
    expect(read('tw', 3)).toBeNull();
  });

  it('leaves a block simplified where the rendering changes its length', () => {
    const documents = [doc(['中国的软件'])];
    const packed = packTraditionalCorpus(documents, () => '中國的軟體程式');
    expect(traditionalBlock(packed, documents, 'tw', 0, 0)).toBeNull();
  });

  it('is small beside the corpus: a table of characters and a few patches', () => {
    const corpusLength = glossary.documents.reduce((n, d) => n + d.blocks.reduce((m, b) => m + b.text.length, 0), 0);
    expect(JSON.stringify(glossary.traditional).length).toBeLessThan(corpusLength / 3);
  });
});
