import type { Boundary, CompiledMatcher, CorpusPassage, Match, Matcher, MatchTable, Pattern } from '../lib/match/index';

/**
 * A matcher whose columnar results (`scan`) can be turned into `Match` objects one row at a time:
 * the scanner keeps the table and makes a row's Match only when something asks for it (a card, a
 * step of navigation), not for each of the 100k+ matches of a dense page.
 */
export interface RowMatcher extends Matcher {
  scan(chunks: readonly string[], boundaries?: readonly Boundary[]): MatchTable;
  /** Row `row` of a `scan` table, as `match` reports it. */
  describe(table: MatchTable, row: number): Match;
  /** That Match's `entry`, without making it. */
  entry(table: MatchTable, row: number): number;
}

export function isRowMatcher(matcher: Matcher): matcher is RowMatcher {
  return 'describe' in matcher && 'entry' in matcher && 'scan' in matcher;
}

function hasScan(matcher: Matcher): matcher is Matcher & Pick<CompiledMatcher, 'scan'> {
  return 'scan' in matcher && typeof matcher.scan === 'function';
}

/**
 * Row `row` of `table` as a Match: `patterns` and `corpus` are the lists the matcher was compiled
 * from (a term row's `ref` indexes the patterns, a quote row's the passages).
 */
export function describeRow(table: MatchTable, row: number, patterns: readonly Pattern[], corpus: readonly CorpusPassage[]): Match {
  const start = { chunk: table.startChunk[row]!, offset: table.startOffset[row]! };
  const end = { chunk: table.endChunk[row]!, offset: table.endOffset[row]! };
  const ref = table.ref[row]!;
  if (table.kind[row] === 0) {
    const pattern = patterns[ref]!;
    return { kind: 'term', start, end, entry: pattern.entry, form: pattern.form, script: pattern.script };
  }
  const passage = corpus[ref]!;
  const from = table.sourceStart[row]!;
  const to = table.sourceEnd[row]!;
  return {
    kind: 'quote',
    start,
    end,
    entry: -1,
    form: passage.text.slice(from, to),
    source: { doc: passage.doc, para: passage.para, start: from, end: to, occurrences: table.occurrences[row]! },
  };
}

/**
 * `matcher` as a RowMatcher where it has `scan` (a compiled or loaded matcher), compiled from the
 * patterns and corpus `lists` gives (asked only then); else `matcher` itself.
 */
export function withRows(matcher: Matcher, lists: () => { patterns: readonly Pattern[]; corpus: readonly CorpusPassage[] }): Matcher {
  if (!hasScan(matcher)) return matcher;
  const { patterns, corpus } = lists();
  const rows: RowMatcher = {
    match: (chunks, boundaries) => matcher.match(chunks, boundaries),
    scan: (chunks, boundaries) => matcher.scan(chunks, boundaries),
    describe: (table, row) => describeRow(table, row, patterns, corpus),
    entry: (table, row) => (table.kind[row] === 0 ? (patterns[table.ref[row]!]?.entry ?? -1) : -1),
  };
  return rows;
}
