// How the matcher's cost grows with the glossary: the real forms, then synthetic entries drawn
// from the corpus's characters, up to 100,000 aliases; the same page text each time, in Node.

import { glossary } from '../../assets/generated/glossary';
import { glossaryCorpus, glossaryMatcherOptions, glossaryPatterns } from '../../lib/glossary/matcher-input';
import { compileMatcher, loadMatcher, serializeMatcher } from '../../lib/match/index';
import type { Boundary, Pattern } from '../../lib/match/index';
import { prng } from '../support/prng';

export interface ScalingRow {
  aliases: number;
  compileMs: number;
  serializedKiB: number;
  loadMs: number;
  /** Median over runs of matching the whole page text, ms. */
  matchMs: number;
  matches: number;
}

const INLINE_TAGS = new Set(['a', 'b', 'em', 'i', 'span', 'strong', 'small', 'sub', 'sup', 'u', 'code', 'font', 'abbr', 'cite', 'q']);

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&nbsp;/gu, '\u00a0')
    .replace(/&amp;/gu, '&');
}

/** The text of simple generated HTML as the content script would chunk it (one chunk per text run). */
export function chunksOf(html: string): { chunks: string[]; boundaries: Boundary[] } {
  const body = html.replace(/<(script|style|title)\b[\s\S]*?<\/\1\s*>/giu, '');
  const chunks: string[] = [];
  const boundaries: Boundary[] = [];
  let inline = true;
  for (const part of body.split(/(<[^>]*>)/u)) {
    if (part.startsWith('<')) {
      const tag = /^<\/?\s*([a-zA-Z0-9]+)/u.exec(part)?.[1]?.toLowerCase() ?? '';
      if (!INLINE_TAGS.has(tag)) inline = false;
      continue;
    }
    if (part.trim() === '') continue;
    if (chunks.length > 0) boundaries.push(inline ? 'inline' : 'block');
    chunks.push(decodeEntities(part));
    inline = true;
  }
  return { chunks, boundaries };
}

/**
 * `count` patterns: the glossary's own forms first, then synthetic entries of 2–7 Han characters
 * drawn from the whole CJK block (terms a bigger glossary would add: most never occur on a page,
 * so the matches stay those of the real glossary and the automaton's growth is what is measured).
 */
export function patternsOf(count: number): Pattern[] {
  const real = glossaryPatterns(glossary);
  if (count <= real.length) return real.slice(0, count);
  const rnd = prng(count);
  const han = Array.from({ length: 0x9fff - 0x4e00 + 1 }, (_, i) => String.fromCharCode(0x4e00 + i)).join('');
  const seen = new Set(real.map((p) => p.form));
  const out = real.slice();
  let entry = glossary.entries.length;
  while (out.length < count) {
    const length = 2 + Math.floor(rnd() * 6);
    let form = '';
    for (let i = 0; i < length; i++) form += han[Math.floor(rnd() * han.length)]!;
    if (seen.has(form)) continue;
    seen.add(form);
    out.push({ form, entry: entry++, script: 'hans' });
  }
  return out;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * Compiles, serializes and loads the matcher for each glossary size, then scans the page's chunks
 * with each in interleaved rounds (so a busy moment of the machine, or a collection of the big
 * automata's garbage, hits every size alike), as the content script does (`scan()`, no object
 * per match); the median of the rounds.
 */
export function glossaryScaling(sizes: readonly number[], page: { chunks: string[]; boundaries: Boundary[] }, runs = 3): ScalingRow[] {
  const corpus = glossaryCorpus(glossary);
  const loaded = sizes.map((aliases) => {
    const patterns = patternsOf(aliases);
    let t = performance.now();
    const compiled = compileMatcher(patterns, corpus, glossaryMatcherOptions(glossary));
    const compileMs = performance.now() - t;
    const bytes = serializeMatcher(compiled);
    t = performance.now();
    const matcher = loadMatcher(bytes);
    const loadMs = performance.now() - t;
    // A first scan warms the code up.
    const matches = matcher.scan(page.chunks, page.boundaries).count;
    return { aliases, compileMs, serializedKiB: bytes.length / 1024, loadMs, matcher, matches, times: [] as number[] };
  });
  for (let i = 0; i < runs; i++) {
    for (const row of loaded) {
      const t = performance.now();
      row.matcher.scan(page.chunks, page.boundaries);
      row.times.push(performance.now() - t);
    }
  }
  return loaded.map(({ aliases, compileMs, serializedKiB, loadMs, matches, times }) => ({
    aliases,
    compileMs,
    serializedKiB,
    loadMs,
    matchMs: median(times),
    matches,
  }));
}
