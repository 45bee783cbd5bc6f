import { findCyclic, lowerBound } from '../../../lib/page/order';
import type { Painter } from './highlight-painter';
import { hitOf } from './hit-test';
import type { MatchIndex } from './match-index';
import type { PageMatch } from './page-match';
import { toRange } from './page-match';
import { emitTermActivate } from '../term-events';
import type { TermHit } from '../term-events';

/** How long a match navigated to stays in the focus style (ms). */
export const FLASH_MS = 1600;

export interface NavigatorOptions {
  index: MatchIndex;
  painter: Painter;
  flashMs?: number;
}

function isRendered(m: PageMatch): boolean {
  const rect = toRange(m).getBoundingClientRect();
  return rect.width > 0 || rect.height > 0;
}

/**
 * Keyboard navigation over the page's terms in document order: each step scrolls the term into
 * view, flashes it and activates it (as `via: 'keyboard'`) for the card.
 */
export class TermNavigator {
  private readonly options: NavigatorOptions;
  private current: PageMatch | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: NavigatorOptions) {
    this.options = options;
  }

  /** Where the next step starts from (the pointer activated a term, say). */
  setCurrent(m: PageMatch | null): void {
    this.current = m;
  }

  nextTerm(): TermHit | null {
    return this.step(1, () => true);
  }

  previousTerm(): TermHit | null {
    return this.step(-1, () => true);
  }

  /** Goes to the next occurrence (cyclically) of glossary entry `entry`. */
  scrollToEntry(entry: number): TermHit | null {
    return this.step(1, (m) => (m.entry ?? m.match.entry) === entry);
  }

  /** Takes the flash off and forgets the position. */
  reset(): void {
    if (this.flashTimer !== null) clearTimeout(this.flashTimer);
    this.flashTimer = null;
    this.options.painter.focus(null);
    this.current = null;
  }

  private step(direction: 1 | -1, wanted: (m: PageMatch) => boolean): TermHit | null {
    const terms = this.options.index.terms();
    if (terms.length === 0) return null;
    const at = this.current ? terms.indexOf(this.current) : -1;
    const from = at >= 0 ? at : this.startFromViewport(terms, direction);
    const found = findCyclic(terms, from, direction, (m) => wanted(m) && isRendered(m));
    if (found < 0) return null;
    return this.focus(terms[found]!);
  }

  /**
   * With no current term, the step starts at the screen: "next" finds the first term at or
   * below the top of the viewport, "previous" the last one above its bottom.
   */
  private startFromViewport(terms: readonly PageMatch[], direction: 1 | -1): number {
    const height = window.innerHeight;
    if (direction === 1) {
      const first = lowerBound(terms.length, (i) => toRange(terms[i]!).getBoundingClientRect().top >= 0);
      return first - 1;
    }
    const past = lowerBound(terms.length, (i) => toRange(terms[i]!).getBoundingClientRect().bottom > height);
    return past;
  }

  private focus(m: PageMatch): TermHit {
    this.current = m;
    const range = toRange(m);
    scrollRangeIntoView(range);
    const { painter } = this.options;
    painter.focus(m);
    if (this.flashTimer !== null) clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => {
      this.flashTimer = null;
      painter.focus(null);
    }, this.options.flashMs ?? FLASH_MS);
    const hit = hitOf(this.options.index, m, 'keyboard', range);
    emitTermActivate(hit);
    return hit;
  }
}

/** Scrolls so the range sits mid-screen: its element first (nested scrollers), then the window. */
export function scrollRangeIntoView(range: Range): void {
  const node = range.startContainer;
  const element = node instanceof Element ? node : node.parentElement;
  element?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const rect = range.getBoundingClientRect();
  const height = window.innerHeight;
  if (rect.top < 0 || rect.bottom > height || rect.top > height * 0.75) {
    window.scrollBy({ top: rect.top - height / 2 + rect.height / 2 });
  }
}
