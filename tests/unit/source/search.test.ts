import { describe, expect, it } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { foldPinyin, searchCorpus } from '../../../lib/source/search';

const { documents, entries } = glossary;
const textOf = (doc: number, block: number, r: { start: number; end: number }): string => documents[doc]!.blocks[block]!.text.slice(r.start, r.end);
const allHits = (query: string): string[] => {
  const result = searchCorpus(query, documents, entries);
  return result ? result.blocks.flatMap(({ doc, block }) => (result.hits.get(`${doc}:${block}`) ?? []).map((r) => textOf(doc, block, r))) : [];
};
const belt = entries.findIndex((e) => e.zh === '一带一路');

describe('searchCorpus', () => {
  it('finds nothing for an empty query', () => {
    expect(searchCorpus('   ', documents, entries)).toBeNull();
  });

  it('finds Chinese text literally, every hit marked', () => {
    const result = searchCorpus('一带一路', documents, entries);
    expect(result?.hitCount).toBeGreaterThan(0);
    expect(new Set(allHits('一带一路'))).toEqual(new Set(['一带一路']));
    expect(result?.blocks.length).toBeLessThanOrEqual(result?.hitCount ?? 0);
  });

  it('finds a term by pinyin, with or without tones and spaces', () => {
    expect(belt).toBeGreaterThanOrEqual(0);
    for (const q of ['yidaiyilu', 'yī dài yī lù', 'Yi Dai Yi Lu']) {
      const result = searchCorpus(q, documents, entries);
      expect(result?.entries).toContain(belt);
      expect(allHits(q)).toContain('一带一路');
    }
    expect(foldPinyin('lǜ sè')).toBe('luse');
    expect(foldPinyin('lv')).toBe('lu');
  });

  it('finds a name or a word-written term by toneless pinyin, as one word or as written', () => {
    const xi = entries.findIndex((e) => e.zh === '习近平');
    for (const q of ['xijinping', 'xi jinping', 'Xí Jìnpíng']) expect(searchCorpus(q, documents, entries)?.entries).toContain(xi);
    const games = entries.findIndex((e) => e.zh === '北京冬奥会');
    for (const q of ['beijing dongaohui', "Dōng'àohuì"]) expect(searchCorpus(q, documents, entries)?.entries).toContain(games);
  });

  it('finds a term by English, any of its English forms', () => {
    const result = searchCorpus('belt and road', documents, entries);
    expect(result?.entries).toContain(belt);
    expect(allHits('Belt and Road')).toContain('一带一路');
  });

  it('finds a term by a traditional form', () => {
    expect(allHits('一帶一路')).toContain('一带一路');
  });

  it('counts hits and paragraphs and keeps corpus order', () => {
    const result = searchCorpus('中亚', documents, entries);
    expect(result).not.toBeNull();
    const order = result!.blocks.map(({ doc, block }) => doc * 1000 + block);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(result!.hitCount).toBe(allHits('中亚').length);
    expect(result!.hitCount).toBeGreaterThan(result!.blocks.length);
  });

  it('finds nothing for a query in neither text nor glossary', () => {
    expect(searchCorpus('qqqzzz', documents, entries)?.hitCount).toBe(0);
  });
});
