/** A painted piece of one chunk: `[from, to)`, its style's rank (higher wins) and its owner. */
export interface StyledPiece {
  chunk: number;
  from: number;
  to: number;
  rank: number;
  owner: number;
}

/** An elementary run of one chunk where the same pieces overlap. */
export interface Segment {
  from: number;
  to: number;
  /** The highest rank among the pieces covering it. */
  rank: number;
  /** Every owner whose piece covers it, ascending. */
  owners: number[];
}

/**
 * Cuts each chunk at every piece edge so that overlapping pieces (a term inside a quote) become
 * disjoint segments, each carrying the winning rank. Used where wrapping elements must not nest
 * across each other's edges. Returns the segments of each chunk in text order.
 */
export function cutSegments(pieces: readonly StyledPiece[]): Map<number, Segment[]> {
  const byChunk = new Map<number, StyledPiece[]>();
  for (const piece of pieces) {
    if (piece.to <= piece.from) continue;
    const list = byChunk.get(piece.chunk);
    if (list) list.push(piece);
    else byChunk.set(piece.chunk, [piece]);
  }
  const result = new Map<number, Segment[]>();
  for (const [chunk, list] of byChunk) {
    const edges = [...new Set(list.flatMap((p) => [p.from, p.to]))].sort((a, b) => a - b);
    const segments: Segment[] = [];
    for (let i = 0; i + 1 < edges.length; i++) {
      const from = edges[i]!;
      const to = edges[i + 1]!;
      const covering = list.filter((p) => p.from <= from && p.to >= to);
      if (covering.length === 0) continue;
      segments.push({
        from,
        to,
        rank: Math.max(...covering.map((p) => p.rank)),
        owners: [...new Set(covering.map((p) => p.owner))].sort((a, b) => a - b),
      });
    }
    result.set(chunk, segments);
  }
  return result;
}
