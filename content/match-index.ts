import type { PageMatch } from './page-match';

/** The node, then its shadow host, that host's host…: one node per tree, innermost first. */
function composedChain(node: Node): Node[] {
  const chain: Node[] = [node];
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    chain.push(root.host);
  }
  return chain;
}

/**
 * Document order across shadow boundaries: a node inside a shadow tree sorts where its host is
 * (`compareDocumentPosition` alone calls nodes of different trees "disconnected").
 */
export function compareNodes(a: Node, b: Node): number {
  if (a === b) return 0;
  const chainA = composedChain(a);
  const chainB = composedChain(b);
  for (let i = 0; i < chainA.length; i++) {
    const x = chainA[i]!;
    const root = x.getRootNode();
    const j = chainB.findIndex((y) => y.getRootNode() === root);
    if (j < 0) continue;
    const y = chainB[j]!;
    // Same host: the host itself comes before what its shadow tree holds.
    if (x === y) return i - j;
    const position = x.compareDocumentPosition(y);
    if (position & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
    if (position & Node.DOCUMENT_POSITION_PRECEDING) return 1;
    return 0;
  }
  return 0;
}

function compareMatches(a: PageMatch, b: PageMatch): number {
  const pa = a.pieces[0]!;
  const pb = b.pieces[0]!;
  return compareNodes(pa.node, pb.node) || pa.from - pb.from || (a.kind === b.kind ? 0 : a.kind === 'term' ? -1 : 1);
}

/** Every match painted on the page: in document order on demand, and by text node for hit-testing. */
export class MatchIndex {
  private list: PageMatch[] = [];
  private sorted = true;
  private readonly byNode = new Map<Text, PageMatch[]>();
  private termList: PageMatch[] | null = null;

  get size(): number {
    return this.list.length;
  }

  /** Adds matches; `inOrder` when they follow every match already held in document order. */
  add(matches: readonly PageMatch[], inOrder = false): void {
    if (matches.length === 0) return;
    if (!inOrder) this.sorted = false;
    for (const m of matches) {
      this.list.push(m);
      this.link(m);
    }
    this.termList = null;
  }

  /** Removes and returns the matches `drop` selects. */
  remove(drop: (m: PageMatch) => boolean): PageMatch[] {
    const removed: PageMatch[] = [];
    const kept: PageMatch[] = [];
    for (const m of this.list) (drop(m) ? removed : kept).push(m);
    if (removed.length === 0) return removed;
    this.list = kept;
    for (const m of removed) this.unlink(m);
    this.termList = null;
    return removed;
  }

  clear(): PageMatch[] {
    const all = this.list;
    this.list = [];
    this.byNode.clear();
    this.termList = null;
    this.sorted = true;
    return all;
  }

  /** Every match, in document order. */
  all(): readonly PageMatch[] {
    if (!this.sorted) {
      this.list.sort(compareMatches);
      this.sorted = true;
      this.termList = null;
    }
    return this.list;
  }

  /** The terms, in document order. */
  terms(): readonly PageMatch[] {
    const all = this.all();
    this.termList ??= all.filter((m) => m.kind === 'term');
    return this.termList;
  }

  /** The matches with a piece in this text node. */
  at(node: Text): readonly PageMatch[] {
    return this.byNode.get(node) ?? [];
  }

  /** Re-keys a match whose pieces changed nodes (the wrapping fallback splits text nodes). */
  relink(m: PageMatch, oldNodes: readonly Text[]): void {
    for (const node of oldNodes) this.detach(node, m);
    this.link(m);
  }

  private link(m: PageMatch): void {
    for (const piece of m.pieces) {
      const list = this.byNode.get(piece.node);
      if (!list) this.byNode.set(piece.node, [m]);
      else if (!list.includes(m)) list.push(m);
    }
  }

  private unlink(m: PageMatch): void {
    for (const piece of m.pieces) this.detach(piece.node, m);
  }

  private detach(node: Text, m: PageMatch): void {
    const list = this.byNode.get(node);
    if (!list) return;
    const i = list.indexOf(m);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.byNode.delete(node);
  }
}
