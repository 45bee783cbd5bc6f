// What the extension should find on a page, worked out without its DOM walk: the browser's own
// idea of the visible text (`innerText`, which applies CSS: hidden text left out, a line break
// for every block, a tab between table cells), cut into blocks at those breaks and matched in
// Node. A walk that drops, joins or splits text wrongly disagrees with it.

import { glossary } from '../../../assets/generated/glossary';
import { compileMatcher } from '../../../lib/match/index';
import type { Boundary, Matcher } from '../../../lib/match/index';
import { glossaryCorpus, glossaryMatcherOptions, glossaryPatterns } from '../../../lib/glossary/matcher-input';

/** Term occurrences by entry id, and the number of corpus quotations. */
export interface FoundCounts {
  terms: Map<string, number>;
  quotes: number;
}

let matcher: Matcher | null = null;

/** The extension's matcher with the default settings (every script and category). */
function glossaryMatcher(): Matcher {
  matcher ??= compileMatcher(glossaryPatterns(glossary), glossaryCorpus(glossary), glossaryMatcherOptions(glossary));
  return matcher;
}

/** `innerText` as chunks with a block boundary at every line break and tab. */
export function innerTextBlocks(innerText: string): { chunks: string[]; boundaries: Boundary[] } {
  const chunks = innerText.split(/[\n\t\r]+/u).filter((c) => c.trim() !== '');
  return { chunks, boundaries: chunks.slice(1).map(() => 'block' as const) };
}

/** What the glossary's matcher finds in a page's `innerText`. */
export function oracleCounts(innerText: string): FoundCounts {
  const { chunks, boundaries } = innerTextBlocks(innerText);
  const terms = new Map<string, number>();
  let quotes = 0;
  for (const m of glossaryMatcher().match(chunks, boundaries)) {
    if (m.kind === 'quote') {
      quotes++;
      continue;
    }
    const id = glossary.entries[m.entry]?.id ?? `#${m.entry}`;
    terms.set(id, (terms.get(id) ?? 0) + 1);
  }
  return { terms, quotes };
}

/** The counts in a `tifa-lens:ready` trace entry’s detail (the page summary). */
export function summaryCounts(detail: { entries: Array<{ id: string; count: number }>; quotes: number }): FoundCounts {
  return { terms: new Map(detail.entries.map((e) => [e.id, e.count])), quotes: detail.quotes };
}

/** Entry ids whose counts differ, as `id: found ≠ expected`. */
export function countDifferences(found: FoundCounts, expected: FoundCounts): string[] {
  const ids = new Set([...found.terms.keys(), ...expected.terms.keys()]);
  const out: string[] = [];
  for (const id of [...ids].sort()) {
    const a = found.terms.get(id) ?? 0;
    const b = expected.terms.get(id) ?? 0;
    if (a !== b) out.push(`${id}: ${a} ≠ ${b}`);
  }
  if (found.quotes !== expected.quotes) out.push(`quotes: ${found.quotes} ≠ ${expected.quotes}`);
  return out;
}
