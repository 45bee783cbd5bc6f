// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Painter } from '../../../../../content/lens/page-layer/highlight-painter';
import { MatchIndex } from '../../../../../content/lens/page-layer/match-index';
import { TermNavigator } from '../../../../../content/lens/page-layer/navigation';
import type { PageMatch } from '../../../../../content/lens/page-layer/page-match';
import { onTermActivate } from '../../../../../content/lens/term-events';
import type { TermHit } from '../../../../../content/lens/term-events';
import { setBody } from '../../support/fixture';

class FocusPainter implements Painter {
  readonly native = true;
  focused: PageMatch | null = null;
  paint(): void {}
  unpaint(): void {}
  focus(match: PageMatch | null): void {
    this.focused = match;
  }
  styleShadowRoot(): void {}
  clear(): void {}
}

/** Paragraph i sits at y = i * 300 − scroll; paragraphs marked data-hidden have no box. */
function layOut(scroll: number): void {
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
    const p = this.startContainer.parentElement!.closest('p')!;
    if (p.hasAttribute('data-hidden')) return new DOMRect(0, 0, 0, 0);
    const i = [...document.querySelectorAll('p')].indexOf(p);
    return new DOMRect(10, i * 300 - scroll, 80, 20);
  });
}

function build(entries: number[], hidden: number[] = []): { index: MatchIndex; matches: PageMatch[] } {
  setBody(entries.map((_, i) => `<p${hidden.includes(i) ? ' data-hidden' : ''}>term ${i}</p>`).join(''));
  const matches = [...document.querySelectorAll('p')].map((p, i): PageMatch => {
    const node = p.firstChild as Text;
    return {
      match: { kind: 'term', start: { chunk: i, offset: 0 }, end: { chunk: i, offset: 6 }, entry: entries[i]!, form: 'term' },
      kind: 'term',
      pieces: [{ node, from: 0, to: 6 }],
      painted: null,
    };
  });
  const index = new MatchIndex();
  index.add(matches, true);
  return { index, matches };
}

let hits: TermHit[] = [];
let unsubscribe: () => void = () => undefined;

beforeEach(() => {
  hits = [];
  unsubscribe = onTermActivate((hit) => hits.push(hit));
  window.scrollBy = vi.fn();
  Element.prototype.scrollIntoView = vi.fn();
});
afterEach(() => {
  unsubscribe();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('TermNavigator', () => {
  it('steps through the terms in document order from the screen, flashing and announcing each', () => {
    layOut(700);
    const { index, matches } = build([0, 1, 2, 3, 4, 5]);
    const painter = new FocusPainter();
    const nav = new TermNavigator({ index, painter, flashMs: 10 });
    // The first term at or below the top of the viewport is paragraph 3 (y = 200).
    expect(nav.nextTerm()?.index).toBe(3);
    expect(painter.focused).toBe(matches[3]);
    expect(nav.nextTerm()?.index).toBe(4);
    expect(nav.nextTerm()?.index).toBe(5);
    expect(nav.nextTerm()?.index).toBe(0);
    expect(nav.previousTerm()?.index).toBe(5);
    expect(hits.map((h) => [h.via, h.index, h.total])).toEqual([
      ['keyboard', 3, 6],
      ['keyboard', 4, 6],
      ['keyboard', 5, 6],
      ['keyboard', 0, 6],
      ['keyboard', 5, 6],
    ]);
  });

  it('starts "previous" at the last term above the bottom of the viewport', () => {
    layOut(0);
    const { index } = build([0, 1, 2, 3, 4, 5]);
    const nav = new TermNavigator({ index, painter: new FocusPainter() });
    // innerHeight 768: paragraphs 0–2 end above it.
    expect(nav.previousTerm()?.index).toBe(2);
  });

  it('goes to the next occurrence of one entry, cyclically, and skips terms without a box', () => {
    layOut(0);
    const { index } = build([7, 1, 7, 2, 7, 7], [4]);
    const nav = new TermNavigator({ index, painter: new FocusPainter() });
    expect(nav.scrollToEntry(7)?.index).toBe(0);
    expect(nav.scrollToEntry(7)?.index).toBe(2);
    expect(nav.scrollToEntry(7)?.index).toBe(5);
    expect(nav.scrollToEntry(7)?.index).toBe(0);
    expect(nav.scrollToEntry(9)).toBeNull();
  });

  it('takes the flash off after a moment', async () => {
    layOut(0);
    const { index } = build([0, 1]);
    const painter = new FocusPainter();
    const nav = new TermNavigator({ index, painter, flashMs: 5 });
    nav.nextTerm();
    expect(painter.focused).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(painter.focused).toBeNull();
  });

  it('has nothing to go to on a page without terms', () => {
    const nav = new TermNavigator({ index: new MatchIndex(), painter: new FocusPainter() });
    expect(nav.nextTerm()).toBeNull();
  });
});
