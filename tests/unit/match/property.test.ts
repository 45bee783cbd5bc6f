import { describe as group, expect, it } from 'vitest';
import { compileMatcher, normalizeKey } from '../../../lib/match/index';
import type { Match } from '../../../lib/match/index';
import { glossary } from '../../../assets/generated/glossary';
import { glossaryTools } from '../../../scripts/glossary-tools';
import { CORPUS, prng, realisticPatterns, sliceOf } from './fixtures';
import { randomPage } from './generate';
import type { Traditional } from './generate';
import { oracleQuotes, oracleTerms } from './oracle';
import type { OracleMatch, OracleQuote } from './oracle';

const CASES = Number(process.env.MATCH_PROPERTY_CASES ?? 10_000);
const QUOTE_CASES = Number(process.env.MATCH_QUOTE_CASES ?? 300);

/** The build's quote variants (traditional forms of the corpus's characters). */
const VARIANTS = glossary.quoteVariants;
/** Taiwan's or Hong Kong's standard, as the build's converters write them. */
const traditional: Traditional = (rnd, simplified) => {
  const renderings = glossaryTools.traditional(simplified);
  return renderings[Math.floor(rnd() * renderings.length)] ?? simplified;
};

const termKey = (m: { start: Match['start']; end: Match['end'] }, id: number): string =>
  `${m.start.chunk}:${m.start.offset}-${m.end.chunk}:${m.end.offset}#${id}`;

function engineTerms(matches: readonly Match[]): string[] {
  return matches.filter((m) => m.kind === 'term').map((m) => termKey(m, m.entry));
}

function oracleKeys(matches: readonly OracleMatch[]): string[] {
  return matches.map((m) => termKey(m, m.pattern));
}

group('terms against a naive oracle (seeded)', () => {
  const patterns = realisticPatterns(400, 1);
  // Quote variants on: their symbols must change nothing about terms (nor the verbatim fast path).
  const longest = compileMatcher(patterns, CORPUS, { quoteVariants: VARIANTS });
  const all = compileMatcher(patterns, [], { overlaps: 'all', quotes: false });

  it(`agrees on ${CASES} random pages, leftmost-longest and all occurrences`, () => {
    let matched = 0;
    for (let c = 0; c < CASES; c++) {
      const rnd = prng(1000 + c);
      const page = randomPage(rnd, patterns, undefined, traditional);
      const mode = c % 4 === 3 ? 'all' : 'longest';
      const got = engineTerms((mode === 'all' ? all : longest).match(page.chunks, page.boundaries));
      const want = oracleKeys(oracleTerms(patterns, page.chunks, page.boundaries, mode));
      if (got.join('|') !== want.join('|')) {
        // The seed and page make a failure reproducible as a unit test.
        expect({ seed: 1000 + c, mode, page, got }).toEqual({ seed: 1000 + c, mode, page, got: want });
      }
      matched += want.length;
    }
    // The generator must actually exercise matches.
    expect(matched).toBeGreaterThan(CASES);
  });
});

group('near words against the oracle (seeded)', () => {
  // Half the patterns stand only beside near words: forms of a few other patterns (so pages
  // hold them), words with Latin edges (whole words only), full-width and upper-case words.
  const words = ['Xi', 'IOC', '习近平', 'ＣＨＩＮＡ', 'kazakh', '國家'];
  const base = realisticPatterns(40, 3);
  base.push(...words.map((form, i) => ({ form, entry: base.length + i, script: 'en' as const })));
  const pool = [...base.slice(0, 4).map((p) => p.form), ...words];
  const patterns = base.map((p, i) => {
    if (i < 4 || i % 2 === 0 || words.includes(p.form)) return p;
    const rnd = prng(7000 + i);
    return { ...p, near: Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pool[Math.floor(rnd() * pool.length)]!) };
  });
  const unconditional = patterns.map(({ near: _, ...p }) => p);
  const longest = compileMatcher(patterns, CORPUS, { quoteVariants: VARIANTS });
  const all = compileMatcher(patterns, [], { overlaps: 'all', quotes: false });
  const cases = Math.ceil(CASES / 4);

  it(`agrees on ${cases} random pages, with the markup's blocks as context or not`, () => {
    let kept = 0;
    let dropped = 0;
    for (let c = 0; c < cases; c++) {
      const rnd = prng(90_000 + c);
      const page = randomPage(rnd, patterns, 6 + Math.floor(rnd() * 10), traditional);
      // The scanner may cut a markup block where a style makes an inline element a block.
      const context = rnd() < 0.5 ? page.boundaries.map((b) => (b === 'block' && rnd() < 0.5 ? 'inline' : b)) : undefined;
      const mode = c % 4 === 3 ? 'all' : 'longest';
      const got = engineTerms((mode === 'all' ? all : longest).match(page.chunks, page.boundaries, context));
      const want = oracleKeys(oracleTerms(patterns, page.chunks, page.boundaries, mode, context));
      if (got.join('|') !== want.join('|')) {
        expect({ seed: 90_000 + c, mode, page, context, got }).toEqual({ seed: 90_000 + c, mode, page, context, got: want });
      }
      const without = oracleKeys(oracleTerms(unconditional, page.chunks, page.boundaries, mode));
      kept += want.filter((k) => patterns[Number(k.split('#')[1])]!.near).length;
      if (without.join('|') !== want.join('|')) dropped++;
    }
    // Both outcomes must be exercised: conditional terms kept, and pages where some are dropped.
    expect(kept).toBeGreaterThan(cases / 10);
    expect(dropped).toBeGreaterThan(cases / 10);
  });
});

group('quotes against a brute-force oracle (seeded)', () => {
  const sortQuotes = <T extends { start: Match['start']; end: Match['end'] }>(xs: T[]): T[] =>
    xs.sort((a, b) => a.start.chunk - b.start.chunk || a.start.offset - b.start.offset || b.end.chunk - a.end.chunk || b.end.offset - a.end.offset);
  const render = (q: OracleQuote): string => `${termKey(q, q.passage)} ${q.sourceStart}-${q.sourceEnd}×${q.occurrences}`;

  for (const [minHan, script] of [
    [4, 'simplified'],
    [12, 'simplified'],
    [4, 'traditional'],
    [12, 'traditional'],
  ] as const) {
    it(`agrees on ${QUOTE_CASES} random ${script} pages with minQuoteHan ${minHan}`, () => {
      const patterns = realisticPatterns(60, 2);
      const variants = script === 'traditional' ? VARIANTS : '';
      const matcher = compileMatcher(patterns, CORPUS, { minQuoteHan: minHan, quoteVariants: variants });
      let found = 0;
      let throughVariants = 0;
      for (let c = 0; c < QUOTE_CASES; c++) {
        const rnd = prng(50_000 + c);
        const page = randomPage(rnd, patterns, 1 + Math.floor(rnd() * 6), script === 'traditional' ? traditional : undefined);
        const got = sortQuotes(matcher.match(page.chunks, page.boundaries).filter((m) => m.kind === 'quote')).map(
          (m) => `${termKey(m, m.source!.para)} ${m.source!.start}-${m.source!.end}×${m.source!.occurrences}`,
        );
        const want = sortQuotes(oracleQuotes(CORPUS, page.chunks, page.boundaries, minHan, variants)).map(render);
        if (got.join('|') !== want.join('|')) {
          expect({ seed: 50_000 + c, page, got }).toEqual({ seed: 50_000 + c, page, got: want });
        }
        found += want.length;
        for (const m of matcher.match(page.chunks, page.boundaries)) {
          if (m.kind === 'quote' && normalizeKey(sliceOf(page.chunks, m.start, m.end)) !== normalizeKey(m.form)) throughVariants++;
        }
      }
      expect(found).toBeGreaterThan(QUOTE_CASES / 10);
      // The traditional pages' quotes are traced through their variants, not only where the scripts agree.
      if (script === 'traditional') expect(throughVariants).toBeGreaterThan(QUOTE_CASES / 10);
      else expect(throughVariants).toBe(0);
    });
  }
});
