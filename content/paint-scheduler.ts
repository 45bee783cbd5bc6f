import { lowerBound, outwardOrder } from '../lib/page/order';
import { TAG_BLOCK, tagKind } from '../lib/page/tags';
import type { Painter } from './highlight-registry';
import type { PageMatch } from './page-match';
import { firstPiece, isAttached } from './page-match';
import { nextFrame } from './task-scheduler';

export interface PaintSchedulerOptions {
  painter: Painter;
  /** Told when the painter moved a match to other text nodes (the wrapping fallback). */
  onRepointed?: (m: PageMatch, oldNodes: readonly Text[]) => void;
  /** Most matches registered in one frame. */
  maxPerFrame?: number;
  /**
   * Above this many matches on the page, only those near the viewport are registered: the
   * browser rebuilds its highlight markers from every registered range on each frame where
   * the DOM or a highlight changed, so their number must stay bounded.
   */
  eagerLimit?: number;
  /** How far beyond the viewport matches are registered in windowed mode. */
  rootMargin?: string;
}

/**
 * Pages with up to this many matches get all of them registered (a news article has a few
 * dozen). Measured in Chromium on a 5 MB page: each registered range adds some 10–30 µs to every
 * frame in which the page's DOM or style changes, so more than this would tax dynamic pages.
 */
export const EAGER_LIMIT = 200;

/** The element around a match's first character. */
function anchorOf(m: PageMatch): Element | null {
  const parent = firstPiece(m).node.parentNode;
  if (parent instanceof Element) return parent;
  return parent instanceof ShadowRoot ? parent.host : null;
}

/**
 * Decides when matches reach the painter: all of them, a frame's worth at a time and those
 * near the viewport first, while they are few; beyond `eagerLimit`, only those whose element is
 * within a viewport or so of the screen (an IntersectionObserver keeps that window current).
 */
export class PaintScheduler {
  private readonly options: PaintSchedulerOptions;
  private readonly maxPerFrame: number;
  private readonly eagerLimit: number;
  private readonly wanted = new Set<PageMatch>();
  private queue: PageMatch[] = [];
  private flushScheduled = false;
  private waiting: Array<() => void> = [];
  private observer: IntersectionObserver | null = null;
  private readonly byAnchor = new Map<Element, Set<PageMatch>>();
  /** Windowed: the element observed for each match (its block), kept to unobserve the same one. */
  private readonly anchors = new Map<PageMatch, Element>();
  /** Element → its block-level ancestor (or itself), for the windowed anchors. */
  private readonly blockCache = new Map<Element, Element>();
  private readonly near = new Set<Element>();
  private unreported = 0;
  private readonly reported = new WeakSet<Element>();

  constructor(options: PaintSchedulerOptions) {
    this.options = options;
    this.maxPerFrame = options.maxPerFrame ?? 400;
    this.eagerLimit = options.eagerLimit ?? EAGER_LIMIT;
  }

  /** Whether only matches near the viewport are registered. */
  get windowed(): boolean {
    return this.observer !== null;
  }

  add(matches: readonly PageMatch[]): void {
    if (matches.length === 0) return;
    for (const m of matches) this.wanted.add(m);
    if (!this.observer && this.wanted.size > this.eagerLimit && this.options.painter.native && typeof IntersectionObserver === 'function') {
      this.startWindow();
      return;
    }
    if (this.observer) {
      for (const m of matches) this.observe(m);
      return;
    }
    for (const m of matches) this.queue.push(m);
    this.scheduleFlush();
  }

  remove(matches: readonly PageMatch[]): void {
    if (matches.length === 0) return;
    const gone = new Set(matches);
    for (const m of matches) {
      this.wanted.delete(m);
      if (this.observer) this.unobserve(m);
    }
    this.queue = this.queue.filter((m) => !gone.has(m));
    this.options.painter.unpaint(matches);
    this.settle();
  }

  clear(): void {
    this.wanted.clear();
    this.queue = [];
    this.observer?.disconnect();
    this.observer = null;
    this.byAnchor.clear();
    this.anchors.clear();
    this.blockCache.clear();
    this.near.clear();
    this.unreported = 0;
    this.options.painter.clear();
    this.settle();
  }

  /** Resolves once what was added so far is painted (or, windowed, placed). */
  whenPainted(): Promise<void> {
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private idle(): boolean {
    return this.queue.length === 0 && this.unreported === 0;
  }

  private settle(): void {
    if (!this.idle()) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    nextFrame(() => this.flush());
  }

  /** Registers up to a frame's worth of queued matches, those near the viewport first. */
  private flush(): void {
    this.flushScheduled = false;
    let take: PageMatch[];
    if (this.queue.length <= this.maxPerFrame) {
      take = this.queue;
      this.queue = [];
    } else {
      const queue = this.queue;
      const pivot = lowerBound(queue.length, (i) => (anchorOf(queue[i]!)?.getBoundingClientRect().bottom ?? 0) >= 0);
      const chosen = new Set(outwardOrder(queue.length, pivot).slice(0, this.maxPerFrame));
      take = queue.filter((_, i) => chosen.has(i));
      this.queue = queue.filter((_, i) => !chosen.has(i));
    }
    this.paint(take.filter(isAttached));
    if (this.queue.length > 0) this.scheduleFlush();
    else {
      performance.mark('tifa-lens:highlighted', { detail: { count: this.wanted.size, windowed: false } });
      this.settle();
    }
  }

  private paint(matches: readonly PageMatch[]): void {
    const { painter, onRepointed } = this.options;
    if (painter.native || !onRepointed) {
      painter.paint(matches);
      return;
    }
    const before = matches.map((m) => m.pieces.map((p) => p.node));
    painter.paint(matches);
    matches.forEach((m, i) => onRepointed(m, before[i]!));
  }

  private startWindow(): void {
    this.queue = [];
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), {
      rootMargin: this.options.rootMargin ?? '50% 0px',
    });
    for (const m of this.wanted) this.observe(m);
  }

  /**
   * The block a match sits in (a paragraph, a list item): observed rather than the match's own
   * inline element, so a dense page has one target per block, not one per bold word.
   */
  private blockAnchor(m: PageMatch): Element | null {
    const start = anchorOf(m);
    if (!start) return null;
    const cache = this.blockCache;
    let element: Element = start;
    const climbed: Element[] = [];
    let found: Element | undefined;
    for (;;) {
      found = cache.get(element);
      if (found) break;
      climbed.push(element);
      const parent = element.parentElement;
      if (tagKind(element.localName) & TAG_BLOCK || !parent) {
        found = element;
        break;
      }
      element = parent;
    }
    for (const e of climbed) cache.set(e, found);
    return found;
  }

  private observe(m: PageMatch): void {
    const anchor = this.blockAnchor(m);
    if (!anchor || !this.observer) return;
    this.anchors.set(m, anchor);
    let set = this.byAnchor.get(anchor);
    if (!set) {
      set = new Set();
      this.byAnchor.set(anchor, set);
      this.observer.observe(anchor);
      this.unreported++;
    }
    set.add(m);
    if (this.near.has(anchor)) this.options.painter.paint([m]);
  }

  private unobserve(m: PageMatch): void {
    const anchor = this.anchors.get(m);
    const set = anchor ? this.byAnchor.get(anchor) : undefined;
    this.anchors.delete(m);
    if (!anchor || !set) return;
    set.delete(m);
    if (set.size > 0) return;
    this.byAnchor.delete(anchor);
    this.near.delete(anchor);
    this.observer?.unobserve(anchor);
    if (!this.reported.has(anchor)) this.unreported = Math.max(0, this.unreported - 1);
  }

  private onIntersect(entries: readonly IntersectionObserverEntry[]): void {
    const placing = this.unreported > 0;
    const show: PageMatch[] = [];
    const hide: PageMatch[] = [];
    for (const entry of entries) {
      const anchor = entry.target;
      if (!this.reported.has(anchor)) {
        this.reported.add(anchor);
        this.unreported = Math.max(0, this.unreported - 1);
      }
      const set = this.byAnchor.get(anchor);
      if (!set) continue;
      if (entry.isIntersecting) {
        this.near.add(anchor);
        for (const m of set) if (!m.painted) show.push(m);
      } else {
        this.near.delete(anchor);
        for (const m of set) if (m.painted) hide.push(m);
      }
    }
    if (hide.length > 0) this.options.painter.unpaint(hide);
    if (show.length > 0) this.options.painter.paint(show.filter(isAttached));
    if (placing && this.idle()) {
      performance.mark('tifa-lens:highlighted', { detail: { count: this.wanted.size, windowed: true } });
      this.settle();
    }
  }
}
