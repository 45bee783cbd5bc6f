// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HighlightPainter } from '../../../../../content/lens/page-layer/highlight-painter';
import { HIGHLIGHT_NAMES, SHADOW_HIGHLIGHT_CSS } from '../../../../../content/lens/page-layer/highlight-styles';
import type { PageMatch } from '../../../../../content/lens/page-layer/page-match';
import { setBody } from '../../support/fixture';
import { stubHighlightApi } from '../../../support/fake-highlights';

let registry: Map<string, Highlight>;

beforeEach(() => {
  registry = stubHighlightApi();
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

function match(node: Text, from: number, to: number, kind: 'term' | 'quote'): PageMatch {
  return {
    match: { kind, start: { chunk: 0, offset: from }, end: { chunk: 0, offset: to }, entry: 0, form: '' },
    kind,
    pieces: [{ node, from, to }],
    painted: null,
  };
}

/** A page with a quote holding a term, both painted. */
function paintTermInQuote(): { node: Text; painter: HighlightPainter; term: PageMatch; quote: PageMatch } {
  setBody('<p>道虽迩，不行不至</p>');
  const node = document.querySelector('p')!.firstChild as Text;
  const painter = new HighlightPainter(registry);
  const term = match(node, 0, 3, 'term');
  const quote = match(node, 0, 8, 'quote');
  painter.paint([term, quote]);
  return { node, painter, term, quote };
}

describe('HighlightPainter', () => {
  it('registers terms and quotes in their named highlights, terms above quotes, and takes them off', () => {
    const { node, painter, term, quote } = paintTermInQuote();
    const terms = registry.get(HIGHLIGHT_NAMES.term)!;
    const quotes = registry.get(HIGHLIGHT_NAMES.quote)!;
    expect(terms.size).toBe(1);
    expect(quotes.size).toBe(1);
    expect(terms.priority).toBeGreaterThan(quotes.priority);
    const range = [...terms][0]!;
    expect([range.startContainer, range.startOffset, range.endContainer, range.endOffset]).toEqual([node, 0, node, 3]);
    painter.unpaint([term]);
    expect(terms.size).toBe(0);
    expect(term.painted).toBeNull();
    expect(quotes.size).toBe(1);
  });

  it('paints dense pages tinted only: what is painted moves to the dense highlights and back', () => {
    const { node, painter, term, quote } = paintTermInQuote();
    painter.setDense(true);
    const sizes = (): number[] => (['term', 'quote', 'dense-term', 'dense-quote'] as const).map((s) => registry.get(HIGHLIGHT_NAMES[s])?.size ?? 0);
    expect(sizes()).toEqual([0, 0, 1, 1]);
    const later = match(node, 4, 8, 'term');
    painter.paint([later]);
    expect(sizes()).toEqual([0, 0, 2, 1]);
    painter.unpaint([term]);
    expect(sizes()).toEqual([0, 0, 1, 1]);
    painter.setDense(false);
    expect(sizes()).toEqual([1, 1, 0, 0]);
    expect([...registry.get(HIGHLIGHT_NAMES.term)!][0]).toBe(later.painted);
    // The dense styles have no text decoration (what makes Chromium re-measure overflow).
    const dense = [...SHADOW_HIGHLIGHT_CSS.matchAll(/::highlight\(tifa-lens-dense-[a-z]+\)\s*\{([^}]*)\}/gu)].map((m) => m[1]!);
    expect(dense).toHaveLength(2);
    for (const rules of dense) expect(rules).not.toMatch(/text-decoration|text-shadow/u);
  });

  it('flashes one match at a time in the focus highlight', () => {
    setBody('<p>一带一路 多边主义</p>');
    const node = document.querySelector('p')!.firstChild as Text;
    const painter = new HighlightPainter(registry);
    painter.focus(match(node, 0, 4, 'term'));
    painter.focus(match(node, 5, 9, 'term'));
    const focus = registry.get(HIGHLIGHT_NAMES.focus)!;
    expect(focus.size).toBe(1);
    painter.focus(null);
    expect(focus.size).toBe(0);
  });

  it('registers its highlights again if the page cleared the registry', () => {
    setBody('<p>一带一路</p>');
    const node = document.querySelector('p')!.firstChild as Text;
    const painter = new HighlightPainter(registry);
    painter.paint([match(node, 0, 4, 'term')]);
    registry.clear();
    painter.paint([match(node, 0, 2, 'term')]);
    expect(registry.get(HIGHLIGHT_NAMES.term)!.size).toBe(2);
  });
});

describe('highlight style sheets', () => {
  it('gives shadow roots the content style sheet, with a ::highlight rule for every highlight name', () => {
    const css = readFileSync('assets/content.css', 'utf8');
    expect(SHADOW_HIGHLIGHT_CSS).toBe(css);
    for (const name of Object.values(HIGHLIGHT_NAMES)) expect(css).toContain(`::highlight(${name}) {`);
  });
});
