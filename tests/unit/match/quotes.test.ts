import { describe, expect, it } from 'vitest';
import { compileMatcher, loadMatcher, normalizeKey, serializeMatcher } from '../../../lib/match/index';
import type { Boundary, CorpusPassage, Match } from '../../../lib/match/index';
import { CORPUS, sliceOf } from './fixtures';

const matcher = compileMatcher([{ form: '一带一路', entry: 7, script: 'hans' }], CORPUS);

const quotes = (ms: readonly Match[]): Match[] => ms.filter((m) => m.kind === 'quote');

function passageOf(m: Match): CorpusPassage {
  const p = CORPUS.find((c) => c.doc === m.source!.doc && c.para === m.source!.para);
  if (!p) throw new Error('no such passage');
  return p;
}

/** The quote covers page text equal to its source once normalized, and its form is the source. */
function expectTraced(chunks: readonly string[], m: Match): void {
  const source = passageOf(m).text.slice(m.source!.start, m.source!.end);
  expect(m.form).toBe(source);
  expect(normalizeKey(sliceOf(chunks, m.start, m.end))).toBe(normalizeKey(source));
}

describe('quote tracing', () => {
  it('traces the classical quote written with full-width punctuation', () => {
    const chunks = ['习近平引用古语：“道虽迩，不行不至；事虽小，不为不成。”'];
    const [q, ...rest] = quotes(matcher.match(chunks));
    expect(rest).toEqual([]);
    expect(q!.form).toBe('道虽迩,不行不至;事虽小,不为不成');
    expect(q!.entry).toBe(-1);
    expect(chunks[0]!.slice(q!.start.offset, q!.end.offset)).toBe('道虽迩，不行不至；事虽小，不为不成');
    expect(q!.source).toMatchObject({ doc: 0, occurrences: 1 });
    expectTraced(chunks, q!);
  });

  it('traces a whole speech sentence with its spaces removed', () => {
    const chunks = ['他说，中国同中亚国家30年的交往合作，立在真诚互信，立在平等互利。'];
    const [q] = quotes(matcher.match(chunks));
    expect(q!.form).toBe('中国同中亚国家 30 年的交往合作,立在真诚互信,立在平等互利');
    expectTraced(chunks, q!);
  });

  it('needs at least 12 Han characters, punctuation and digits not counted', () => {
    // 11 Han characters shared with the corpus (中国同中亚国家 + 30 + 年的交往), then a break.
    expect(quotes(matcher.matchText('中国同中亚国家 30 年的交往！'))).toEqual([]);
    expect(quotes(matcher.matchText('道虽迩,不行不至;事虽小!'))).toEqual([]);
    const [q] = quotes(matcher.matchText('中国同中亚国家 30 年的交往合！'));
    expect(q!.form).toBe('中国同中亚国家 30 年的交往合');
  });

  it('honours minQuoteHan and the quotes switch', () => {
    const loose = compileMatcher([], CORPUS, { minQuoteHan: 4 });
    expect(quotes(loose.matchText('三十而立！')).map((m) => m.form)).toEqual(['三十而立']);
    const off = compileMatcher([], CORPUS, { quotes: false });
    expect(off.matchText('道虽迩,不行不至;事虽小,不为不成')).toEqual([]);
  });

  it('traces a quote across an inline boundary but not across a block boundary', () => {
    const chunks = ['道虽迩，不行不至；', '事虽小，不为不成'];
    const inline = quotes(matcher.match(chunks, ['inline']));
    expect(inline.map((m) => m.form)).toEqual(['道虽迩,不行不至;事虽小,不为不成']);
    expect(inline[0]!.start).toEqual({ chunk: 0, offset: 0 });
    expect(inline[0]!.end).toEqual({ chunk: 1, offset: 8 });
    expectTraced(chunks, inline[0]!);
    expect(quotes(matcher.match(chunks, ['block']))).toEqual([]);
  });

  it('reports maximal runs only, and terms inside a quote too', () => {
    const text = '各方决心深化共建“一带一路”倡议同中亚五国发展战略对接。';
    const ms = matcher.matchText(text);
    expect(ms.map((m) => m.kind)).toEqual(['quote', 'term']);
    expect(ms[0]!.form).toBe('各方决心深化共建“一带一路”倡议同中亚五国发展战略对接');
    expect(ms[1]!.form).toBe('一带一路');
  });

  it('reports the first occurrence of a run found several times, with its count', () => {
    const text = '中国同中亚五国建交 30 周年视频峰会';
    const [q] = quotes(matcher.matchText(text));
    expect(q!.source!.occurrences).toBeGreaterThan(1);
    const first = CORPUS.findIndex((p) => p.text.includes(text));
    expect(q!.source!.para).toBe(CORPUS[first]!.para);
    expect(q!.source!.start).toBe(CORPUS[first]!.text.indexOf(text));
  });

  it('reports two overlapping maximal runs that come from different passages', () => {
    const corpus: CorpusPassage[] = [
      { doc: 1, para: 1, text: '甲乙丙丁戊己庚辛壬癸子丑寅卯' },
      { doc: 1, para: 2, text: '庚辛壬癸子丑寅卯辰巳午未申酉' },
    ];
    const m = compileMatcher([], corpus, { minQuoteHan: 6 });
    const ms = m.matchText('甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉');
    expect(ms.map((x) => `${x.source!.para}:${x.form}`)).toEqual(['1:甲乙丙丁戊己庚辛壬癸子丑寅卯', '2:庚辛壬癸子丑寅卯辰巳午未申酉']);
  });

  it('trims punctuation off the ends of a shared run', () => {
    const corpus: CorpusPassage[] = [{ doc: 2, para: 0, text: '——“甲乙丙丁戊己庚辛壬癸子丑。”' }];
    const m = compileMatcher([], corpus);
    const [q] = m.matchText('——“甲乙丙丁戊己庚辛壬癸子丑。”');
    expect(q!.form).toBe('甲乙丙丁戊己庚辛壬癸子丑');
    expect(q!.start.offset).toBe(3);
    expect(q!.source).toEqual({ doc: 2, para: 0, start: 3, end: 15, occurrences: 1 });
  });

  it('traces every paragraph of the corpus back to itself', () => {
    for (const passage of CORPUS) {
      const chunks = passage.text.split(/(?<=[,。])/);
      const bounds = chunks.slice(1).map((): Boundary => 'inline');
      for (const q of quotes(matcher.match(chunks, bounds))) expectTraced(chunks, q);
    }
  });

  it('scan() carries the quote source', () => {
    const table = matcher.scan(['道虽迩，不行不至；事虽小，不为不成。']);
    expect(table.count).toBe(1);
    expect(table.kind[0]).toBe(1);
    const passage = CORPUS[table.ref[0]!]!;
    expect(passage.text.slice(table.sourceStart[0], table.sourceEnd[0])).toBe('道虽迩,不行不至;事虽小,不为不成');
    expect(table.occurrences[0]).toBe(1);
  });
});

describe('quotes in traditional characters', () => {
  // Pairs "variant, corpus character", as the build derives them (lib/glossary/quote-variants.ts).
  const VARIANTS = '雖虽邇迩為为讓让們们從从國国習习語语說说發发';
  const TERMS = [
    { form: '六国', entry: 1, script: 'hans' as const },
    { form: '六國', entry: 2, script: 'hant' as const },
  ];
  const withVariants = compileMatcher(TERMS, CORPUS, { quoteVariants: VARIANTS });
  const simplifiedOnly = compileMatcher(TERMS, CORPUS);
  const PAGE = ['習近平引用古語說：「道雖邇，不行不至；事雖小，不為不成。」讓我們從六國人民共同福祉出發'];

  it('traces the quote written in traditional characters to the corpus, terms keeping their own forms', () => {
    const found = withVariants.match(PAGE);
    const [q, ...rest] = quotes(found);
    expect(rest).toEqual([]);
    expect(PAGE[0]!.slice(q!.start.offset, q!.end.offset)).toBe('道雖邇，不行不至；事雖小，不為不成。」讓我們從六國人民共同福祉出發');
    expect(q!.form).toBe('道虽迩,不行不至;事虽小,不为不成。”让我们从六国人民共同福祉出发');
    expect(q!.source).toMatchObject({ doc: passageOf(q!).doc, occurrences: 1 });
    // The term inside the quote is the page's form, the traditional one.
    expect(found.filter((m) => m.kind === 'term').map((m) => m.form)).toEqual(['六國']);
    expect(quotes(simplifiedOnly.match(PAGE))).toEqual([]);
  });

  it('traces a quote mixing both scripts, and the simplified one as before', () => {
    const mixed = ['道虽邇，不行不至；事雖小，不为不成'];
    expect(quotes(withVariants.match(mixed)).map((m) => m.form)).toEqual(['道虽迩,不行不至;事虽小,不为不成']);
    const plain = ['“道虽迩，不行不至；事虽小，不为不成。”'];
    expect(quotes(withVariants.match(plain))).toEqual(quotes(simplifiedOnly.match(plain)));
  });

  it('keeps the variants through serialization', () => {
    expect(loadMatcher(serializeMatcher(withVariants)).match(PAGE)).toEqual(withVariants.match(PAGE));
  });

  it('takes a variant only for a character the corpus holds, never one the corpus holds itself, each once', () => {
    // 国 is in the corpus: it cannot stand for anything; 鵝 stands for 鹅, which the corpus lacks.
    const m = compileMatcher([], CORPUS, { quoteVariants: '国为鵝鹅雖虽雖为X' });
    expect(quotes(m.match(['道雖迩，不行不至；事虽小，不为不成'])).length).toBe(1);
    expect(quotes(m.match(['道虽迩，不行不至；事虽小，不国不成']))).toEqual([]);
  });

  it('refuses a corpus with more distinct characters than quote symbols hold', () => {
    const huge = String.fromCharCode(...Array.from({ length: 0x4000 }, (_, i) => 0x4e00 + i));
    expect(() => compileMatcher([], [{ doc: 0, para: 0, text: huge }])).toThrow(RangeError);
  });
});
