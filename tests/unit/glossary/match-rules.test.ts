import { describe, expect, it } from 'vitest';
import { compileGlossary, GlossaryBuildError } from '../../../lib/glossary/compile';
import { glossaryPatterns } from '../../../lib/glossary/matcher-input';
import type { SourceFile } from '../../../lib/glossary/source-entry';
import { compileMatcher } from '../../../lib/match/index';
import { glossaryTools } from '../../../scripts/glossary-tools';
import { corpusDocuments } from '../support/corpus';

const documents = corpusDocuments();

const bach = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'thomas-bach',
  zh: '巴赫',
  en: 'Thomas Bach',
  explanation: 'President of the IOC.',
  aliases: ['巴赫主席', '国际奥委会主席巴赫'],
  match: { 巴赫: 'corpus' },
  ...fields,
});

const compile = (files: SourceFile[]) => compileGlossary(documents, files, glossaryTools, 'sha');

function problemsOf(files: SourceFile[]): string[] {
  try {
    compile(files);
  } catch (error) {
    if (error instanceof GlossaryBuildError) return error.problems;
    throw error;
  }
  return [];
}

describe('page rules of ambiguous forms', () => {
  it('a corpus-only form still locates the entry in the corpus but is no page pattern', () => {
    const glossary = compile([{ name: 'person', content: [bach()] }]);
    const [entry] = glossary.entries;
    expect(entry?.forms.filter((f) => f.scope === 'corpus').map((f) => f.text)).toEqual(['巴赫']);
    // The feature names Bach on his own many times: every one is an occurrence.
    expect(entry?.occurrences.length).toBeGreaterThan(10);
    const patterns = glossaryPatterns(glossary).map((p) => p.form);
    expect(patterns).not.toContain('巴赫');
    expect(patterns).toContain('巴赫主席');
    expect(patterns).toContain('國際奧委會主席巴赫');
  });

  it('near words reach the pattern, with their traditional forms, on every script of the form', () => {
    const glossary = compile([
      {
        name: 'person',
        content: [
          {
            id: 'president-of-prc',
            zh: '国家主席',
            en: 'President of the PRC',
            explanation: 'The head of state.',
            match: { 国家主席: { near: ['习近平', '中国'] } },
          },
        ],
      },
    ]);
    const near = glossaryPatterns(glossary).map((p) => [p.form, p.near]);
    expect(near).toEqual([
      ['国家主席', ['习近平', '習近平', '中国', '中國']],
      ['國家主席', ['习近平', '習近平', '中国', '中國']],
    ]);
  });

  it('not_in strings become stop patterns, in both scripts', () => {
    const glossary = compile([{ name: 'person', content: [bach({ match: { 巴赫: { not_in: ['巴赫穆特'] } } })] }]);
    const stops = glossaryPatterns(glossary)
      .filter((p) => p.stop)
      .map((p) => p.form);
    expect(stops).toEqual(['巴赫穆特']);
    const hant = compile([
      { name: 'place', content: [{ id: 'central-asia', zh: '中亚', en: 'Central Asia', explanation: 'A region.', match: { 中亚: { not_in: ['中亚热带'] } } }] },
    ]);
    expect(
      glossaryPatterns(hant)
        .filter((p) => p.stop)
        .map((p) => p.form),
    ).toEqual(['中亚热带', '中亞熱帶']);
  });

  it('a not_in string may block a generated form of the rule’s form: 哈薩克族 for Taiwan’s 哈薩克', () => {
    const glossary = compile([
      {
        name: 'place',
        content: [{ id: 'kazakhstan', zh: '哈萨克斯坦', en: 'Kazakhstan', explanation: 'A republic.', match: { 哈萨克斯坦: { not_in: ['哈萨克族'] } } }],
      },
    ]);
    const matcher = compileMatcher(glossaryPatterns(glossary), [], { quotes: false });
    expect(matcher.match(['哈薩克族以游牧為生']).map((m) => m.form)).toEqual([]);
    expect(matcher.match(['哈薩克總統訪問北京']).map((m) => m.form)).toEqual(['哈薩克']);
  });

  it('refuses a not_in string that is no longer than the form, a form itself, or in the corpus', () => {
    expect(problemsOf([{ name: 'person', content: [bach({ match: { 巴赫: { not_in: ['穆特'] } } })] }])).toEqual([
      expect.stringContaining('not_in "穆特" of "巴赫" must be a longer string holding the form'),
    ]);
    expect(problemsOf([{ name: 'person', content: [bach({ match: { 巴赫: { not_in: ['巴赫主席'] } } })] }])).toContainEqual(
      expect.stringContaining('not_in "巴赫主席" is a form of'),
    );
    // The feature writes 巴赫说: hiding it would hide a quotation of the corpus.
    expect(problemsOf([{ name: 'person', content: [bach({ match: { 巴赫: { not_in: ['巴赫说'] } } })] }])).toEqual([
      expect.stringContaining('not_in "巴赫说" occurs in the corpus'),
    ]);
  });

  it('names the entry when a rule is malformed or pointless', () => {
    expect(problemsOf([{ name: 'person', content: [bach({ match: { 巴哈: 'corpus' } })] }])).toEqual([
      expect.stringContaining('match rule for "巴哈", which is not one of its forms'),
    ]);
    expect(problemsOf([{ name: 'person', content: [bach({ match: { 巴赫: 'never' } })] }])).toEqual([
      expect.stringContaining('must be "corpus" or { near: [words], not_in: [longer strings] }'),
    ]);
    expect(problemsOf([{ name: 'person', content: [bach({ match: { 巴赫: { near: [] } } })] }])).toEqual([
      expect.stringContaining('near needs at least one word'),
    ]);
    expect(problemsOf([{ name: 'person', content: [bach({ match: { 巴赫: { near: ['巴赫主席'] } } })] }])).toEqual([
      expect.stringContaining('holds the form itself'),
    ]);
    expect(problemsOf([{ name: 'person', content: [bach({ aliases: [], match: { 巴赫: 'corpus' } })] }])).toEqual([
      expect.stringContaining('every form is corpus-only'),
    ]);
  });
});

describe('everyday phrases', () => {
  const idiom = (explanation: string): Record<string, unknown> => ({
    id: 'step-forward',
    zh: '挺身而出',
    en: 'step forward bravely',
    everyday: true,
    explanation,
  });

  it('are flagged in the compiled entry', () => {
    const [entry] = compile([{ name: 'idiom', content: [idiom('To stand up and act when others hold back. Xi uses it of Central Asia.')] }]).entries;
    expect(entry?.everyday).toBe(true);
  });

  it('must explain the general sense before the corpus use', () => {
    expect(problemsOf([{ name: 'idiom', content: [idiom('Xi uses it to praise the Central Asian countries.')] }])).toEqual([
      expect.stringContaining('general sense first'),
    ]);
  });
});

describe('sources and implied entries', () => {
  it('carries sources into the compiled entry, dates as written or read by YAML', () => {
    const sources = [
      {
        title: 'Full text of Xi Jinping\u2019s speech',
        publisher: 'Xinhua',
        date: new Date('2022-01-25T00:00:00Z'),
        url: 'https://english.news.cn/20220125/speech.htm',
      },
      { title: 'White paper: China\u2019s Peaceful Development', publisher: 'State Council Information Office', date: '2011-09' },
    ];
    const [entry] = compile([{ name: 'person', content: [bach({ sources })] }]).entries;
    expect(entry?.sources).toEqual([
      { title: 'Full text of Xi Jinping\u2019s speech', publisher: 'Xinhua', date: '2022-01-25', url: 'https://english.news.cn/20220125/speech.htm' },
      { title: 'White paper: China\u2019s Peaceful Development', publisher: 'State Council Information Office', date: '2011-09' },
    ]);
  });

  it('refuses a source without its fields or with a malformed date or address', () => {
    const problems = problemsOf([
      {
        name: 'person',
        content: [
          bach({
            sources: [
              { title: 'A', publisher: 'B', date: '25 Jan 2022' },
              { title: 'A', date: '2022', url: 'ftp://x' },
            ],
          }),
        ],
      },
    ]);
    expect(problems).toEqual([
      expect.stringContaining('date "25 Jan 2022" is not YYYY'),
      expect.stringContaining('missing field "publisher"'),
      expect.stringContaining('url "ftp://x" is not an http(s) address'),
    ]);
  });

  it('an implied entry is located where the corpus text that implies it stands', () => {
    const glossary = compile([
      {
        name: 'place',
        content: [
          {
            id: 'kyrgyzstan',
            zh: '吉尔吉斯斯坦',
            en: 'Kyrgyzstan',
            explanation: 'A Central Asian republic; the corpus names it only as the 吉 of the China–Kyrgyzstan–Uzbekistan railway.',
            implied_by: ['中吉乌铁路'],
          },
        ],
      },
    ]);
    const [entry] = glossary.entries;
    expect(entry?.implied).toBe(true);
    expect(entry?.occurrences).toHaveLength(1);
    const [doc, block, start, end] = entry!.occurrences[0]!;
    expect(documents[doc]?.blocks[block]?.text.slice(start, end)).toBe('中吉乌铁路');
    expect(
      problemsOf([{ name: 'place', content: [{ id: 'x', zh: '土库曼斯坦', en: 'Turkmenistan', explanation: 'A republic.', implied_by: ['土库曼'] }] }]),
    ).toEqual([expect.stringContaining('implied_by "土库曼" does not occur in the corpus')]);
  });
});
