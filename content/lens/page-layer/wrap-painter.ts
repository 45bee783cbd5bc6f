import { cutSegments } from '../../../lib/page/segments';
import type { StyledPiece } from '../../../lib/page/segments';
import type { Painter } from './highlight-painter';
import type { PageMatch, TextPiece } from './page-match';

/** Wrapper element names, by rank: a term wins over the quote it sits in. */
const TAGS = ['tifa-lens-quote', 'tifa-lens-term'] as const;
const RANK = { quote: 0, term: 1 } as const;

/** Runs DOM writes so that the mutation watcher does not take them for the page's. */
export type DomWriteGuard = (write: () => void) => void;

/**
 * The fallback for engines without CSS Custom Highlights: wraps matched text in custom elements
 * (styled by the content style sheet). It changes the DOM, so it is only used where nothing
 * else paints. Overlapping matches are cut into disjoint segments, so wrappers never nest.
 */
export class WrapPainter implements Painter {
  readonly native = false;
  private readonly wrappers = new Map<PageMatch, Element[]>();
  private readonly guard: DomWriteGuard;

  constructor(guard: DomWriteGuard = (write) => write()) {
    this.guard = guard;
  }

  paint(matches: readonly PageMatch[]): void {
    const fresh = matches.filter((m) => !this.wrappers.has(m));
    if (fresh.length === 0) return;
    const nodes: Text[] = [];
    const nodeIndex = new Map<Text, number>();
    const pieces: StyledPiece[] = [];
    fresh.forEach((m, owner) => {
      for (const p of m.pieces) {
        let chunk = nodeIndex.get(p.node);
        if (chunk === undefined) {
          chunk = nodes.push(p.node) - 1;
          nodeIndex.set(p.node, chunk);
        }
        pieces.push({ chunk, from: p.from, to: Math.min(p.to, p.node.length), rank: RANK[m.kind], owner });
      }
    });
    const segments = cutSegments(pieces);
    const newPieces: Array<Array<{ chunk: number; from: number; piece: TextPiece }>> = fresh.map(() => []);
    const newWrappers: Element[][] = fresh.map(() => []);
    this.guard(() => {
      for (const [chunk, list] of segments) {
        const node = nodes[chunk]!;
        const parent = node.parentNode;
        if (!parent) continue;
        // From the last segment back, so the offsets of earlier ones stay valid in `node`.
        for (let i = list.length - 1; i >= 0; i--) {
          const segment = list[i]!;
          if (segment.to < node.length) node.splitText(segment.to);
          const middle = segment.from > 0 ? node.splitText(segment.from) : node;
          const wrapper = node.ownerDocument.createElement(TAGS[segment.rank] ?? TAGS[0]);
          parent.insertBefore(wrapper, middle);
          wrapper.appendChild(middle);
          for (const owner of segment.owners) {
            newPieces[owner]!.push({ chunk, from: segment.from, piece: { node: middle, from: 0, to: middle.length } });
            newWrappers[owner]!.push(wrapper);
          }
        }
      }
    });
    fresh.forEach((m, owner) => {
      const list = newPieces[owner]!.sort((a, b) => a.chunk - b.chunk || a.from - b.from);
      if (list.length > 0) m.pieces = list.map((x) => x.piece);
      this.wrappers.set(m, newWrappers[owner]!);
    });
  }

  unpaint(matches: readonly PageMatch[]): void {
    const wrappers = new Set<Element>();
    for (const m of matches) {
      for (const w of this.wrappers.get(m) ?? []) wrappers.add(w);
      this.wrappers.delete(m);
    }
    // A wrapper shared with a match still painted stays.
    for (const list of this.wrappers.values()) for (const w of list) wrappers.delete(w);
    if (wrappers.size === 0) return;
    this.guard(() => {
      const parents = new Set<Node>();
      for (const wrapper of wrappers) {
        const parent = wrapper.parentNode;
        if (!parent) continue;
        while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
        wrapper.remove();
        parents.add(parent);
      }
      // Join the text the wrapping split.
      for (const parent of parents) parent.normalize();
    });
  }

  focus(): void {
    // No focus style without highlights: navigation still scrolls to the match.
  }

  styleShadowRoot(): void {
    // Wrappers in shadow roots stay unstyled: the fallback is kept small.
  }

  clear(): void {
    this.unpaint([...this.wrappers.keys()]);
  }
}
