import { HIGHLIGHT_NAMES, HIGHLIGHT_PRIORITY, SHADOW_HIGHLIGHT_CSS } from './highlight-styles';
import type { PaintStyle } from './highlight-styles';
import type { PageMatch } from './page-match';
import { firstPiece, lastPiece } from './page-match';

/** Paints matches on the page and takes them off again. */
export interface Painter {
  /** True for CSS Custom Highlights (the page's DOM untouched); false for the wrapping fallback. */
  readonly native: boolean;
  paint(matches: readonly PageMatch[]): void;
  unpaint(matches: readonly PageMatch[]): void;
  /** Shows one match in the focus style (one at a time); null takes it off. */
  focus(match: PageMatch | null): void;
  /** Makes highlights inside an open shadow root of the page visible too. */
  styleShadowRoot(root: ShadowRoot): void;
  /**
   * Paints terms and quotes in the dense styles (tinted, without text decoration) or back in the
   * reader's: for pages where only the matches near the viewport are painted.
   */
  setDense?(dense: boolean): void;
  /** Takes everything off. */
  clear(): void;
}

/**
 * StaticRanges rather than live Ranges: the browser need not update thousands of them on every
 * DOM change of the page; when the page edits a block, the mutation watcher repaints it anyway.
 */
function staticRangeOf(m: PageMatch): AbstractRange {
  const first = firstPiece(m);
  const last = lastPiece(m);
  return new StaticRange({
    startContainer: first.node,
    startOffset: first.from,
    endContainer: last.node,
    endOffset: last.to,
  });
}

/** The part of the document's HighlightRegistry the painter uses. */
export interface HighlightRegistryLike {
  get(name: string): Highlight | undefined;
  set(name: string, highlight: Highlight): unknown;
}

/** CSS Custom Highlights: one named `Highlight` per style in the document's registry. */
export class HighlightPainter implements Painter {
  readonly native = true;
  private readonly registry: HighlightRegistryLike;
  private readonly highlights = new Map<PaintStyle, Highlight>();
  private readonly styled = new WeakSet<ShadowRoot>();
  private sheet: CSSStyleSheet | null = null;
  private focused: AbstractRange | null = null;
  private dense = false;

  constructor(registry: HighlightRegistryLike = CSS.highlights) {
    this.registry = registry;
  }

  paint(matches: readonly PageMatch[]): void {
    const term = this.highlight(this.dense ? 'dense-term' : 'term');
    const quote = this.highlight(this.dense ? 'dense-quote' : 'quote');
    for (const m of matches) {
      const range = m.painted ?? staticRangeOf(m);
      m.painted = range;
      (m.kind === 'term' ? term : quote).add(range);
    }
  }

  unpaint(matches: readonly PageMatch[]): void {
    if (matches.length === 0) return;
    const term = this.highlight(this.dense ? 'dense-term' : 'term');
    const quote = this.highlight(this.dense ? 'dense-quote' : 'quote');
    for (const m of matches) {
      if (!m.painted) continue;
      (m.kind === 'term' ? term : quote).delete(m.painted);
      if (this.focused === m.painted) this.focus(null);
      m.painted = null;
    }
  }

  focus(match: PageMatch | null): void {
    const focus = this.highlight('focus');
    if (this.focused) focus.delete(this.focused);
    this.focused = match ? staticRangeOf(match) : null;
    if (this.focused) focus.add(this.focused);
  }

  styleShadowRoot(root: ShadowRoot): void {
    if (this.styled.has(root)) return;
    this.styled.add(root);
    try {
      if (!this.sheet) {
        this.sheet = new CSSStyleSheet();
        this.sheet.replaceSync(SHADOW_HIGHLIGHT_CSS);
      }
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
    } catch {
      // A closed-off or foreign shadow root: its highlights just stay unstyled.
    }
  }

  setDense(dense: boolean): void {
    if (dense === this.dense) return;
    this.dense = dense;
    // What is painted moves over: the same ranges, in the other pair of highlights.
    const pairs: Array<[PaintStyle, PaintStyle]> = [
      ['term', 'dense-term'],
      ['quote', 'dense-quote'],
    ];
    for (const [plain, denseStyle] of pairs) {
      const from = this.highlight(dense ? plain : denseStyle);
      const to = this.highlight(dense ? denseStyle : plain);
      for (const range of from) to.add(range);
      from.clear();
    }
  }

  clear(): void {
    for (const highlight of this.highlights.values()) highlight.clear();
    this.focused = null;
  }

  private highlight(style: PaintStyle): Highlight {
    let highlight = this.highlights.get(style);
    if (!highlight) {
      highlight = new Highlight();
      highlight.priority = HIGHLIGHT_PRIORITY[style];
      this.highlights.set(style, highlight);
    }
    // Re-registered if the page cleared the registry.
    const name = HIGHLIGHT_NAMES[style];
    if (this.registry.get(name) !== highlight) this.registry.set(name, highlight);
    return highlight;
  }
}
