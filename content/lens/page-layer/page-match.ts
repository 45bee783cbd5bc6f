import type { Match, QuoteSource } from '../../../lib/match/index';

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
  /** `match.entry` where it is known without making `match` (a table-backed match). */
  readonly entry?: number;
  /** `match.source` where it is known without making `match` (a table-backed match). */
  readonly source?: QuoteSource | undefined;
}

/**
 * Reads a row of one scan batch's table (see `CompiledMatcher.describe` and `sourceOf` in
 * lib/match): its Match, or only a quote's source.
 */
export interface MatchRows {
  describe(row: number): Match;
  sourceOf(row: number): QuoteSource | null;
}

/**
 * A page match backed by a row of the matcher's table: its `match` object is made the first time
 * something reads it (a card, a note, navigation by entry), not for every match of a dense page;
 * likewise the pieces of a match inside one text node (most) stay flat fields until read.
 */
export class RowPageMatch implements PageMatch {
  readonly kind: 'term' | 'quote';
  readonly entry: number;
  painted: AbstractRange | null = null;
  private readonly rows: MatchRows;
  private readonly row: number;
  private made: Match | null = null;
  /** The one piece, while `list` is null. */
  private readonly node: Text;
  private readonly from: number;
  private readonly to: number;
  private list: TextPiece[] | null;

  /** `list` for a match over several text nodes; null for one inside `node`, `[from, to)`. */
  constructor(rows: MatchRows, row: number, kind: 'term' | 'quote', entry: number, node: Text, from: number, to: number, list: TextPiece[] | null) {
    this.rows = rows;
    this.row = row;
    this.kind = kind;
    this.entry = entry;
    this.node = node;
    this.from = from;
    this.to = to;
    this.list = list;
  }

  get match(): Match {
    this.made ??= this.rows.describe(this.row);
    return this.made;
  }

  /** A quote's source, read from the table (a dense page's summary counts 10k+ without their Match). */
  get source(): QuoteSource | undefined {
    if (this.made) return this.made.source;
    return this.rows.sourceOf(this.row) ?? undefined;
  }

  get pieces(): TextPiece[] {
    this.list ??= [{ node: this.node, from: this.from, to: this.to }];
    return this.list;
  }

  set pieces(pieces: TextPiece[]) {
    this.list = pieces;
  }

  /** The first piece's node and start, without making the pieces. */
  firstNode(): Text {
    return this.list ? this.list[0]!.node : this.node;
  }

  firstFrom(): number {
    return this.list ? this.list[0]!.from : this.from;
  }

  /** Whether `test` holds for the node of some piece. */
  someNode(test: (node: Text) => boolean): boolean {
    return this.list ? this.list.some((p) => test(p.node)) : test(this.node);
  }
}

export function firstPiece(m: PageMatch): TextPiece {
  return m.pieces[0]!;
}

export function lastPiece(m: PageMatch): TextPiece {
  return m.pieces[m.pieces.length - 1]!;
}

/** The text node the match starts in. */
export function firstNode(m: PageMatch): Text {
  return m instanceof RowPageMatch ? m.firstNode() : m.pieces[0]!.node;
}

/** Where the match starts in its first text node. */
export function firstFrom(m: PageMatch): number {
  return m instanceof RowPageMatch ? m.firstFrom() : m.pieces[0]!.from;
}

/** Whether `test` holds for some text node of the match. */
export function someNode(m: PageMatch, test: (node: Text) => boolean): boolean {
  return m instanceof RowPageMatch ? m.someNode(test) : m.pieces.some((p) => test(p.node));
}

/** Calls `visit` with each text node of the match, in order. */
export function forEachNode(m: PageMatch, visit: (node: Text) => void): void {
  someNode(m, (node) => {
    visit(node);
    return false;
  });
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
  return !someNode(m, (node) => !node.isConnected);
}

/** The text the match covers on the page now. */
export function pageText(m: PageMatch): string {
  return m.pieces.map((p) => p.node.data.slice(p.from, p.to)).join('');
}
