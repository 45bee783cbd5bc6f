// The page's text as notes see it: what their selectors' offsets count in, both when a note is
// written and when it is anchored again on a later visit. It must be computed the same way every
// time, so it is defined here, once, over the chunks the content script's text collector yields
// (one chunk per text node, in the collector's order, with a block or inline boundary between
// neighbours):
//
//   - chunks across an inline boundary are joined as they are; a block boundary becomes one '\n';
//   - every run of ASCII whitespace (space, tab, CR, LF, FF: what CSS collapses) becomes one
//     space, across chunks too; no-break and ideographic spaces are kept as they are;
//   - no whitespace at the start or end of a block, nor of the whole text.
//
// So it reads like `innerText` with CSS whitespace collapsing (but it never asks for layout), and
// a site re-indenting its HTML source leaves the offsets as they were. Every character of the
// result but the '\n' separators comes from one character of one chunk; `segments` records that,
// so offsets map back to text-node positions and DOM positions map to offsets.

import type { Boundary } from '../match/index';

/** Runs of the text copied one to one from one chunk. */
export interface TextSegments {
  /** Offset in the text where each segment starts. */
  out: number[];
  chunk: number[];
  /** Offset in its chunk where each segment starts. */
  from: number[];
  length: number[];
}

export interface PageTextLayout {
  text: string;
  segments: TextSegments;
}

/** A position in the collected chunks: chunk index and UTF-16 offset in it. */
export interface ChunkPoint {
  chunk: number;
  offset: number;
}

const isCollapsible = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c;

/** Builds the notes' page text from the collector's chunks and the boundaries between them. */
export function layoutPageText(chunks: readonly string[], boundaries: readonly Boundary[]): PageTextLayout {
  const parts: string[] = [];
  let length = 0;
  const segments: TextSegments = { out: [], chunk: [], from: [], length: [] };
  /** Whether nothing is written in the current block yet (its leading whitespace is dropped). */
  let atBlockStart = true;
  /** A line break is owed before the next character (written lazily: no break at the very end). */
  let breakOwed = false;
  let pending: ChunkPoint | null = null;

  /** Writes `run`, which is chunk `chunk` from `offset` on, one to one. */
  const emit = (run: string, chunk: number, offset: number): void => {
    const last = segments.out.length - 1;
    const lastLength = segments.length[last] ?? 0;
    if (
      last >= 0 &&
      segments.chunk[last] === chunk &&
      (segments.from[last] ?? 0) + lastLength === offset &&
      (segments.out[last] ?? 0) + lastLength === length
    ) {
      segments.length[last] = lastLength + run.length;
    } else {
      segments.out.push(length);
      segments.chunk.push(chunk);
      segments.from.push(offset);
      segments.length.push(run.length);
    }
    parts.push(run);
    length += run.length;
  };

  for (let c = 0; c < chunks.length; c++) {
    if (c > 0 && boundaries[c - 1] === 'block') {
      pending = null;
      if (!atBlockStart) breakOwed = true;
      atBlockStart = true;
    }
    const chunk = chunks[c] ?? '';
    let i = 0;
    while (i < chunk.length) {
      if (isCollapsible(chunk.charCodeAt(i))) {
        if (!atBlockStart && pending === null) pending = { chunk: c, offset: i };
        i++;
        continue;
      }
      // A run of characters kept as they are, written in one piece.
      let j = i + 1;
      while (j < chunk.length && !isCollapsible(chunk.charCodeAt(j))) j++;
      if (breakOwed) {
        parts.push('\n');
        length += 1;
        breakOwed = false;
      }
      if (pending !== null) {
        emit(' ', pending.chunk, pending.offset);
        pending = null;
      }
      emit(chunk.slice(i, j), c, i);
      atBlockStart = false;
      i = j;
    }
  }
  return { text: parts.join(''), segments };
}

/** Binary search: the last segment `compare` puts at or before the key (compare ≤ 0), or -1. */
function lastAtOrBefore(count: number, compare: (segment: number) => number): number {
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (compare(mid) <= 0) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The text offset of a position in the chunks: the offset of the first character of the text that
 * comes from that position or after it (so a position inside collapsed whitespace moves forward).
 */
export function offsetOfPoint(layout: PageTextLayout, point: ChunkPoint): number {
  const { segments } = layout;
  const count = segments.out.length;
  const s = lastAtOrBefore(count, (i) => {
    const chunk = segments.chunk[i] ?? 0;
    return chunk !== point.chunk ? chunk - point.chunk : (segments.from[i] ?? 0) - point.offset;
  });
  if (s >= 0 && segments.chunk[s] === point.chunk) {
    const into = point.offset - (segments.from[s] ?? 0);
    if (into < (segments.length[s] ?? 0)) return (segments.out[s] ?? 0) + into;
  }
  return s + 1 < count ? (segments.out[s + 1] ?? 0) : layout.text.length;
}

/** The segment holding text offset `offset`, or -1 (a separator, or out of range). */
function segmentAt(layout: PageTextLayout, offset: number): number {
  const { segments } = layout;
  const s = lastAtOrBefore(segments.out.length, (i) => (segments.out[i] ?? 0) - offset);
  if (s < 0) return -1;
  return offset - (segments.out[s] ?? 0) < (segments.length[s] ?? 0) ? s : -1;
}

/**
 * The chunk positions of [start, end) of the text: the start before its first character, the end
 * after its last one. Null when the span holds no character of any chunk.
 */
export function pointsOfSpan(layout: PageTextLayout, start: number, end: number): { start: ChunkPoint; end: ChunkPoint } | null {
  const { segments, text } = layout;
  const s = Math.max(0, start);
  const e = Math.min(text.length, end);
  if (e <= s) return null;
  // A separator at either end does not count: step inwards to the nearest character.
  let first = s;
  while (first < e && segmentAt(layout, first) < 0) first++;
  let last = e - 1;
  while (last >= first && segmentAt(layout, last) < 0) last--;
  if (last < first) return null;
  const a = segmentAt(layout, first);
  const b = segmentAt(layout, last);
  return {
    start: { chunk: segments.chunk[a] ?? 0, offset: (segments.from[a] ?? 0) + first - (segments.out[a] ?? 0) },
    end: { chunk: segments.chunk[b] ?? 0, offset: (segments.from[b] ?? 0) + last - (segments.out[b] ?? 0) + 1 },
  };
}

/** [start, end) without whitespace (or separators) at either end; start === end when nothing is left. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  while (s < e && /\s/u.test(text.charAt(s))) s++;
  while (e > s && /\s/u.test(text.charAt(e - 1))) e--;
  return { start: s, end: e };
}
