/**
 * Naive reference implementations the engine is held to: they normalize whole strings with
 * `normalize` and search with `indexOf` / `includes`, no automata.
 */
import { isHanChar, isWordChar, normalize, normalizeKey } from '../../../lib/match/index';
import type { Boundary, CorpusPassage, Pattern, TextPoint } from '../../../lib/match/index';

interface Segment {
  /** Global offset (chunks concatenated) of the segment's first character. */
  start: number;
  text: string;
}

/** The page split at block boundaries. */
function segments(chunks: readonly string[], boundaries: readonly Boundary[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  chunks.forEach((chunk, k) => {
    if (k === 0 || boundaries[k - 1] !== 'inline') out.push({ start: at, text: '' });
    out[out.length - 1]!.text += chunk;
    at += chunk.length;
  });
  return out;
}

function pointOf(chunks: readonly string[], g: number, isEnd: boolean): TextPoint {
  let at = 0;
  for (let k = 0; k < chunks.length; k++) {
    const len = chunks[k]!.length;
    if (isEnd ? g <= at + len && g > at : g < at + len) return { chunk: k, offset: g - at };
    at += len;
  }
  throw new Error(`offset ${g} outside the page`);
}

/** The plural rule, restated: -es after s/x/z/ch/sh, consonant+y → -ies, else -s. */
function plurals(key: string): string[] {
  if (!/[a-z]{2}$/.test(key)) return [];
  if (/(s|x|z|ch|sh)$/.test(key)) return [key + 'es'];
  if (/[^aeiou]y$/.test(key)) return [key.slice(0, -1) + 'ies'];
  return [key + 's'];
}

interface Key {
  key: string;
  pattern: number;
  priority: number;
}

function keysOf(patterns: readonly Pattern[]): Key[] {
  const keys: Key[] = [];
  patterns.forEach((p, i) => {
    const key = normalizeKey(p.form);
    if (key !== '') keys.push({ key, pattern: i, priority: keys.length });
  });
  const given = new Set(keys.map((k) => k.key));
  for (const k of [...keys]) {
    for (const plural of plurals(k.key)) {
      if (!given.has(plural)) keys.push({ key: plural, pattern: k.pattern, priority: keys.length });
    }
  }
  return keys;
}

export interface OracleMatch {
  start: TextPoint;
  end: TextPoint;
  pattern: number;
}

/** Whether `text` (normalized) holds `word` (normalized), a Latin edge of it as a word edge. */
function holdsWord(text: string, word: string): boolean {
  const word_ = (i: number): boolean => i >= 0 && i < text.length && isWordChar(text.charCodeAt(i));
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (isWordChar(word.charCodeAt(0)) && word_(at - 1)) continue;
    if (isWordChar(word.charCodeAt(word.length - 1)) && word_(at + word.length)) continue;
    return true;
  }
  return false;
}

/**
 * Every valid occurrence, or the leftmost-longest selection of them. A pattern with near words
 * stands only where the block of `context` (default: `boundaries`) holding its start holds one.
 */
export function oracleTerms(
  patterns: readonly Pattern[],
  chunks: readonly string[],
  boundaries: readonly Boundary[],
  overlaps: 'longest' | 'all',
  context: readonly Boundary[] = boundaries,
): OracleMatch[] {
  const keys = keysOf(patterns);
  const out: OracleMatch[] = [];
  const blocks = segments(chunks, context).map((seg) => ({ start: seg.start, text: normalize(seg.text).text }));
  const nearMet = (pattern: number, g: number): boolean => {
    const near = patterns[pattern]!.near?.map(normalizeKey).filter((w) => w !== '');
    if (!near || near.length === 0) return true;
    const block = blocks.filter((b) => b.start <= g).pop()!;
    return near.some((w) => holdsWord(block.text, w));
  };
  for (const seg of segments(chunks, boundaries)) {
    const norm = normalize(seg.text);
    const t = norm.text;
    const found: Array<{ start: number; end: number; key: Key }> = [];
    for (const k of keys) {
      for (let at = t.indexOf(k.key); at !== -1; at = t.indexOf(k.key, at + 1)) {
        const end = at + k.key.length;
        const word = (i: number): boolean => i >= 0 && i < t.length && isWordChar(t.charCodeAt(i));
        if (isWordChar(k.key.charCodeAt(0)) && word(at - 1)) continue;
        if (isWordChar(k.key.charCodeAt(k.key.length - 1)) && word(end)) continue;
        if (!nearMet(k.pattern, seg.start + norm.offsets[at]!)) continue;
        found.push({ start: at, end, key: k });
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end || a.key.priority - b.key.priority);
    let covered = -1;
    for (const f of found) {
      if (overlaps === 'longest') {
        if (f.start < covered) continue;
        covered = f.end;
      }
      const gs = seg.start + norm.offsets[f.start]!;
      const ge = seg.start + norm.offsets[f.end - 1]! + 1;
      out.push({ start: pointOf(chunks, gs, false), end: pointOf(chunks, ge, true), pattern: f.key.pattern });
    }
  }
  return out;
}

export interface OracleQuote {
  start: TextPoint;
  end: TextPoint;
  passage: number;
  sourceStart: number;
  sourceEnd: number;
  occurrences: number;
}

const SEPARATOR = '\uffff';

/**
 * Maximal shared runs by brute force: for each end j the longest suffix of the page text that
 * occurs in the corpus (`includes`), runs where that cannot grow by one, at least `minHan` Han.
 */
export function oracleQuotes(
  corpus: readonly CorpusPassage[],
  chunks: readonly string[],
  boundaries: readonly Boundary[],
  minHan: number,
  quoteVariants = '',
): OracleQuote[] {
  const passages = corpus.map((p) => normalize(p.text));
  const starts: number[] = [];
  let joined = '';
  for (const p of passages) {
    starts.push(joined.length);
    joined += p.text + SEPARATOR;
  }
  // A variant (a single unit the corpus does not hold) reads as the corpus character it stands for.
  const fold = new Map<string, string>();
  const pairs = [...quoteVariants];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const [v, c] = [pairs[i]!, pairs[i + 1]!];
    if (v.length === 1 && c.length === 1 && !fold.has(v) && !joined.includes(v) && joined.includes(c)) fold.set(v, c);
  }
  const out: OracleQuote[] = [];
  const keep = (c: number): boolean => isHanChar(c) || isWordChar(c);
  for (const seg of segments(chunks, boundaries)) {
    const norm = normalize(seg.text);
    const t = norm.text
      .split('')
      .map((u) => fold.get(u) ?? u)
      .join('');
    const longest: number[] = [0];
    for (let j = 1; j <= t.length; j++) {
      let l = longest[j - 1]! + 1;
      while (l > 0 && !joined.includes(t.slice(j - l, j))) l--;
      longest.push(l);
    }
    for (let j = 1; j <= t.length; j++) {
      const l = longest[j]!;
      if (l === 0 || (j < t.length && longest[j + 1] === l + 1)) continue;
      const run = t.slice(j - l, j);
      let han = 0;
      for (let i = 0; i < run.length; i++) if (isHanChar(run.charCodeAt(i))) han++;
      if (han < minHan) continue;
      const first = joined.indexOf(run);
      let occurrences = 0;
      for (let at = first; at !== -1; at = joined.indexOf(run, at + 1)) occurrences++;
      let a = 0;
      let b = run.length;
      while (!keep(run.charCodeAt(a))) a++;
      while (!keep(run.charCodeAt(b - 1))) b--;
      let passage = 0;
      while (passage + 1 < starts.length && starts[passage + 1]! <= first) passage++;
      const offsets = passages[passage]!.offsets;
      const local = first - starts[passage]!;
      const gs = seg.start + norm.offsets[j - l + a]!;
      const ge = seg.start + norm.offsets[j - l + b - 1]! + 1;
      out.push({
        start: pointOf(chunks, gs, false),
        end: pointOf(chunks, ge, true),
        passage,
        sourceStart: offsets[local + a]!,
        sourceEnd: offsets[local + b - 1]! + 1,
        occurrences,
      });
    }
  }
  return out;
}
