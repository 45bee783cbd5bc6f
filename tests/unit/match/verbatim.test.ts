import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/index';
import type { Boundary, CorpusPassage, Match, Pattern } from '../../../lib/match/index';
import { CORPUS, int, pick, prng, realisticPatterns } from './fixtures';
import { oracleQuotes, oracleTerms } from './oracle';

/**
 * The scan's verbatim fast path (lib/match/verbatim.ts) takes over while a page goes on as the
 * corpus; these pages leave the corpus at the awkward places (mid-term, at a block boundary, at
 * whitespace, ignorables, dashes, word edges) and must find exactly what the oracles find.
 */

const OWN: CorpusPassage[] = [
  { doc: 0, para: 0, text: '坚持共建一带一路，推动构建人类命运共同体，建交 30 周年以来成果丰硕，中国—中亚合作前景广阔。' },
  {
    doc: 0,
    para: 1,
    text: 'We support the Belt and Road Initiative 一带一路倡议 and ab12cd 规定，2022年北京冬奥会 Belt and Roadmap 说明。',
  },
  { doc: 1, para: 0, text: '人类命运共同体理念深入人心，共建一带一路成为广受欢迎的国际公共产品和国际合作平台。' },
];

const FORMS: Array<[string, Pattern['script']]> = [
  ['一带一路', 'hans'],
  ['共建一带一路', 'hans'],
  ['人类命运共同体', 'hans'],
  ['命运共同体', 'hans'],
  ['建交30周年', 'hans'],
  ['30周年', 'hans'],
  ['中国—中亚', 'hans'],
  ['Belt and Road', 'en'],
  ['Belt and Road Initiative', 'en'],
  ['ab12', 'en'],
  ['2022年北京冬奥会', 'hans'],
  ['北京冬奥会', 'hans'],
  ['冬奥', 'hans'],
  ['一帶一路', 'hant'],
  ['人類命運共同體', 'hant'],
  ['国际合作', 'hans'],
  ['合作平台', 'hans'],
];
const PATTERNS: Pattern[] = FORMS.map(([form, script], entry) => ({ form, entry, script }));

const at = (m: { start: Match['start']; end: Match['end'] }): string => `${m.start.chunk}:${m.start.offset}-${m.end.chunk}:${m.end.offset}`;

function expectOracle(
  patterns: readonly Pattern[],
  corpus: readonly CorpusPassage[],
  chunks: readonly string[],
  boundaries: readonly Boundary[],
  overlaps: 'longest' | 'all' = 'longest',
  minHan = 4,
): Match[] {
  const matcher = compileMatcher(patterns, corpus, { overlaps, minQuoteHan: minHan });
  const got = matcher.match(chunks, boundaries);
  const terms = got.filter((m) => m.kind === 'term').map((m) => `${at(m)}#${m.entry}`);
  const wantTerms = oracleTerms(patterns, chunks, boundaries, overlaps).map((m) => `${at(m)}#${m.pattern}`);
  expect({ chunks, boundaries, terms }).toEqual({ chunks, boundaries, terms: wantTerms });
  const order = (xs: string[]): string[] => xs.sort();
  const quotes = order(
    got.filter((m) => m.kind === 'quote').map((m) => `${at(m)} ${m.source!.para}@${m.source!.start}-${m.source!.end}×${m.source!.occurrences}`),
  );
  const wantQuotes = order(
    oracleQuotes(corpus, chunks, boundaries, minHan).map((q) => `${at(q)} ${corpus[q.passage]!.para}@${q.sourceStart}-${q.sourceEnd}×${q.occurrences}`),
  );
  expect({ chunks, boundaries, quotes }).toEqual({ chunks, boundaries, quotes: wantQuotes });
  return got;
}

const one = (text: string): [string[], Boundary[]] => [[text], []];
const forms = (ms: readonly Match[]): string[] => ms.filter((m) => m.kind === 'term').map((m) => m.form);

describe('the verbatim fast path', () => {
  it('finds the terms and the quote of a page that quotes a passage whole', () => {
    const got = expectOracle(PATTERNS, OWN, ...one(`他说：${OWN[0]!.text}我们赞同。`));
    expect(forms(got)).toEqual(['共建一带一路', '人类命运共同体', '建交30周年', '中国—中亚']);
    expect(got.filter((m) => m.kind === 'quote')).toHaveLength(1);
  });

  it('leaves the corpus in the middle of a term', () => {
    const got = expectOracle(PATTERNS, OWN, ...one('坚持共建一带一路，推动构建人类命运共同休息，建交'));
    expect(forms(got)).toEqual(['共建一带一路']);
    expectOracle(PATTERNS, OWN, ...one('坚持共建一带一路，推动构建人类命运共同体理念深入人心，共建一带一'));
    expectOracle(PATTERNS, OWN, ...one('人类命运共同体理念深入人心，共建一带一路成为广受欢迎的国际合作平台'));
  });

  it('stops at a block boundary inside a run, and goes on across an inline one', () => {
    const chunks = ['坚持共建一带', '一路，推动构建人类命运', '共同体，建交 30 周年以来'];
    const blocks = expectOracle(PATTERNS, OWN, chunks, ['block', 'block']);
    expect(forms(blocks)).toEqual(['建交30周年']);
    const inline = expectOracle(PATTERNS, OWN, chunks, ['inline', 'inline']);
    expect(forms(inline)).toEqual(['共建一带一路', '人类命运共同体', '建交30周年']);
    expectOracle(PATTERNS, OWN, chunks, ['inline', 'block']);
  });

  it('steps over whitespace beside CJK and falls back on ignorables, dashes and other spacing', () => {
    const pages = [
      '坚持共建一带一路，推动构建人类命运共同体，建交 30 周年以来成果丰硕，中国—中亚合作前景广阔。',
      '坚持共建一带一路，推动构建人类命运共同体，建交30周年以来成果丰硕，中国——中亚合作前景广阔。',
      '坚持共建一带一路，推动构建人类命运共同体，建交  30\u3000\n周年以来成果丰硕，中国-中亚合作前景广阔。',
      '坚持共建一带一路，推动构建人类 命运共同体，建交 30 周年 以来成果丰硕，中国 — 中亚合作前景广阔。',
      '坚持共建一带一路，推动构建人类命\u00ad运共同体，建交 3\u200b0 周年以来成果丰硕，中国―中亚合作前景广阔。',
      '坚持共建一带一路，推动构建人类命运共同体 ',
      '坚持共建一带一路，推动构建人类命运共同体， 30 周年 以来',
    ];
    for (const page of pages) expectOracle(PATTERNS, OWN, ...one(page));
    // Whitespace at the end of a chunk, before an inline boundary.
    expectOracle(PATTERNS, OWN, ['坚持共建一带一路，推动构建人类 ', ' 命运共同体，建交 30 周年'], ['inline']);
  });

  it('finds traditional forms off the corpus and simplified ones on it', () => {
    const got = expectOracle(PATTERNS, OWN, ...one('堅持共建一帶一路，推動構建人類命運共同體，人类命运共同体理念深入人心'));
    expect(forms(got)).toEqual(['一帶一路', '人類命運共同體', '人类命运共同体']);
  });

  it('keeps word edges of English patterns inside a quoted run', () => {
    const got = expectOracle(PATTERNS, OWN, ...one(OWN[1]!.text));
    expect(forms(got)).toEqual(['Belt and Road Initiative', '一带一路', '2022年北京冬奥会']);
    const pages = [
      // `ab12` before a space (the corpus has `ab12cd`): the run ends where the edge is decided.
      'We support the Belt and Road Initiative 一带一路倡议 and ab12 规定，2022年北京冬奥会',
      'We support the Belt and Road Initiative 一带一路倡议 and ab123 规定',
      'We support the Belt and Road Initiatives 一带一路倡议 and xab12cd 规定',
      'and ab12cd 规定，2022年北京冬奥会 Belt and Road 说明。',
      'and ab12cd 规定，2022年北京冬奥会 Belt and Roadmaps 说明。',
      'the BELT AND ROAD Initiative 一带一路倡议 and AB12CD 规定',
    ];
    for (const page of pages) expectOracle(PATTERNS, OWN, ...one(page));
    // The run reaches the chunk's end right after `ab12`: the next chunk decides.
    expectOracle(PATTERNS, OWN, ['Belt and Road Initiative 一带一路倡议 and ab12', 'cd 规定'], ['inline']);
    expectOracle(PATTERNS, OWN, ['Belt and Road Initiative 一带一路倡议 and ab12', ' 规定'], ['inline']);
    expectOracle(PATTERNS, OWN, ['Belt and Road Initiative 一带一路倡议 and ab12', 'cd 规定'], ['block']);
  });

  it('reports nested terms the same in `all` mode', () => {
    for (const page of [OWN[0]!.text, OWN[1]!.text, OWN[2]!.text, '共建一带一路成为广受欢迎的国际公共产品和国际合作平台和']) {
      expectOracle(PATTERNS, OWN, ...one(page), 'all');
    }
  });
});

/** A page that follows corpus passages and leaves them at random places, in random ways. */
function quotingPage(rnd: () => number, corpus: readonly CorpusPassage[]): [string[], Boundary[]] {
  const breaks = ['', '', 'X', '的', ' ', '  ', '\u00ad', '—', '——', '-', '，', 'ab', '1', '\u3000', '一带', '共同'];
  let text = '';
  const pieces = int(rnd, 1, 5);
  for (let i = 0; i < pieces; i++) {
    const passage = pick(rnd, corpus).text;
    const from = int(rnd, 0, passage.length - 1);
    let piece = passage.slice(from, from + int(rnd, 1, 60));
    if (rnd() < 0.3) piece = piece.replace(/ /g, () => pick(rnd, ['', ' ', '  ', '\n']));
    if (rnd() < 0.2) piece = rnd() < 0.5 ? piece.toUpperCase() : piece.toLowerCase();
    if (rnd() < 0.3) {
      const cut = int(rnd, 0, piece.length);
      piece = piece.slice(0, cut) + pick(rnd, breaks) + piece.slice(cut);
    }
    text += piece + pick(rnd, breaks);
  }
  const chunks: string[] = [];
  let last = 0;
  for (let k = int(rnd, 0, 3); k > 0; k--) {
    const cut = int(rnd, last, text.length);
    chunks.push(text.slice(last, cut));
    last = cut;
  }
  chunks.push(text.slice(last));
  return [chunks, chunks.slice(1).map((): Boundary => (rnd() < 0.6 ? 'inline' : 'block'))];
}

describe('the verbatim fast path against the oracles (seeded)', () => {
  const CASES = 1500;
  const patterns = [...realisticPatterns(200, 3), ...PATTERNS.map((p, i) => ({ ...p, entry: 1000 + i }))];
  const corpus = [...CORPUS, ...OWN.map((p) => ({ ...p, doc: 9 }))];

  it(`agrees on ${CASES} pages that quote and leave the corpus`, () => {
    const longest = compileMatcher(patterns, corpus, { minQuoteHan: 6 });
    const all = compileMatcher(patterns, corpus, { minQuoteHan: 6, overlaps: 'all' });
    let terms = 0;
    for (let c = 0; c < CASES; c++) {
      const rnd = prng(90_000 + c);
      const [chunks, boundaries] = quotingPage(rnd, corpus);
      const mode = c % 3 === 2 ? 'all' : 'longest';
      const got = (mode === 'all' ? all : longest).match(chunks, boundaries);
      const gotTerms = got.filter((m) => m.kind === 'term').map((m) => `${at(m)}#${m.entry}`);
      const want = oracleTerms(patterns, chunks, boundaries, mode).map((m) => `${at(m)}#${patterns[m.pattern]!.entry}`);
      const gotQuotes = got
        .filter((m) => m.kind === 'quote')
        .map((m) => `${at(m)} ${m.source!.doc}/${m.source!.para}@${m.source!.start}-${m.source!.end}`)
        .sort();
      const wantQuotes = oracleQuotes(corpus, chunks, boundaries, 6)
        .map((q) => `${at(q)} ${corpus[q.passage]!.doc}/${corpus[q.passage]!.para}@${q.sourceStart}-${q.sourceEnd}`)
        .sort();
      if (gotTerms.join('|') !== want.join('|') || gotQuotes.join('|') !== wantQuotes.join('|')) {
        expect({ seed: 90_000 + c, mode, chunks, boundaries, gotTerms, gotQuotes }).toEqual({
          seed: 90_000 + c,
          mode,
          chunks,
          boundaries,
          gotTerms: want,
          gotQuotes: wantQuotes,
        });
      }
      terms += want.length;
    }
    expect(terms).toBeGreaterThan(CASES);
  });
});
