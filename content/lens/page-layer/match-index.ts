import type { PageMatch } from './page-match';
import { firstFrom, firstNode, forEachNode } from './page-match';

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
  return compareNodes(firstNode(a), firstNode(b)) || firstFrom(a) - firstFrom(b) || (a.kind === b.kind ? 0 : a.kind === 'term' ? -1 : 1);
}

/** Every match painted on the page: in document order on demand, and by text node for hit-testing. */
export class MatchIndex {
  private list: PageMatch[] = [];
  private sorted = true;
  /**
   * Text node → its matches, for hit-testing: built on the first lookup, not as matches arrive
   * (a dense page adds 100k+ matches while the reader has not pointed at any yet).
   */
  private byNode: Map<Text, PageMatch[]> | null = null;
  private termList: PageMatch[] | null = null;

  get size(): number {
    return this.list.length;
  }

  /** Adds matches; `inOrder` when they follow every match already held in document order. */
  add(matches: readonly PageMatch[], inOrder = false): void {
    if (matches.length === 0) return;
    if (!inOrder) this.sorted = false;
    const list = this.list;
    for (const m of matches) list.push(m);
    const byNode = this.byNode;
    if (byNode) for (const m of matches) link(byNode, m);
    this.termList = null;
  }

  /** Removes and returns the matches `drop` selects. */
  remove(drop: (m: PageMatch) => boolean): PageMatch[] {
    const removed: PageMatch[] = [];
    const kept: PageMatch[] = [];
    for (const m of this.list) (drop(m) ? removed : kept).push(m);
    if (removed.length === 0) return removed;
    this.list = kept;
    const byNode = this.byNode;
    if (byNode) for (const m of removed) forEachNode(m, (node) => detach(byNode, node, m));
    this.termList = null;
    return removed;
  }

  clear(): PageMatch[] {
    const all = this.list;
    this.list = [];
    this.byNode = null;
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
    return this.nodeMap().get(node) ?? [];
  }

  /** Re-keys a match whose pieces changed nodes (the wrapping fallback splits text nodes). */
  relink(m: PageMatch, oldNodes: readonly Text[]): void {
    const byNode = this.byNode;
    if (!byNode) return;
    for (const node of oldNodes) detach(byNode, node, m);
    link(byNode, m);
  }

  private nodeMap(): Map<Text, PageMatch[]> {
    if (this.byNode) return this.byNode;
    const byNode = new Map<Text, PageMatch[]>();
    for (const m of this.list) link(byNode, m);
    this.byNode = byNode;
    return byNode;
  }
}

function link(byNode: Map<Text, PageMatch[]>, m: PageMatch): void {
  forEachNode(m, (node) => {
    const list = byNode.get(node);
    if (!list) byNode.set(node, [m]);
    else if (!list.includes(m)) list.push(m);
  });
}

function detach(byNode: Map<Text, PageMatch[]>, node: Text, m: PageMatch): void {
  const list = byNode.get(node);
  if (!list) return;
  const i = list.indexOf(m);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) byNode.delete(node);
}
