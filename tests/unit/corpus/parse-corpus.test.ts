import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_LAYOUT } from '../../../lib/corpus/layout';
import { parseCorpus } from '../../../lib/corpus/parse-corpus';
import { CORPUS_TEXT, ROOT, corpusDocuments } from '../support/corpus';

const squeeze = (text: string): string => text.replace(/\s+/gu, '');

describe('the cleaned corpus', () => {
  const documents = corpusDocuments();

  it('is a verbatim copy of the user’s source file', () => {
    const original = readFileSync(join(ROOT, '../shared/corpus/000_063d4d8102645fc2.txt'), 'utf8');
    expect(CORPUS_TEXT).toBe(original);
  });

  it('keeps the source text exactly, apart from whitespace and markdown bold', () => {
    const joined = documents.flatMap((doc) => doc.blocks.map((block) => block.text)).join('');
    expect(squeeze(joined)).toBe(squeeze(CORPUS_TEXT).replaceAll('**', ''));
  });

  it('holds the three documents with their metadata', () => {
    expect(documents.map(({ id, kind, title, subtitle, author, date, source }) => ({ id, kind, title, subtitle, author, date, source }))).toEqual([
      {
        id: 'speech',
        kind: 'speech',
        title: '携手共命运 一起向未来',
        subtitle: '——在中国同中亚五国建交 30 周年视频峰会上的讲话',
        author: '习近平',
        date: '2022-01-25',
        source: 'Xinhua',
      },
      {
        id: 'feature',
        kind: 'feature',
        title: '习近平同巴赫交往的三个故事',
        subtitle: '',
        author: '主笔:黄明、林德初',
        date: '2022-01-25',
        source: 'Xinhua',
      },
      {
        id: 'report',
        kind: 'report',
        title: '赓续传统友谊 共谱美好明天',
        subtitle: '中国同中亚五国建交三十周年视频峰会确立双方关系新的里程碑',
        author: '新华社',
        date: '2022-01-25',
        source: 'Xinhua',
      },
    ]);
  });

  it('numbers the paragraphs of each document from 1 without gaps', () => {
    for (const doc of documents) {
      const numbers = doc.blocks.filter((b) => b.role === 'paragraph').map((b) => b.n);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      expect(doc.blocks.filter((b) => b.role !== 'paragraph').every((b) => b.n === 0)).toBe(true);
    }
    expect(documents.map((doc) => doc.blocks.filter((b) => b.role === 'paragraph').length)).toEqual([25, 30, 11]);
  });

  it('joins the three paragraphs the extraction broke at page breaks', () => {
    const paragraphs = documents.flatMap((doc) => doc.blocks.map((b) => b.text));
    expect(paragraphs.some((p) => p.includes('坚定支持各国维护本国主权'))).toBe(true);
    expect(paragraphs.some((p) => p.includes('在此,我宣布,2022 年中国再向中亚国家'))).toBe(true);
    expect(paragraphs.some((p) => p.includes('唯一举办过夏季和冬季奥运会'))).toBe(true);
    expect(paragraphs.some((p) => p === '国维护本国主权、独立、领土完整' || p.startsWith('夏季和冬季'))).toBe(false);
  });

  it('turns bold lines into headings and bylines, without the markup', () => {
    const feature = documents[1];
    expect(feature?.blocks.filter((b) => b.role === 'heading').map((b) => b.text)).toEqual(['信任的故事', '发展的故事', '团结的故事']);
    expect(feature?.blocks.slice(-2).map((b) => [b.role, b.text])).toEqual([
      ['byline', '主笔:黄明、林德初'],
      ['byline', '新华社内部、体育部联合制作'],
    ]);
    expect(documents.flatMap((d) => d.blocks).some((b) => b.text.includes('**'))).toBe(false);
  });

  it('fails loudly when the file is not laid out as expected', () => {
    const missingBreak = { ...CORPUS_LAYOUT, pageBreaks: [{ end: '不存在', start: '的断页' }] };
    expect(() => parseCorpus(CORPUS_TEXT, missingBreak)).toThrow(/page break "不存在"/u);
    expect(() => parseCorpus(`前言\n\n${CORPUS_TEXT}`, CORPUS_LAYOUT)).toThrow(/text before the first document/u);
    expect(() => parseCorpus(CORPUS_TEXT.replace('新华社北京 1 月 25 日电\n', '新华社电\n'), CORPUS_LAYOUT)).toThrow(/feature should start with/u);
    expect(() => parseCorpus(CORPUS_TEXT.replace('各位同事!', '各位**同事**!'), CORPUS_LAYOUT)).toThrow(/bold inside/u);
  });
});
