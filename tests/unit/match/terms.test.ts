import { describe, expect, it } from 'vitest';
import { compileMatcher, normalizeKey, pluralKeys } from '../../../lib/match/index';
import type { Boundary, Match, Pattern } from '../../../lib/match/index';
import { CORPUS, render as show, realisticPatterns, sliceOf } from './fixtures';

const P = (form: string, entry: number, script: Pattern['script'] = 'hans'): Pattern => ({ form, entry, script });

const PATTERNS: Pattern[] = [
  P('一带一路', 1),
  P('人类命运共同体', 2),
  P('命运共同体', 3),
  P('Belt and Road', 4, 'en'),
  P('Confucius Institute', 5, 'en'),
  P('中国—中亚', 6),
  P('建交30周年', 7),
  P('Xi Jinping', 8, 'en'),
  P('policy', 9, 'en'),
  P('box', 10, 'en'),
  P('G20', 11, 'en'),
  P('命运', 12),
  P('共同体', 13),
];

const terms = new Map<string, ReturnType<typeof compileMatcher>>();
function matcher(overlaps: 'longest' | 'all' = 'longest'): ReturnType<typeof compileMatcher> {
  let m = terms.get(overlaps);
  if (!m) {
    m = compileMatcher(PATTERNS, [], { quotes: false, overlaps });
    terms.set(overlaps, m);
  }
  return m;
}

/** The original text covered is the form (or a plural of it) once normalized. */
function expectCovers(chunks: readonly string[], m: Match): void {
  const key = normalizeKey(m.form);
  expect([key, ...pluralKeys(key)]).toContain(normalizeKey(sliceOf(chunks, m.start, m.end)));
}

/** Matched forms, each checked to cover exactly the original characters of its form. */
function found(chunks: string[], boundaries?: Boundary[], overlaps: 'longest' | 'all' = 'longest'): string[] {
  const ms = matcher(overlaps).match(chunks, boundaries);
  for (const m of ms) expectCovers(chunks, m);
  return ms.map((m) => m.form);
}

describe('term matching', () => {
  it('finds a term and maps it to chunk offsets', () => {
    const [m] = matcher().matchText('我们共建一带一路。');
    expect(m).toEqual({
      kind: 'term',
      start: { chunk: 0, offset: 4 },
      end: { chunk: 0, offset: 8 },
      entry: 1,
      form: '一带一路',
      script: 'hans',
    });
  });

  it('matches across an inline boundary: 共建“<b>一带</b>一路”', () => {
    const chunks = ['共建“', '一带', '一路”'];
    const ms = matcher().match(chunks, ['inline', 'inline']);
    expect(ms.map(show)).toEqual(['term 1:0-2:2 #1 一带一路']);
  });

  it('does not match across a block boundary (the default)', () => {
    expect(found(['共建一带', '一路'])).toEqual([]);
    expect(found(['共建一带', '一路'], ['block'])).toEqual([]);
  });

  it('skips empty chunks on either side of a match', () => {
    const chunks = ['', '一带', '', '一路', ''];
    const ms = matcher().match(chunks, ['inline', 'inline', 'inline', 'inline']);
    expect(ms.map(show)).toEqual(['term 1:0-3:2 #1 一带一路']);
  });

  it('matches through every normalization rule', () => {
    expect(found(['中国——中亚'])).toEqual(['中国—中亚']);
    expect(found(['中国 – 中亚'])).toEqual(['中国—中亚']);
    expect(found(['建交 30 周年'])).toEqual(['建交30周年']);
    expect(found(['建交　３０　周年'])).toEqual(['建交30周年']);
    expect(found(['一\u200b带\u00ad一\ufeff路'])).toEqual(['一带一路']);
    expect(found(['BELT AND ROAD'])).toEqual(['Belt and Road']);
    expect(found(['Ｂｅｌｔ　ａｎｄ　Ｒｏａｄ'])).toEqual(['Belt and Road']);
    expect(found(['Belt\u00a0and\n  Road'])).toEqual(['Belt and Road']);
  });

  it('matches English only on word boundaries', () => {
    expect(found(['the Belt and Road plan'])).toEqual(['Belt and Road']);
    expect(found(['Belt and Roadmap'])).toEqual([]);
    expect(found(['xBelt and Road'])).toEqual([]);
    expect(found(['Belt and Road2'])).toEqual([]);
    expect(found(['(Belt and Road)'])).toEqual(['Belt and Road']);
    expect(found(['“Belt and Road”'])).toEqual(['Belt and Road']);
    expect(found(['一带一路(Belt and Road)倡议'])).toEqual(['一带一路', 'Belt and Road']);
    expect(found(['China’s Belt and Road’s'])).toEqual(['Belt and Road']);
    expect(found(['G20峰会', 'AG20', 'G200'])).toEqual(['G20']);
  });

  it('checks word boundaries across inline chunks, not across blocks', () => {
    expect(found(['Belt and ', 'Roadmap'], ['inline'])).toEqual([]);
    expect(found(['Belt and Road', 'map'], ['block'])).toEqual(['Belt and Road']);
    expect(found(['x', 'Belt and Road'], ['block'])).toEqual(['Belt and Road']);
    expect(found(['x', 'Belt and Road'], ['inline'])).toEqual([]);
  });

  it('has no word-boundary constraint for CJK patterns', () => {
    expect(found(['abc一带一路def'])).toEqual(['一带一路']);
  });

  it('finds words right after a word that fails mid-way or a non-word character', () => {
    // The automaton rests at the root inside a word; whatever ends a word must wake it.
    expect(found(['policybox policy box'])).toEqual(['policy', 'box']);
    expect(found(['Belt and Roa Belt and Road'])).toEqual(['Belt and Road']);
    expect(found(['xpolicy-box,G20·policy'])).toEqual(['box', 'G20', 'policy']);
    expect(found(['Ｘpolicy ＸＩ ＪＩＮＰＩＮＧ'])).toEqual(['Xi Jinping']);
    expect(found(['polic', 'y box'], ['inline'])).toEqual(['policy', 'box']);
    expect(found(['bbb', 'box'], ['inline'])).toEqual([]);
    expect(found(['bbb', 'box'], ['block'])).toEqual(['box']);
    expect(found(['g2G20 共同体policy'])).toEqual(['共同体', 'policy']);
  });

  it('matches plural forms of English patterns', () => {
    expect(found(['two Confucius Institutes'])).toEqual(['Confucius Institute']);
    expect(found(['new policies'])).toEqual(['policy']);
    expect(found(['boxes'])).toEqual(['box']);
    expect(found(['boxs', 'policys', 'Confucius Institutess'])).toEqual([]);
    expect(pluralKeys('confucius institute')).toEqual(['confucius institutes']);
    expect(pluralKeys('church')).toEqual(['churches']);
    expect(pluralKeys('policy')).toEqual(['policies']);
    expect(pluralKeys('day')).toEqual(['days']);
    expect(pluralKeys('一带一路')).toEqual([]);
    expect(pluralKeys('g20')).toEqual([]);
  });

  it('prefers a given form over a derived plural with the same key', () => {
    const m = compileMatcher([P('road', 1, 'en'), P('roads', 2, 'en')], [], { quotes: false });
    expect(m.matchText('roads').map(show)).toEqual(['term 0:0-0:5 #2 roads']);
    const all = compileMatcher([P('road', 1, 'en'), P('roads', 2, 'en')], [], { quotes: false, overlaps: 'all' });
    expect(all.matchText('roads').map(show)).toEqual(['term 0:0-0:5 #2 roads']);
  });

  it('keeps only the longest of nested terms, leftmost first', () => {
    expect(found(['构建人类命运共同体'])).toEqual(['人类命运共同体']);
    expect(found(['命运共同体'])).toEqual(['命运共同体']);
    // Leftmost wins over longer-but-later.
    const m = compileMatcher([P('ab', 1, 'en'), P('bcd', 2, 'en')], [], { quotes: false });
    expect(m.matchText('ab bcd').map((x) => x.form)).toEqual(['ab', 'bcd']);
    const cjk = compileMatcher([P('中国同', 1), P('同中亚国家', 2), P('中亚', 3)], [], { quotes: false });
    expect(cjk.matchText('中国同中亚国家').map((x) => x.form)).toEqual(['中国同', '中亚']);
  });

  it('reports every occurrence, nested ones included, in all mode', () => {
    const ms = matcher('all').matchText('构建人类命运共同体');
    expect(ms.map(show)).toEqual(['term 0:2-0:9 #2 人类命运共同体', 'term 0:4-0:9 #3 命运共同体', 'term 0:4-0:6 #12 命运', 'term 0:6-0:9 #13 共同体']);
  });

  it('reports every entry of a shared key in all mode, the first one otherwise', () => {
    const pats = [P('一带一路', 1), P('一 带 一 路', 2), P('Belt and Road', 3, 'en'), P('belt AND road', 4, 'en')];
    const longest = compileMatcher(pats, [], { quotes: false });
    expect(longest.matchText('一带一路 Belt and Road').map((m) => m.entry)).toEqual([1, 3]);
    const all = compileMatcher(pats, [], { quotes: false, overlaps: 'all' });
    expect(all.matchText('一带一路 Belt and Road').map((m) => m.entry)).toEqual([1, 2, 3, 4]);
  });

  it('ignores patterns that normalize to nothing', () => {
    const m = compileMatcher([P(' \u200b ', 1), P('一带一路', 2)], [], { quotes: false });
    expect(m.matchText('一带一路').map((x) => x.entry)).toEqual([2]);
  });

  it('works with no patterns, no chunks and empty chunks', () => {
    const m = compileMatcher([], []);
    expect(m.match([])).toEqual([]);
    expect(m.match(['', ''])).toEqual([]);
    expect(m.matchText('一带一路')).toEqual([]);
  });

  it('maps offsets exactly on the real corpus, in every mode', () => {
    const patterns = realisticPatterns(300, 5);
    for (const overlaps of ['longest', 'all'] as const) {
      const m = compileMatcher(patterns, CORPUS, { overlaps });
      for (const passage of CORPUS) {
        const chunks = passage.text.split(/(?<=[,。])/);
        const bounds = chunks.slice(1).map((): Boundary => 'inline');
        for (const match of m.match(chunks, bounds)) expectCovers(chunks, match);
      }
    }
  });

  it('sorts matches by start, longer first', () => {
    const ms = matcher('all').matchText('人类命运共同体 一带一路 命运');
    const keys = ms.map((m: Match) => [m.start.offset, -m.end.offset]);
    const sorted = [...keys].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    expect(keys).toEqual(sorted);
  });

  it('scan() returns the same matches as columns', () => {
    const chunks = ['共建“', '一带', '一路”，构建人类命运共同体。Confucius Institutes'];
    const bounds: Boundary[] = ['inline', 'block'];
    const m = matcher();
    const table = m.scan(chunks, bounds);
    const ms = m.match(chunks, bounds);
    expect(table.count).toBe(ms.length);
    ms.forEach((x, i) => {
      expect(table.kind[i]).toBe(0);
      expect([table.startChunk[i], table.startOffset[i], table.endChunk[i], table.endOffset[i]]).toEqual([
        x.start.chunk,
        x.start.offset,
        x.end.chunk,
        x.end.offset,
      ]);
      expect(PATTERNS[table.ref[i]!]!.form).toBe(x.form);
    });
  });

  it('is reusable: consecutive calls do not leak state', () => {
    const m = matcher();
    expect(found(['Belt and '], ['inline'])).toEqual([]);
    expect(m.matchText('Road')).toEqual([]);
    expect(m.match(['一带一路'])[0]!.start).toEqual({ chunk: 0, offset: 0 });
  });
});
