import { sentenceAround } from '../corpus/sentences';
import { findSeeds, occurrencesOf } from './corpus-index';
import type { AlignCorpus, Seed } from './corpus-index';
import { foldText, foldedSlice, unitAtOrAfter } from './folded';
import type { FoldedText } from './folded';
import type { AlignOp, Quotation, Verdict } from './types';
import { alignWindows, DEFAULT_BOUNDS } from './window-align';
import type { AlignBounds, Step } from './window-align';

export interface QuoteOptions {
  /** Fewest folded units an exact shared run needs to start a quotation. */
  minSeed: number;
  /** How far (folded units) beyond its seed a quotation may reach on either side. */
  reach: number;
  /** Most corpus places a run held more than once is tried at. */
  maxOccurrences: number;
  bounds: AlignBounds;
}

export const DEFAULT_QUOTE_OPTIONS: QuoteOptions = { minSeed: 8, reach: 160, maxOccurrences: 8, bounds: DEFAULT_BOUNDS };

/**
 * An `altered` quotation differs in a few places, making up at most this share of its units;
 * beyond either bound it is reworded.
 */
const ALTERED_SHARE = 0.25;
const ALTERED_PLACES = 4;
/** A paraphrase keeps at least this share of its corpus sentence, in order. */
const PARAPHRASE_SHARE = 0.5;

/** True when the raw text between folded units k - 1 and k holds punctuation (a clause ends). */
function breakBefore(f: FoldedText, text: string, k: number): boolean {
  if (k <= 0 || k >= f.length) return true;
  for (let i = f.raw[k - 1]! + 1; i < f.raw[k]!; i++) if (!/\s/u.test(text[i]!)) return true;
  return false;
}

/**
 * A difference at a quotation's edge: text beyond what the page quotes is no omission nor
 * addition, so it goes, unless both sides put a short clause of their own next to the shared
 * text (`双方顺应潮流` for `我们顺应潮流`): that is a change of the quotation.
 */
function trimEdge(step: Step, leading: boolean, page: FoldedText, pageText: string, corpus: FoldedText, corpusText: string): Step | null {
  if (step.kind !== 'changed') return null;
  const clause = (f: FoldedText, text: string, from: number, to: number): [number, number] => {
    if (leading) {
      if (breakBefore(f, text, to)) return [to, to];
      let k = to - 1;
      while (k > from && !breakBefore(f, text, k)) k--;
      return [k, to];
    }
    if (breakBefore(f, text, from)) return [from, from];
    let k = from + 1;
    while (k < to && !breakBefore(f, text, k)) k++;
    return [from, k];
  };
  const [p0, p1] = clause(page, pageText, step.p0, step.p1);
  const [c0, c1] = clause(corpus, corpusText, step.c0, step.c1);
  const np = p1 - p0;
  const nc = c1 - c0;
  if (np === 0 || nc === 0 || np > Math.max(4, 2 * nc) || nc > Math.max(4, 2 * np)) return null;
  return { kind: 'changed', p0, p1, c0, c1 };
}

function verdictOf(steps: Step[], sentenceUnits: number): Verdict | null {
  let same = 0;
  let pageUnits = 0;
  let corpusUnits = 0;
  let onlyDropped = true;
  let places = 0;
  for (const s of steps) {
    if (s.kind !== 'same') places++;
    pageUnits += s.p1 - s.p0;
    corpusUnits += s.c1 - s.c0;
    if (s.kind === 'same') same += s.p1 - s.p0;
    else if (s.kind !== 'dropped') onlyDropped = false;
  }
  if (same === pageUnits && same === corpusUnits) return 'verbatim';
  if (onlyDropped) return 'abridged';
  if (places <= ALTERED_PLACES && pageUnits + corpusUnits - 2 * same <= ALTERED_SHARE * (pageUnits + corpusUnits)) return 'altered';
  if (same >= PARAPHRASE_SHARE * sentenceUnits) return 'paraphrase';
  return null;
}

/** The folded span's raw offsets: `[a, b)`, or the point after unit a - 1 when empty. */
function rawSpan(f: FoldedText, a: number, b: number): [number, number] {
  if (a < b) return [f.raw[a]!, f.raw[b - 1]! + 1];
  const at = a > 0 ? f.raw[a - 1]! + 1 : f.length > 0 ? f.raw[0]! : 0;
  return [at, at];
}

/** Marks an added and a dropped step of the same text (two units or more) as one moved clause. */
function markMoves(steps: Step[], ops: AlignOp[], page: FoldedText, corpus: FoldedText): void {
  const paired = new Set<number>();
  steps.forEach((s, i) => {
    if (s.kind !== 'added' || s.p1 - s.p0 < 2) return;
    const text = foldedSlice(page, s.p0, s.p1);
    const j = steps.findIndex((d, k) => d.kind === 'dropped' && !paired.has(k) && foldedSlice(corpus, d.c0, d.c1) === text);
    if (j < 0) return;
    paired.add(j);
    ops[i]!.moved = true;
    ops[j]!.moved = true;
  });
}

/**
 * The quotation a seed starts: the page's sentence around it aligned with the corpus sentence
 * around its source, both bounded by `reach` and by page units [lo, hi) left to it by other quotations.
 */
function quotationAt(
  corpus: AlignCorpus,
  pageText: string,
  page: FoldedText,
  seed: Seed,
  lo: number,
  hi: number,
  options: QuoteOptions,
): { quotation: Quotation; from: number; to: number } {
  const passage = corpus.passages[seed.passage]!;
  const f = corpus.folded[seed.passage]!;
  const seedLength = seed.pageEnd - seed.pageStart;
  const cs = seed.corpusStart;
  const ce = cs + seedLength;
  const [crs, cre] = sentenceAround(passage.text, f.raw[cs]!, f.raw[ce - 1]! + 1);
  const c0 = Math.max(unitAtOrAfter(f, crs), cs - options.reach);
  const c1 = Math.min(unitAtOrAfter(f, cre), ce + options.reach);
  const [prs, pre] = sentenceAround(pageText, page.raw[seed.pageStart]!, page.raw[seed.pageEnd - 1]! + 1);
  const p0 = Math.max(unitAtOrAfter(page, prs), seed.pageStart - options.reach, lo);
  const p1 = Math.min(unitAtOrAfter(page, pre), seed.pageEnd + options.reach, hi);

  let steps = alignWindows(page.units, p0, p1, f.units, c0, c1, options.bounds);
  const first = steps[0];
  if (first && first.kind !== 'same') {
    const kept = trimEdge(first, true, page, pageText, f, passage.text);
    steps = kept ? [kept, ...steps.slice(1)] : steps.slice(1);
  }
  const last = steps[steps.length - 1];
  if (last && last.kind !== 'same') {
    const kept = trimEdge(last, false, page, pageText, f, passage.text);
    steps = kept ? [...steps.slice(0, -1), kept] : steps.slice(0, -1);
  }
  let verdict = steps.some((s) => s.kind === 'same') ? verdictOf(steps, c1 - c0) : null;
  if (!verdict) {
    // Too different to call a quotation of the sentence: the exact run alone is one.
    steps = [{ kind: 'same', p0: seed.pageStart, p1: seed.pageEnd, c0: cs, c1: ce }];
    verdict = 'verbatim';
  }
  const ops: AlignOp[] = steps.map((s) => ({ kind: s.kind, page: rawSpan(page, s.p0, s.p1), corpus: rawSpan(f, s.c0, s.c1) }));
  markMoves(steps, ops, page, f);
  const head = steps[0]!;
  const tail = steps[steps.length - 1]!;
  const quotation: Quotation = {
    passage: seed.passage,
    doc: passage.doc,
    para: passage.para,
    page: [rawSpan(page, head.p0, head.p1)[0], rawSpan(page, tail.p0, tail.p1)[1]],
    corpus: [rawSpan(f, head.c0, head.c1)[0], rawSpan(f, tail.c0, tail.c1)[1]],
    ops,
    verdict,
  };
  return { quotation, from: head.p0, to: tail.p1 };
}

/** Units in common less units that differ, from the raw spans (a tie keeps the first place). */
function scoreOf(q: Quotation): number {
  let score = 0;
  for (const op of q.ops) {
    const units = Math.max(op.page[1] - op.page[0], op.corpus[1] - op.corpus[0]);
    score += op.kind === 'same' ? units : -units;
  }
  return score;
}

/**
 * Every quotation of the corpus in a page's text (one block: a paragraph, say), in page order:
 * each starts from an exact shared run of at least `minSeed` units and is aligned only around it.
 * Longer runs go first: a short one is more likely shared by several corpus passages, and where
 * it lies inside a longer one's quotation it is that quotation's.
 */
export function findQuotations(corpus: AlignCorpus, pageText: string, options: QuoteOptions = DEFAULT_QUOTE_OPTIONS): Quotation[] {
  const page = foldText(pageText, corpus.variants);
  const seeds = findSeeds(corpus, page, options.minSeed).sort((a, b) => b.pageEnd - b.pageStart - (a.pageEnd - a.pageStart) || a.pageStart - b.pageStart);
  const taken: { from: number; to: number; quotation: Quotation }[] = [];
  for (const seed of seeds) {
    // The seed's longest part no quotation holds yet, and the room around it.
    let start = seed.pageStart;
    let end = seed.pageEnd;
    for (const t of taken) {
      if (t.to <= start || t.from >= end) continue;
      if (t.from - start >= end - t.to) end = t.from;
      else start = t.to;
      if (end - start < options.minSeed) break;
    }
    if (end - start < options.minSeed) continue;
    let lo = 0;
    let hi = page.length;
    for (const t of taken) {
      if (t.to <= start) lo = Math.max(lo, t.to);
      if (t.from >= end) hi = Math.min(hi, t.from);
    }
    const piece = { ...seed, pageStart: start, pageEnd: end, corpusStart: seed.corpusStart + start - seed.pageStart };
    // A run the corpus holds more than once quotes the place whose sentence the page follows best.
    let best: { quotation: Quotation; from: number; to: number; score: number } | null = null;
    for (const at of occurrencesOf(corpus, page, piece, options.maxOccurrences)) {
      const found = quotationAt(corpus, pageText, page, at, lo, hi, options);
      const score = scoreOf(found.quotation);
      if (!best || score > best.score) best = { ...found, score };
    }
    if (best) taken.push(best);
  }
  return taken.sort((a, b) => a.from - b.from).map((t) => t.quotation);
}
