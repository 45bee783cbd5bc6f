import { describe, expect, it } from 'vitest';
import { compileGlossary, GlossaryBuildError } from '../../../lib/glossary/compile';
import type { SourceFile } from '../../../lib/glossary/source-entry';
import { glossaryTools } from '../../../scripts/glossary-tools';
import { corpusDocuments } from '../support/corpus';

const documents = corpusDocuments();

const entry = (fields: Record<string, unknown>): Record<string, unknown> => ({
  id: 'belt-and-road',
  zh: '一带一路',
  en: 'Belt and Road',
  explanation: 'The initiative.',
  ...fields,
});

function problemsOf(files: SourceFile[]): string[] {
  try {
    compileGlossary(documents, files, glossaryTools, 'sha');
  } catch (error) {
    if (error instanceof GlossaryBuildError) return error.problems;
    throw error;
  }
  return [];
}

describe('compileGlossary', () => {
  it('compiles an entry with its forms, pinyin and every occurrence in the corpus', () => {
    const glossary = compileGlossary(
      documents,
      [{ name: 'initiative', content: [entry({ en_aliases: ['Belt and Road Initiative'], aliases: ['一带一路倡议'] })] }],
      glossaryTools,
      'sha',
    );
    const [compiled] = glossary.entries;
    expect(compiled?.pinyin).toBe('yī dài yī lù');
    expect(compiled?.category).toBe('initiative');
    expect(compiled?.forms).toEqual([
      { text: '一带一路', script: 'hans' },
      { text: '一带一路倡议', script: 'hans' },
      { text: '一帶一路', script: 'hant' },
      { text: '一帶一路倡議', script: 'hant' },
      { text: 'Belt and Road Initiative', script: 'en' },
    ]);
    // 一带一路 occurs once in the speech and five times in the report; 一带一路倡议 overlaps one of them.
    expect(compiled?.occurrences).toHaveLength(6);
    for (const [doc, block, start, end, sentenceStart, sentenceEnd] of compiled?.occurrences ?? []) {
      const text = documents[doc]?.blocks[block]?.text ?? '';
      // The report writes “一带一路”倡议: the quotation marks are not text to the matcher.
      expect(['一带一路', '一带一路倡议', '一带一路”倡议']).toContain(text.slice(start, end));
      expect(sentenceStart).toBeLessThanOrEqual(start);
      expect(sentenceEnd).toBeGreaterThanOrEqual(end);
    }
  });

  it('matches the corpus across spacing and dash variants', () => {
    const glossary = compileGlossary(
      documents,
      [{ name: 'concept', content: [entry({ id: 'anniversary', zh: '建交30周年', en: '30th anniversary' })] }],
      glossaryTools,
      'sha',
    );
    const [doc, block, start, end] = glossary.entries[0]?.occurrences[0] ?? [];
    expect(documents[doc ?? 0]?.blocks[block ?? 0]?.text.slice(start, end)).toBe('建交 30 周年');
  });

  it('reports every problem with the entry it belongs to', () => {
    const problems = problemsOf([
      {
        name: 'concept',
        content: [
          entry({}),
          entry({ zh: '不存在的提法' }),
          entry({ id: 'Bad Id', zh: '三十而立' }),
          { id: 'no-english', zh: '三十而立', explanation: 'x' },
          entry({ id: 'typo', zh: '颜色革命', en_alias: ['colour revolution'] }),
          entry({ id: 'acronym', zh: '多边主义', en_aliases: ['BRI'] }),
          entry({ id: 'traditional', zh: '三股势力', aliases: ['三股勢力'] }),
          entry({ id: 'shared-alias', zh: '睦邻友好', aliases: ['一带一路'] }),
          entry({ id: 'short-pinyin', zh: '互利共赢', pinyin: 'hù lì' }),
          entry({ id: 'same-pinyin', zh: '合作共赢', pinyin: 'hé zuò gòng yíng' }),
          entry({ id: 'chinese-comma', zh: '不为不成', pinyin: 'bù wéi， bù chéng' }),
          entry({ id: 'not-pinyin', zh: '颜色革命', pinyin: 'colour revolution' }),
          entry({ id: 'lost-digits', zh: '建交30周年', pinyin: 'jiànjiāo zhōunián' }),
        ],
      },
      { name: 'gossip', content: [] },
      { name: 'place', content: { id: 'not-a-list' } },
    ]);
    const expected = [
      /concept\.yaml#2 \(belt-and-road\): id "belt-and-road" is also used by concept\.yaml#1/u,
      /concept\.yaml#2 \(belt-and-road\): "不存在的提法" does not occur in the corpus/u,
      /concept\.yaml#3 \(Bad Id\): id must be kebab-case/u,
      /concept\.yaml#4 \(no-english\): missing field "en"/u,
      /concept\.yaml#5 \(typo\): unknown field "en_alias"/u,
      /concept\.yaml#6 \(acronym\): English alias "BRI" is a bare acronym/u,
      /concept\.yaml#7 \(traditional\): "三股勢力" is not simplified Chinese/u,
      /concept\.yaml#8 \(shared-alias\): form "一带一路" is also a form of concept\.yaml#1/u,
      /concept\.yaml#9 \(short-pinyin\): pinyin override has 2 syllable\(s\), "互利共赢" needs 4/u,
      /concept\.yaml#10 \(same-pinyin\): pinyin override equals the generated pinyin/u,
      /concept\.yaml#11 \(chinese-comma\): pinyin "bù wéi， bù chéng" has Chinese punctuation/u,
      /concept\.yaml#12 \(not-pinyin\): pinyin "colour revolution" is not pinyin at "colour"/u,
      /concept\.yaml#13 \(lost-digits\): pinyin "jiànjiāo zhōunián" must write 30 as the term does/u,
      /gossip\.yaml: unknown category/u,
      /place\.yaml: must be a YAML list/u,
    ];
    for (const pattern of expected)
      expect(
        problems.some((p) => pattern.test(p)),
        `${String(pattern)} in ${problems.join('\n')}`,
      ).toBe(true);
  });

  it('writes pinyin as words by the word list, syllables apart for the ruby', () => {
    const glossary = compileGlossary(
      documents,
      [
        { name: 'initiative', content: [entry({})] },
        { name: 'place', content: [entry({ id: 'kz', zh: '哈萨克斯坦', en: 'Kazakhstan' })] },
      ],
      glossaryTools,
      'sha',
      undefined,
      { proper: ['哈萨克斯坦'], words: ['一带', '一路'] },
    );
    expect(glossary.entries.map((e) => [e.pinyin, e.syllables])).toEqual([
      ['yīdài yīlù', 'yī dài yī lù'],
      ['Hāsàkèsītǎn', 'hā sà kè sī tǎn'],
    ]);
  });

  it('reads a surname only in a listed personal name, never in a title', () => {
    const person = (words: unknown) =>
      compileGlossary(
        documents,
        [
          {
            name: 'person',
            content: [entry({ id: 'le', zh: '乐玉成', en: 'Le Yucheng' }), entry({ id: 'vfm', zh: '外交部副部长', en: 'Vice Foreign Minister' })],
          },
        ],
        glossaryTools,
        'sha',
        undefined,
        words,
      ).entries.map((e) => e.pinyin);
    expect(person({})).toEqual(['lè yù chéng', 'wài jiāo bù fù bù zhǎng']);
    // pinyin-pro's surname reading of 乐 is Yuè, which is why his own entry overrides it (Lè).
    expect(person({ names: ['乐 玉成'], proper: ['外交部'], words: ['副部长'] })).toEqual(['Yuè Yùchéng', 'Wàijiāobù fùbùzhǎng']);
  });

  it('reports the problems of the word list', () => {
    const problems = (() => {
      try {
        compileGlossary(documents, [{ name: 'initiative', content: [entry({})] }], glossaryTools, 'sha', undefined, {
          names: ['乐玉成'],
          words: ['一带', '一带', 'Belt'],
          phrases: [],
        });
      } catch (error) {
        if (error instanceof GlossaryBuildError) return error.problems;
        throw error;
      }
      return [];
    })();
    expect(problems).toEqual([
      'pinyin/words.yaml names: "乐玉成" must be a surname, a space and a given name',
      'pinyin/words.yaml words: "一带" is listed twice (also "一带")',
      'pinyin/words.yaml words: "Belt" is not Chinese characters with single spaces or hyphens between words',
      'pinyin/words.yaml: unknown section "phrases" (expected names, proper, words)',
    ]);
  });

  it('throws one error whose message lists the problems', () => {
    expect(() => compileGlossary(documents, [{ name: 'concept', content: [entry({ zh: '查无此语' })] }], glossaryTools, 'sha')).toThrow(
      /glossary: 1 problem\(s\)\n {2}- concept\.yaml#1 \(belt-and-road\): "查无此语" does not occur in the corpus/u,
    );
  });
});
