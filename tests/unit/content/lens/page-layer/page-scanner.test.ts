// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Painter } from '../../../../../content/lens/page-layer/highlight-painter';
import { MatchIndex } from '../../../../../content/lens/page-layer/match-index';
import type { PageMatch } from '../../../../../content/lens/page-layer/page-match';
import { pageText } from '../../../../../content/lens/page-layer/page-match';
import { PageScanner, shownMatches } from '../../../../../content/lens/page-layer/page-scanner';
import { PaintScheduler } from '../../../../../content/lens/page-layer/paint-scheduler';
import { compileMatcher } from '../../../../../lib/match/index';
import type { Boundary, Matcher, Pattern } from '../../../../../lib/match/index';
import { setBody } from '../../support/fixture';
import { clearTrace, traceEntries } from '../../../../../content/shared/trace';

const QUOTE = '道虽迩，不行不至；事虽小，不为不成';

const patterns: Pattern[] = [
  { form: '一带一路', entry: 0, script: 'hans' },
  { form: '多边主义', entry: 1, script: 'hans' },
  { form: 'Belt and Road', entry: 0, script: 'en' },
];
const corpus = [{ doc: 0, para: 0, text: `古人说：${QUOTE}。` }];
const compiled = compileMatcher(patterns, corpus);
/** The matcher through `match()` only (what the content script uses with a filter). */
const matcher: Matcher = { match: (chunks, boundaries) => compiled.match(chunks, boundaries) };
/** The same matcher read through its table (what the content script uses without a filter). */
const rowMatcher = compiled;

/** Paints into a list, as the CSS painter would into CSS.highlights. */
class ListPainter implements Painter {
  readonly native = true;
  readonly painted = new Set<PageMatch>();
  dense = false;
  setDense(dense: boolean): void {
    this.dense = dense;
  }
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

let current: Matcher = matcher;

function setup(sliceMs?: number, eagerLimit = Infinity): { scanner: PageScanner; painter: ListPainter; index: MatchIndex } {
  const painter = new ListPainter();
  const index = new MatchIndex();
  const scheduler = new PaintScheduler({ painter, eagerLimit });
  const scanner = new PageScanner({ matcher: () => current, scheduler, index, sliceMs });
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

describe.each([
  ['match objects', matcher],
  ['table rows', rowMatcher],
])('PageScanner (%s)', (_name, used) => {
  beforeEach(() => {
    current = used;
  });

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

  it('reports the hidden elements that held a match (the page may show them later), not editable ones', async () => {
    setBody(
      '<p>一带一路</p><div id="closed" style="display:none"><p id="more">多边主义</p></div>' +
        '<p id="off" style="display:none">一带一路</p><div contenteditable="true">多边主义</div><p style="display:none">无关的文字</p>',
    );
    const painter = new ListPainter();
    const hidden: Element[][] = [];
    const scanner = new PageScanner({
      matcher: () => current,
      scheduler: new PaintScheduler({ painter }),
      index: new MatchIndex(),
      onHidden: (elements) => hidden.push([...elements]),
    });
    await scanner.scan([document.body], 'initial');
    expect(painter.texts()).toEqual(['一带一路']);
    expect(hidden).toEqual([[document.getElementById('more'), document.getElementById('off')]]);
  });

  it('judges English word edges by the boxes the page CSS makes, not by its tags', async () => {
    // `Road` + `map` is one word unless a box edge parts them; `x` + `Belt` likewise.
    setBody(
      '<p>a Belt and Road<b>map</b></p>' +
        '<p>a Belt and Road<span style="display:inline-flex">map</span></p>' +
        '<p><span style="display:block">x</span>Belt and Road</p>' +
        '<p>x<i>Belt and Road</i></p>' +
        // A soft hyphen at the edge is nothing to the matcher: the edge is still judged.
        '<p>a Belt and Road\u00ad<span style="display:block">map</span></p>' +
        '<p>a Belt and Road\u00ad<b>map</b></p>',
    );
    const { scanner, painter } = setup();
    await scanner.scan([document.body], 'initial');
    const found = [...painter.painted].map((m) => m.pieces[0]!.node.parentElement!.closest('p')!);
    const paragraphs = [...document.querySelectorAll('p')];
    expect(found.map((p) => paragraphs.indexOf(p))).toEqual([1, 2, 4]);
    expect(painter.texts()).toEqual(['Belt and Road', 'Belt and Road', 'Belt and Road']);
  });

  it('records the pass as a tifa-lens:scan trace entry', async () => {
    setBody('<p>一带一路</p>');
    clearTrace('tifa-lens:scan');
    await setup().scanner.scan([document.body], 'initial');
    const [measure] = traceEntries('tifa-lens:scan');
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

describe('PaintScheduler, positioned window', () => {
  it('holds the matches in order once too many blocks would be observed, and counts them', { timeout: 5000 }, async () => {
    current = rowMatcher;
    stubIntersections(() => true);
    setBody(Array.from({ length: 100 }, (_, i) => `<p id="p${i}">一带一路</p>`).join(''));
    const painter = new ListPainter();
    const index = new MatchIndex();
    const scheduler = new PaintScheduler({ painter, eagerLimit: 5, maxObserved: 40 });
    // Slices of a few blocks: the window starts, then outgrows the observer.
    const scanner = new PageScanner({ matcher: () => current, scheduler, index, sliceMs: 0 });
    clearTrace('tifa-lens:highlighted');
    await scanner.scan([document.body], 'initial');
    expect(scheduler.windowed).toBe(true);
    // Windowed, the painter draws tinted only (no underline to re-measure on every window change).
    expect(painter.dense).toBe(true);
    // The test DOM lays nothing out: every block is "near" the viewport.
    expect(painter.painted.size).toBe(100);
    const marks = traceEntries('tifa-lens:highlighted');
    expect(marks.at(-1)?.detail).toEqual({ count: 100, windowed: true });
    // A rescanned block: its old match goes, its new ones come back out of order.
    const p3 = document.getElementById('p3')!;
    p3.textContent = '多边主义，一带一路';
    await scanner.scan([p3], 'mutation');
    expect(index.size).toBe(101);
    expect(painter.painted.size).toBe(101);
    expect(index.terms().map(pageText).slice(2, 6)).toEqual(['一带一路', '多边主义', '一带一路', '一带一路']);
    scanner.reset();
    expect(painter.painted.size).toBe(0);
    expect(painter.dense).toBe(false);
  });
});

describe('PageScanner on table rows', () => {
  beforeEach(() => {
    current = rowMatcher;
  });

  it('uses the table and finds what match() finds, making each Match only when read', async () => {
    const html =
      '<p>共建“<b>一带</b>一路”，坚持多边主义</p><p>the <i>Belt</i> and Road</p>' +
      `<p>他说：<em>${QUOTE.slice(0, 6)}</em>${QUOTE.slice(6)}。</p><p>一带<span style="display:block">一路</span></p>`;
    const run = async (used: Matcher): Promise<PageMatch[]> => {
      current = used;
      setBody(html);
      const { scanner, index } = setup();
      await scanner.scan([document.body], 'initial');
      return [...index.all()];
    };
    const plain = await run(matcher);
    const rows = await run(rowMatcher);
    const shape = (m: PageMatch) => ({ kind: m.kind, text: pageText(m), pieces: m.pieces.map((p) => [p.node.data, p.from, p.to]) });
    expect(rows.map(shape)).toEqual(plain.map(shape));
    expect(rows.map(shape).map((m) => m.text)).toEqual(['一带一路', '多边主义', 'Belt and Road', `说：${QUOTE}`]);
    // The entry is known up front; the Match object is made on first read, then kept.
    expect(rows.map((m) => m.entry)).toEqual([0, 1, 0, -1]);
    const first = rows[0]!;
    expect(Object.getOwnPropertyNames(first)).not.toContain('match');
    expect(first.match).toBe(first.match);
    expect(rows.map((m) => m.match)).toEqual(plain.map((m) => m.match));
  });
});

describe('shownMatches', () => {
  it('cuts matches into pieces per text node, drops empty ones, and keeps only what is shown', () => {
    setBody('<p>一带<b></b><i>一</i>路</p><p hidden>多边主义</p>');
    const [p1, p2] = [...document.querySelectorAll('p')];
    const texts = [...p1!.childNodes].flatMap((n) => (n.nodeType === 3 ? [n as Text] : ([...n.childNodes] as Text[])));
    const empty = document.createTextNode('');
    p1!.querySelector('b')!.append(empty);
    const hidden = p2!.firstChild as Text;
    const nodes = [texts[0]!, empty, texts[1]!, texts[2]!, hidden];
    const batch = { nodes, chunks: nodes.map((n) => n.data), boundaries: ['inline', 'inline', 'inline', 'block'] as Boundary[] };
    const asked: string[] = [];
    const checks = {
      shows: (element: Element) => {
        asked.push(element.localName);
        return !element.hasAttribute('hidden');
      },
    };
    // Rows: 一带一路 over four chunks (one empty); 带 inside the first; 多边 in the hidden paragraph.
    const found = shownMatches(batch, checks, 3, [0, 0, 4], [0, 1, 0], [3, 0, 4], [1, 2, 2], (row, node, from, to, pieces) => ({
      match: { kind: 'term', start: { chunk: 0, offset: 0 }, end: { chunk: 0, offset: 0 }, entry: row, form: '' },
      kind: 'term',
      pieces: pieces ?? [{ node, from, to }],
      painted: null,
    }));
    expect(found.map((m) => [m.match.entry, pageText(m), m.pieces.length])).toEqual([
      [0, '一带一路', 3],
      [1, '带', 1],
    ]);
    // Each element asked once, consecutive matches in one node not again.
    expect(asked).toEqual(['p', 'i', 'p', 'p']);
  });
});
