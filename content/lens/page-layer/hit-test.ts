import { boxesContain, pickBox } from '../../../lib/page/geometry';
import type { MatchIndex } from './match-index';
import type { PageMatch } from './page-match';
import { toRange } from './page-match';
import { emitTermActivate, emitTermLeave } from '../term-events';
import type { TermHit } from '../term-events';

/** How long the pointer rests on a match before it activates (ms). */
export const HOVER_DELAY_MS = 250;

interface CaretPoint {
  node: Node;
  offset: number;
}

/** The text position under a point; inside the given open shadow roots too. */
export function caretAt(doc: Document, x: number, y: number, shadowRoots: readonly ShadowRoot[] = []): CaretPoint | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y, { shadowRoots: [...shadowRoots] });
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** The position of a match among the page's matches of its kind, and their number. */
export function placeOf(index: MatchIndex, m: PageMatch): { index: number; total: number } {
  const list = m.kind === 'term' ? index.terms() : index.all().filter((x) => x.kind === 'quote');
  return { index: list.indexOf(m), total: list.length };
}

/** Builds what subscribers get for a match; `x, y` pick the line box the pointer is on. */
export function hitOf(index: MatchIndex, m: PageMatch, via: TermHit['via'], range: Range, x?: number, y?: number): TermHit {
  const rects = [...range.getClientRects()];
  const box = x !== undefined && y !== undefined ? pickBox(rects, x, y) : pickBox(rects, Number.NaN, Number.NaN);
  return { match: m.match, kind: m.kind, range, rect: box ?? range.getBoundingClientRect(), ...placeOf(index, m), via };
}

export interface HitTesterOptions {
  index: MatchIndex;
  /** Open shadow roots of the page whose text is painted. */
  shadowRoots?: () => readonly ShadowRoot[];
  hoverDelayMs?: number;
  /** Told of pointer activations (navigation continues from there). */
  onActivate?: (m: PageMatch) => void;
  /**
   * What opens a match (the reader's setting, read on every event so a change applies at once):
   * dwelling on it, dwelling with Alt held, or clicking it.
   */
  trigger?: () => 'hover' | 'hover-alt' | 'click';
  doc?: Document;
}

/**
 * Resolves the pointer to the match under it: the caret position from the point names the text
 * node, and the match's glyph boxes must contain the point (a caret is only the nearest spot,
 * also past the end of a line). After a short dwell it activates; leaving it tells subscribers.
 */
export class HitTester {
  private readonly options: HitTesterOptions;
  private readonly doc: Document;
  private x = 0;
  private y = 0;
  private hasPointer = false;
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private candidate: PageMatch | null = null;
  private active: { match: PageMatch; hit: TermHit } | null = null;

  private alt = false;

  // Every handler ignores events a page script dispatched (`isTrusted` false): the page must not
  // open cards on its own, nor learn by trying that the extension is there.
  private readonly onMove = (event: PointerEvent): void => {
    if (!event.isTrusted || event.pointerType === 'touch') return;
    this.x = event.clientX;
    this.y = event.clientY;
    this.alt = event.altKey;
    this.hasPointer = true;
    this.schedule();
  };
  private readonly onKey = (event: KeyboardEvent): void => {
    if (!event.isTrusted || event.key !== 'Alt' || this.alt === event.altKey) return;
    this.alt = event.altKey;
    if (this.hasPointer) this.schedule();
  };
  private readonly onClick = (event: MouseEvent): void => {
    if (!event.isTrusted || this.trigger() !== 'click') return;
    // The page's own click still happens: a term inside a link is still a link.
    this.x = event.clientX;
    this.y = event.clientY;
    this.hasPointer = true;
    const found = this.matchAt(this.x, this.y);
    if (found) {
      this.settle(null);
      this.activate(found.match);
    }
  };
  private readonly onScroll = (event: Event): void => {
    if (event.isTrusted && this.hasPointer) this.schedule();
  };
  private readonly onOut = (event: PointerEvent): void => {
    // Out of the window altogether.
    if (event.isTrusted && event.relatedTarget === null) {
      this.hasPointer = false;
      this.settle(null);
    }
  };

  constructor(options: HitTesterOptions) {
    this.options = options;
    this.doc = options.doc ?? document;
  }

  private trigger(): 'hover' | 'hover-alt' | 'click' {
    return this.options.trigger?.() ?? 'hover';
  }

  start(): void {
    const view = this.doc.defaultView;
    if (!view) return;
    view.addEventListener('pointermove', this.onMove, { capture: true, passive: true });
    view.addEventListener('pointerout', this.onOut, { capture: true, passive: true });
    view.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    view.addEventListener('keydown', this.onKey, { capture: true, passive: true });
    view.addEventListener('keyup', this.onKey, { capture: true, passive: true });
    view.addEventListener('click', this.onClick, { capture: true, passive: true });
  }

  stop(): void {
    const view = this.doc.defaultView;
    if (view) {
      view.removeEventListener('pointermove', this.onMove, { capture: true });
      view.removeEventListener('pointerout', this.onOut, { capture: true });
      view.removeEventListener('scroll', this.onScroll, { capture: true });
      view.removeEventListener('keydown', this.onKey, { capture: true });
      view.removeEventListener('keyup', this.onKey, { capture: true });
      view.removeEventListener('click', this.onClick, { capture: true });
      if (this.frame) view.cancelAnimationFrame(this.frame);
    }
    this.frame = 0;
    this.settle(null);
  }

  /** The match under a viewport point, with a live Range over it; terms win over quotes. */
  matchAt(x: number, y: number): { match: PageMatch; range: Range } | null {
    const { index } = this.options;
    if (index.size === 0) return null;
    const caret = caretAt(this.doc, x, y, this.options.shadowRoots?.() ?? []);
    if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
    const candidates = [...index.at(caret.node as Text)].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'term' ? -1 : 1));
    for (const m of candidates) {
      const range = toRange(m);
      if (boxesContain(range.getClientRects(), x, y)) return { match: m, range };
    }
    return null;
  }

  private schedule(): void {
    if (this.frame) return;
    const view = this.doc.defaultView;
    if (!view) return;
    this.frame = view.requestAnimationFrame(() => {
      this.frame = 0;
      const found = this.hasPointer ? this.matchAt(this.x, this.y) : null;
      this.settle(found?.match ?? null);
    });
  }

  /** Moves the hover state to `m` (or nowhere): leave the old one, start the dwell on the new. */
  private settle(m: PageMatch | null): void {
    if (m !== null && (m === this.active?.match || m === this.candidate)) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.candidate = null;
    if (this.active) {
      const { hit } = this.active;
      this.active = null;
      emitTermLeave(hit);
    }
    if (m === null) return;
    const trigger = this.trigger();
    // With a click trigger, or Alt not held, hovering only leaves the previous match.
    if (trigger === 'click' || (trigger === 'hover-alt' && !this.alt)) return;
    this.candidate = m;
    this.timer = setTimeout(() => this.activate(m), this.options.hoverDelayMs ?? HOVER_DELAY_MS);
  }

  private activate(m: PageMatch): void {
    this.timer = null;
    this.candidate = null;
    // Still under the pointer (the page may have scrolled or changed during the dwell)?
    const found = this.matchAt(this.x, this.y);
    if (found?.match !== m) {
      this.settle(found?.match ?? null);
      return;
    }
    const hit = hitOf(this.options.index, m, 'pointer', found.range, this.x, this.y);
    this.active = { match: m, hit };
    this.options.onActivate?.(m);
    emitTermActivate(hit);
  }
}
