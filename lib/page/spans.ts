import type { TextPoint } from '../match/index';

/** The part of a match inside one chunk: `[from, to)` in that chunk's text. */
export interface ChunkSpan {
  chunk: number;
  from: number;
  to: number;
}

/**
 * Splits the extent `[start, end)` (end exclusive, in the chunk of the last character, as the
 * matcher reports it) into one span per chunk it touches. Empty chunks in between are dropped:
 * they hold nothing to paint.
 */
export function chunkSpans(start: TextPoint, end: TextPoint, lengthOf: (chunk: number) => number): ChunkSpan[] {
  const spans: ChunkSpan[] = [];
  for (let chunk = start.chunk; chunk <= end.chunk; chunk++) {
    const from = chunk === start.chunk ? start.offset : 0;
    const to = chunk === end.chunk ? end.offset : lengthOf(chunk);
    if (to > from) spans.push({ chunk, from, to });
  }
  return spans;
}

/** The chunk boundaries (index i = between chunk i and i + 1) an extent crosses. */
export function crossedBoundaries(start: TextPoint, end: TextPoint): number[] {
  const crossed: number[] = [];
  for (let i = start.chunk; i < end.chunk; i++) crossed.push(i);
  return crossed;
}
