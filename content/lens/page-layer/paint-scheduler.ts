import { lowerBound, outwardOrder } from '../../../lib/page/order';
import { TAG_BLOCK, tagKind } from '../../../lib/page/tags';
import type { Painter } from './highlight-painter';
import type { PageMatch } from './page-match';
import { compareNodes } from './match-index';
import { firstFrom, firstNode, isAttached } from './page-match';
import { nextFrame } from '../../shared/task-scheduler';
import { traceMark } from '../../shared/trace';

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
  /** Most blocks an IntersectionObserver watches; beyond, the window follows scrolling by position. */
  maxObserved?: number;
}

/**
 * Pages with up to this many matches get all of them registered (a news article has a few
 * dozen). Measured in Chromium on a 5 MB page: each registered range adds some 10–30 µs to every
 * frame in which the page's DOM or style changes, so more than this would tax dynamic pages.
 */
export const EAGER_LIMIT = 200;

/**
 * Most blocks watched by the IntersectionObserver. The browser works out every observed target's
 * intersection on each frame in which anything moved: with the 14,000 paragraphs of a 5 MB page
 * that took 20–40 ms a frame. Beyond this many, the window is found by position instead.
 */
export const MAX_OBSERVED = 300;

/** Most matches registered at once in the positioned window (each one costs every frame a little). */
const MAX_POSITIONED = 400;

/** Out-of-order matches (rescanned blocks) looked at one by one; more are merged into the order. */
const MAX_LOOSE = 64;

/** How far beyond the viewport, in viewport heights, the positioned window reaches on each side. */
const POSITIONED_MARGIN = 0.5;

/** Runs `callback` in a new task (a MessageChannel message: not clamped or throttled like timers). */
function afterThisTask(callback: () => void): void {
  if (typeof MessageChannel !== 'function') {
    setTimeout(callback, 0);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(null);
}

/** The element around a match's first character. */
function anchorOf(m: PageMatch): Element | null {
  const parent = firstNode(m).parentNode;
  if (parent instanceof Element) return parent;
  return parent instanceof ShadowRoot ? parent.host : null;
}

/**
 * Decides when matches reach the painter: all of them, a frame's worth at a time and those
 * near the viewport first, while they are few; beyond `eagerLimit`, only those whose block is
 * within a viewport or so of the screen: an IntersectionObserver keeps that window current while
 * the blocks are not too many to observe, the blocks' positions (binary search, on scroll) beyond.
 */
export class PaintScheduler {
  private readonly options: PaintSchedulerOptions;
  private readonly maxPerFrame: number;
  private readonly eagerLimit: number;
  /** Every match to paint, until the positioned window takes over (it holds them in its order). */
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
  private readonly maxObserved: number;
  /** Positioned window: the matches in document order (as scanned), and those added out of order. */
  private positioned: { ordered: PageMatch[]; loose: Set<PageMatch>; painted: Set<PageMatch> } | null = null;
  private updateScheduled = false;
  private placing = false;
  private readonly onMove = (): void => this.scheduleUpdate();
  private resizeObserver: ResizeObserver | null = null;

  constructor(options: PaintSchedulerOptions) {
    this.options = options;
    this.maxPerFrame = options.maxPerFrame ?? 400;
    this.eagerLimit = options.eagerLimit ?? EAGER_LIMIT;
    this.maxObserved = options.maxObserved ?? MAX_OBSERVED;
  }

  /** Whether only matches near the viewport are registered. */
  get windowed(): boolean {
    return this.observer !== null || this.positioned !== null;
  }

  /** Adds matches to paint; `inOrder` when they follow all those added before in document order. */
  add(matches: readonly PageMatch[], inOrder = false): void {
    if (matches.length === 0) return;
    // Positioned, the matches are held in its order alone (a set of 100k+ costs as they arrive).
    if (this.positioned) {
      this.place(matches, inOrder);
      return;
    }
    for (const m of matches) this.wanted.add(m);
    if (!this.observer && this.wanted.size > this.eagerLimit && this.options.painter.native && typeof IntersectionObserver === 'function') {
      this.startWindow();
      return;
    }
    if (this.observer) {
      for (const m of matches) this.observe(m);
      if (this.byAnchor.size > this.maxObserved) this.startPositioned();
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
    const positioned = this.positioned;
    if (positioned) {
      positioned.ordered = positioned.ordered.filter((m) => !gone.has(m));
      for (const m of matches) {
        positioned.loose.delete(m);
        positioned.painted.delete(m);
      }
    }
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
    this.stopPositioned();
    this.options.painter.clear();
    this.options.painter.setDense?.(false);
    this.settle();
  }

  /** Resolves once what was added so far is painted (or, windowed, placed). */
  whenPainted(): Promise<void> {
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private idle(): boolean {
    return this.queue.length === 0 && this.unreported === 0 && !this.placing;
  }

  private settle(): void {
    if (!this.idle() || this.waiting.length === 0) return;
    const waiting = this.waiting;
    this.waiting = [];
    // In a task of its own: called from a frame callback, what awaits the paint (the page summary
    // of `tifa-lens:ready`) would otherwise delay the very frame that shows the highlights.
    afterThisTask(() => {
      for (const resolve of waiting) resolve();
    });
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
      traceMark('tifa-lens:highlighted', { count: this.wanted.size, windowed: false });
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
    // Many matches: painted tinted only, so that updating the window stays cheap (highlight-styles.ts).
    this.options.painter.setDense?.(true);
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

  /**
   * From the IntersectionObserver to the positioned window: too many blocks to observe. The
   * matches are kept in document order and the window is found by binary search on their blocks'
   * positions whenever the page scrolls, resizes or grows: a few dozen rectangles a frame.
   */
  private startPositioned(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.byAnchor.clear();
    this.near.clear();
    this.unreported = 0;
    const painted = new Set<PageMatch>();
    for (const m of this.wanted) if (m.painted) painted.add(m);
    // Scan order is document order, but for shadow roots (walked after their tree) and rescans.
    this.positioned = { ordered: [...this.wanted], loose: new Set(), painted };
    this.wanted.clear();
    this.placing = true;
    addEventListener('scroll', this.onMove, { capture: true, passive: true });
    addEventListener('resize', this.onMove, { passive: true });
    if (typeof ResizeObserver === 'function') {
      this.resizeObserver = new ResizeObserver(this.onMove);
      this.resizeObserver.observe(document.documentElement);
    }
    this.scheduleUpdate();
  }

  private stopPositioned(): void {
    if (!this.positioned) return;
    this.positioned = null;
    this.placing = false;
    removeEventListener('scroll', this.onMove, { capture: true });
    removeEventListener('resize', this.onMove);
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
  }

  private place(matches: readonly PageMatch[], inOrder: boolean): void {
    const positioned = this.positioned!;
    for (const m of matches) {
      if (inOrder) positioned.ordered.push(m);
      else positioned.loose.add(m);
    }
    this.placing = true;
    this.scheduleUpdate();
  }

  private scheduleUpdate(): void {
    if (this.updateScheduled || !this.positioned) return;
    this.updateScheduled = true;
    nextFrame(() => this.update());
  }

  /** Registers the matches whose blocks are within the window around the viewport, and only them. */
  private update(): void {
    this.updateScheduled = false;
    const positioned = this.positioned;
    if (!positioned) return;
    if (positioned.loose.size > MAX_LOOSE) this.mergeLoose(positioned);
    const { ordered, loose, painted } = positioned;
    // The first registration covers the viewport alone, and the margins follow a frame later:
    // the frame that first paints highlights stays short (its cost grows with the ranges).
    const first = painted.size === 0;
    const margin = first ? 0 : POSITIONED_MARGIN;
    const cap = first ? MAX_POSITIONED / 2 : MAX_POSITIONED;
    const height = innerHeight || document.documentElement.clientHeight;
    const top = -margin * height;
    const bottom = (1 + margin) * height;
    const rect = (m: PageMatch): DOMRect | null => this.blockAnchor(m)?.getBoundingClientRect() ?? null;
    // The first match whose block reaches below the window's top, the first that starts below its
    // bottom; where they are too many, those from a little above the viewport on.
    const reaches = (edge: number) => (i: number) => (rect(ordered[i]!)?.bottom ?? 0) >= edge;
    let from = lowerBound(ordered.length, reaches(top));
    from = Math.max(from, lowerBound(ordered.length, reaches(0)) - cap / 4);
    let to = lowerBound(ordered.length, (i) => (rect(ordered[i]!)?.top ?? 0) > bottom);
    to = Math.max(from, Math.min(to, from + cap));
    const want = new Set<PageMatch>();
    for (let i = from; i < to; i++) want.add(ordered[i]!);
    // Out-of-order matches (shadow roots, rescanned blocks) are few: each is looked at.
    for (const m of loose) {
      const r = rect(m);
      if (r && r.bottom >= top && r.top <= bottom) want.add(m);
    }
    const hide: PageMatch[] = [];
    for (const m of painted) if (!want.has(m)) hide.push(m);
    const show: PageMatch[] = [];
    for (const m of want) if (!painted.has(m) && isAttached(m)) show.push(m);
    if (hide.length > 0) {
      this.options.painter.unpaint(hide);
      for (const m of hide) painted.delete(m);
    }
    if (show.length > 0) {
      this.options.painter.paint(show);
      for (const m of show) painted.add(m);
      if (first) this.scheduleUpdate();
    }
    if (this.placing) {
      this.placing = false;
      traceMark('tifa-lens:highlighted', { count: ordered.length + loose.size, windowed: true });
      this.settle();
    }
  }

  /** Puts the out-of-order matches in their places (binary search by document order). */
  private mergeLoose(positioned: { ordered: PageMatch[]; loose: Set<PageMatch> }): void {
    const { ordered } = positioned;
    for (const m of positioned.loose) {
      const node = firstNode(m);
      const from = firstFrom(m);
      const at = lowerBound(ordered.length, (i) => {
        const other = ordered[i]!;
        const order = compareNodes(firstNode(other), node);
        return order > 0 || (order === 0 && firstFrom(other) > from);
      });
      ordered.splice(at, 0, m);
    }
    positioned.loose.clear();
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
      traceMark('tifa-lens:highlighted', { count: this.wanted.size, windowed: true });
      this.settle();
    }
  }
}
