import { describe, expect, it } from 'vitest';
import { compileMatcher, loadMatcher, serializeMatcher } from '../../../lib/match/index';
import type { Boundary, Pattern } from '../../../lib/match/index';

const QUOTE = '道虽迩，不行不至；事虽小，不为不成';
const patterns: Pattern[] = [
  { form: '一带一路', entry: 3, script: 'hans' },
  { form: '一帶一路', entry: 3, script: 'hant' },
  { form: '多边主义', entry: 5, script: 'hans' },
  { form: 'Belt and Road', entry: 3, script: 'en' },
];
const corpus = [
  { doc: 0, para: 2, text: '前言。' },
  { doc: 1, para: 4, text: `古人说：${QUOTE}。又说多边主义。` },
];
const matcher = compileMatcher(patterns, corpus);

describe('scan() table rows', () => {
  it('describes each row of the table as match() reports it', () => {
    const pages: Array<[string[], Boundary[]]> = [
      [['共建一带一路，坚持多边主义'], []],
      [
        ['the Belt', ' and Road; 一帶', '一路'],
        ['inline', 'inline'],
      ],
      [
        ['他说：道虽迩，', '不行不至；事虽小，不为不成。', '一带一路'],
        ['inline', 'block'],
      ],
      [['没有'], []],
    ];
    for (const [chunks, boundaries] of pages) {
      const table = matcher.scan(chunks, boundaries);
      const rows = Array.from({ length: table.count }, (_, row) => matcher.describe(table, row));
      expect(rows).toEqual(matcher.match(chunks, boundaries));
    }
    expect(matcher.scan(['他说：道虽迩，', '不行不至；事虽小，不为不成。'], ['inline']).count).toBe(1);
  });

  it('fills the columns of a large table (its own arrays) as of a small one', () => {
    // Past 1,024 rows the columns no longer share one buffer (matcher.ts, `table`).
    const chunks = [`${'坚持多边主义，'.repeat(1100)}古人说：${QUOTE}。`];
    const table = matcher.scan(chunks);
    expect(table.count).toBe(1101);
    const rows = Array.from({ length: table.count }, (_, row) => matcher.describe(table, row));
    expect(rows).toEqual(matcher.match(chunks));
    expect(rows[1099]).toMatchObject({ kind: 'term', entry: 5, start: { chunk: 0, offset: 7 * 1099 + 2 } });
    expect(rows[1100]).toMatchObject({ kind: 'quote', form: `古人说：${QUOTE}`, start: { chunk: 0, offset: 7 * 1100 } });
  });

  it("gives each row's entry and a quote's source without making its Match, in a loaded matcher too", () => {
    const loaded = loadMatcher(serializeMatcher(matcher));
    const chunks = ['坚持多边主义。古人说：', `${QUOTE}。`];
    for (const rows of [matcher, loaded]) {
      const table = rows.scan(chunks, ['inline']);
      expect(Array.from({ length: table.count }, (_, row) => rows.entryOf(table, row))).toEqual([5, -1]);
      const described = Array.from({ length: table.count }, (_, row) => rows.describe(table, row).source ?? null);
      expect(Array.from({ length: table.count }, (_, row) => rows.sourceOf(table, row))).toEqual(described);
      expect(described[0]).toBeNull();
      expect(rows.describe(table, 1)).toEqual(matcher.match(chunks, ['inline'])[1]);
      expect(rows.match(chunks, ['inline'])).toEqual(matcher.match(chunks, ['inline']));
    }
  });
});
