// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Painter } from '../../../content/highlight-registry';
import { MatchIndex } from '../../../content/match-index';
import type { PageMatch } from '../../../content/page-match';
import { pageText } from '../../../content/page-match';
import { PageScanner } from '../../../content/page-scanner';
import { PaintScheduler } from '../../../content/paint-scheduler';
import { compileMatcher } from '../../../lib/match/index';
import { setBody } from './support/fixture';

const QUOTE = '道虽迩，不行不至；事虽小，不为不成';

const matcher = compileMatcher(
  [
    { form: '一带一路', entry: 0, script: 'hans' },
    { form: '多边主义', entry: 1, script: 'hans' },
    { form: 'Belt and Road', entry: 0, script: 'en' },
  ],
  [{ doc: 0, para: 0, text: `古人说：${QUOTE}。` }],
);

/** Paints into a list, as the CSS painter would into CSS.highlights. */
class ListPainter implements Painter {
  readonly native = true;
  readonly painted = new Set<PageMatch>();
  paint(matches: readonly PageMatch[]): void {
    for (const m of matches) this.painted.add(m);
  }
  unpaint(matches: readonly PageMatch[]): void {
    for (const m of matches) this.painted.delete(m);
  }
  focus(): void {}
  styleShadowRoot(): void {}
  clear(): void {
    this.painted.clear();
  }
  texts(kind: 'term' | 'quote' = 'term'): string[] {
    return [...this.painted].filter((m) => m.kind === kind).map(pageText);
  }
}

function setup(sliceMs?: number, eagerLimit = Infinity): { scanner: PageScanner; painter: ListPainter; index: MatchIndex } {
  const painter = new ListPainter();
  const index = new MatchIndex();
  const scheduler = new PaintScheduler({ painter, eagerLimit });
  const scanner = new PageScanner({ matcher: () => matcher, scheduler, index, sliceMs });
  return { scanner, painter, index };
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

/** An IntersectionObserver the test drives: `near` decides what is near the viewport. */
function stubIntersections(near: (element: Element) => boolean): { observed: Set<Element>; report(): void } {
  const observed = new Set<Element>();
  type Callback = (entries: Array<{ target: Element; isIntersecting: boolean }>) => void;
  let callback: Callback = () => undefined;
  class FakeObserver {
    constructor(cb: Callback) {
      callback = cb;
    }
    observe(element: Element): void {
      observed.add(element);
    }
    unobserve(element: Element): void {
      observed.delete(element);
    }
    disconnect(): void {
      observed.clear();
    }
  }
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  return {
    observed,
    report() {
      callback([...observed].map((target) => ({ target, isIntersecting: near(target) })));
    },
  };
}

describe('PageScanner', () => {
  it('paints terms split by inline tags and quotes, not across blocks or where text is not read', async () => {
    setBody(
      '<p>共建“<b>一带</b>一路”</p><p>一带</p><p>一路</p><p>the <i>Belt</i> and Road</p>' +
        `<p>${QUOTE}</p><textarea>多边主义</textarea><div contenteditable="true">多边主义</div>` +
        '<script>"多边主义"</script><div style="display:none">多边主义</div>',
    );
    const { scanner, painter } = setup();
    const report = await scanner.scan([document.body], 'initial');
    expect(painter.texts()).toEqual(['一带一路', 'Belt and Road']);
    expect(painter.texts('quote')).toEqual([QUOTE]);
    expect(report.matches).toBe(3);
    const split = [...painter.painted][0]!;
    expect(split.pieces.map((p) => p.node.data)).toEqual(['一带', '一路”']);
  });

  it('records the pass as a tifa-lens:scan measure', async () => {
    setBody('<p>一带一路</p>');
    performance.clearMeasures('tifa-lens:scan');
    await setup().scanner.scan([document.body], 'initial');
    const [measure] = performance.getEntriesByName('tifa-lens:scan') as PerformanceMeasure[];
    expect(measure?.detail).toMatchObject({ reason: 'initial', matches: 1, textNodes: 1 });
  });

  it('works in slices and finds the same as in one pass', async () => {
    setBody(Array.from({ length: 300 }, (_, i) => `<p>第${i}段：共建<b>一带</b>一路。</p>`).join(''));
    const sliced = setup(0);
    const report = await sliced.scanner.scan([document.body], 'initial');
    expect(report.slices).toBeGreaterThan(1);
    expect(sliced.painter.texts()).toHaveLength(300);
    expect(sliced.index.terms().map(pageText)).toEqual(Array.from({ length: 300 }, () => '一带一路'));
  });

  it('replaces the matches of a rescanned block and drops those of removed nodes', async () => {
    setBody('<p id="a">一带一路</p><p id="b">多边主义</p><p id="c">一带一路</p>');
    const { scanner, painter, index } = setup();
    await scanner.scan([document.body], 'initial');
    expect(painter.texts()).toEqual(['一带一路', '多边主义', '一带一路']);
    const a = document.getElementById('a')!;
    a.textContent = '坚持多边主义和一带一路';
    document.getElementById('c')!.remove();
    await scanner.scan([a], 'mutation');
    expect(index.terms().map(pageText)).toEqual(['多边主义', '一带一路', '多边主义']);
    expect(painter.painted.size).toBe(3);
  });

  it('empties everything on reset', async () => {
    setBody('<p>一带一路</p>');
    const { scanner, painter, index } = setup();
    await scanner.scan([document.body], 'initial');
    scanner.reset();
    expect(painter.painted.size).toBe(0);
    expect(index.size).toBe(0);
  });

  it('registers only matches near the viewport on a page with very many', async () => {
    const io = stubIntersections((element) => Number(element.id.slice(1)) < 5);
    setBody(Array.from({ length: 30 }, (_, i) => `<p id="p${i}">一带一路</p>`).join(''));
    const { scanner, painter, index } = setup(undefined, 10);
    const done = scanner.scan([document.body], 'initial');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(io.observed.size).toBe(30);
    io.report();
    await done;
    expect(index.size).toBe(30);
    expect(painter.painted.size).toBe(5);
  });
});
