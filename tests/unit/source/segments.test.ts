import { describe, expect, it } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { blockRuns, longestFirst, termSpanIndex } from '../../../lib/source/segments';
import { readingsByOffset, rubyUnits, termReadings } from '../../../lib/source/ruby';
import { termIndex } from '../../../lib/source/term-index';

describe('longestFirst', () => {
  it('keeps the longest of overlapping spans and nothing nested', () => {
    const spans = [
      { start: 2, end: 7, id: 'a' },
      { start: 4, end: 7, id: 'nested' },
      { start: 6, end: 12, id: 'overlap-longer' },
      { start: 12, end: 14, id: 'after' },
    ];
    expect(longestFirst(spans).map((s) => s.id)).toEqual(['overlap-longer', 'after']);
    expect(
      longestFirst([
        { start: 0, end: 3 },
        { start: 2, end: 5 },
      ]),
    ).toEqual([{ start: 0, end: 3 }]);
  });

  it('leaves no overlap in the real glossary', () => {
    for (const spans of termSpanIndex(glossary.entries).values()) {
      for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    }
  });
});

describe('blockRuns', () => {
  const term = { start: 2, end: 6, entry: 0, occurrence: 0 };
  it('cuts a block into runs, one per term, with hit and cited pieces', () => {
    const runs = blockRuns(10, [term], [{ start: 4, end: 8 }], { start: 2, end: 6 });
    expect(runs.map((r) => [r.start, r.end, r.term?.entry ?? null])).toEqual([
      [0, 2, null],
      [2, 6, 0],
      [6, 10, null],
    ]);
    expect(runs[1]!.pieces).toEqual([
      { start: 2, end: 4, hit: false, cited: true },
      { start: 4, end: 6, hit: true, cited: true },
    ]);
    expect(runs[2]!.pieces).toEqual([
      { start: 6, end: 8, hit: true, cited: false },
      { start: 8, end: 10, hit: false, cited: false },
    ]);
  });

  it('gives one plain run for a block without marks', () => {
    expect(blockRuns(5, [], [], null)).toEqual([{ start: 0, end: 5, term: null, pieces: [{ start: 0, end: 5, hit: false, cited: false }] }]);
  });
});

describe('ruby readings', () => {
  it('keys per-character readings by offset, Han characters only', () => {
    const map = readingsByOffset('中国 30。', ['zhōng', 'guó', ' ', '3', '0', '。']);
    expect([...map]).toEqual([
      [0, 'zhōng'],
      [1, 'guó'],
    ]);
    expect(readingsByOffset('中国', ['zhōng']).size).toBe(0);
  });

  it("aligns a term's curated pinyin, other runs as themselves", () => {
    expect([...(termReadings('中国—中亚', 'zhōng guó — zhōng yà') ?? [])]).toEqual([
      [0, 'zhōng'],
      [1, 'guó'],
      [3, 'zhōng'],
      [4, 'yà'],
    ]);
    expect(termReadings('5000万剂', '5000 wàn jì')?.get(4)).toBe('wàn');
    expect(termReadings('中国', 'zhōng')).toBeNull();
    for (const e of glossary.entries) expect(termReadings(e.zh, e.syllables), e.zh).not.toBeNull();
  });

  it('lists the units of a slice', () => {
    expect(rubyUnits('a中b', 0, 3, new Map([[1, 'zhōng']]))).toEqual([
      { offset: 0, char: 'a', reading: null },
      { offset: 1, char: '中', reading: 'zhōng' },
      { offset: 2, char: 'b', reading: null },
    ]);
  });
});

describe('termIndex', () => {
  it('groups every entry by category with occurrence counts', () => {
    const index = termIndex(glossary.entries);
    expect(index.reduce((n, c) => n + c.terms.length, 0)).toBe(glossary.entries.length);
    for (const c of index) expect(c.occurrences).toBe(c.terms.reduce((n, t) => n + glossary.entries[t.entry]!.occurrences.length, 0));
    expect(index[0]?.label).toBe('Diplomatic concept');
  });
});
