import type { Match } from '../lib/match/index';

/** The part of a match inside one text node: `[from, to)` of its data. */
export interface TextPiece {
  node: Text;
  from: number;
  to: number;
}

/** A match painted on the page. */
export interface PageMatch {
  /** As the matcher reported it; its chunk indices are local to the scan batch it came from. */
  readonly match: Match;
  readonly kind: 'term' | 'quote';
  /** In text order; never empty. The wrapping fallback re-points them at its split nodes. */
  pieces: TextPiece[];
  /** What the painter registered for it, if anything yet. */
  painted: AbstractRange | null;
}

export function firstPiece(m: PageMatch): TextPiece {
  return m.pieces[0]!;
}

export function lastPiece(m: PageMatch): TextPiece {
  return m.pieces[m.pieces.length - 1]!;
}

/** A live Range over the match, for geometry (client rects) and for consumers of hits. */
export function toRange(m: PageMatch): Range {
  const first = firstPiece(m);
  const last = lastPiece(m);
  const range = first.node.ownerDocument.createRange();
  range.setStart(first.node, Math.min(first.from, first.node.length));
  range.setEnd(last.node, Math.min(last.to, last.node.length));
  return range;
}

/** Whether every node of the match is still in its document. */
export function isAttached(m: PageMatch): boolean {
  return m.pieces.every((p) => p.node.isConnected);
}

/** The text the match covers on the page now. */
export function pageText(m: PageMatch): string {
  return m.pieces.map((p) => p.node.data.slice(p.from, p.to)).join('');
}
