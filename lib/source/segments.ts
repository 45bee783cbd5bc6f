// How a block of the source viewer is cut for rendering: glossary occurrences (one per place,
// the longest where several overlap), search hits and the cited passage, which may overlap each
// other freely, become a flat list of pieces grouped into runs of one term each.

import type { GlossaryEntry } from '../glossary/types';

export interface Range {
  start: number;
  end: number;
}

/** One glossary occurrence shown in the text. */
export interface TermSpan extends Range {
  /** Index into the glossary's entries. */
  entry: number;
  /** Index into that entry's occurrences. */
  occurrence: number;
}

/** `doc:block` → the term spans of that block, sorted, not overlapping. */
export type TermSpanIndex = Map<string, TermSpan[]>;

export const blockKey = (doc: number, block: number): string => `${doc}:${block}`;

/** Of overlapping spans, the longest wins (the earlier one on a tie); the result is sorted by start. */
export function longestFirst<S extends Range>(spans: readonly S[]): S[] {
  const byLength = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: S[] = [];
  for (const span of byLength) {
    if (span.end <= span.start) continue;
    if (kept.every((k) => span.end <= k.start || span.start >= k.end)) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export function termSpanIndex(entries: readonly Pick<GlossaryEntry, 'occurrences'>[]): TermSpanIndex {
  const all = new Map<string, TermSpan[]>();
  entries.forEach((entry, e) =>
    entry.occurrences.forEach(([doc, block, start, end], o) => {
      const key = blockKey(doc, block);
      const list = all.get(key) ?? [];
      list.push({ start, end, entry: e, occurrence: o });
      all.set(key, list);
    }),
  );
  const index: TermSpanIndex = new Map();
  for (const [key, spans] of all) index.set(key, longestFirst(spans));
  return index;
}

export interface Piece extends Range {
  hit: boolean;
  cited: boolean;
}

/** Consecutive pieces inside one term span, or outside any. */
export interface Run extends Range {
  term: TermSpan | null;
  pieces: Piece[];
}

const inside = (ranges: readonly Range[], at: number): boolean => ranges.some((r) => r.start <= at && at < r.end);

/** The runs of a text of `length` characters; `terms` must not overlap (see longestFirst). */
export function blockRuns(length: number, terms: readonly TermSpan[], hits: readonly Range[], cited: Range | null): Run[] {
  const clampRange = (r: Range): Range => ({ start: Math.max(0, r.start), end: Math.min(length, r.end) });
  const hitRanges = hits.map(clampRange);
  const citedRanges = cited ? [clampRange(cited)] : [];
  const cuts = new Set<number>([0, length]);
  for (const r of [...terms, ...hitRanges, ...citedRanges]) {
    if (r.start > 0 && r.start < length) cuts.add(r.start);
    if (r.end > 0 && r.end < length) cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? length;
    if (end <= start) continue;
    const term = terms.find((t) => t.start <= start && start < t.end) ?? null;
    const piece: Piece = { start, end, hit: inside(hitRanges, start), cited: inside(citedRanges, start) };
    const last = runs[runs.length - 1];
    if (last && last.term === term) {
      // One element per term (and per stretch of text between terms); pieces differ in marks only.
      last.end = end;
      const prev = last.pieces[last.pieces.length - 1];
      if (prev && prev.hit === piece.hit && prev.cited === piece.cited) prev.end = end;
      else last.pieces.push(piece);
    } else {
      runs.push({ start, end, term, pieces: [piece] });
    }
  }
  return runs;
}
