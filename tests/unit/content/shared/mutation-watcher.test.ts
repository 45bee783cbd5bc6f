// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MutationWatcher } from '../../../../content/shared/mutation-watcher';
import { setBody } from '../support/fixture';

let watcher: MutationWatcher | null = null;

afterEach(() => {
  watcher?.disconnect();
  watcher = null;
  document.body.replaceChildren();
});

function watch(): { dirty: Node[][]; navigations: string[] } {
  const seen = { dirty: [] as Node[][], navigations: [] as string[] };
  watcher = new MutationWatcher({
    onDirty: (roots) => seen.dirty.push(roots),
    onNavigate: (url) => seen.navigations.push(url),
    debounceMs: 10,
    maxWaitMs: 50,
  });
  watcher.observe(document);
  return seen;
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 40));

describe('MutationWatcher', () => {
  it('reports the block around changed text, once, after the page settles', async () => {
    setBody('<div id="d"><p id="p">一带<b>一</b></p><p id="q">二</p></div>');
    const seen = watch();
    (document.querySelector('b')!.firstChild as Text).data = '一路';
    document.getElementById('p')!.append('，合作');
    await settle();
    expect(seen.dirty).toEqual([[document.getElementById('p')]]);
  });

  it('keeps only the outermost of nested changed blocks', async () => {
    setBody('<div id="d"><p id="p">一</p></div>');
    const seen = watch();
    document.getElementById('p')!.append('二');
    const extra = document.createElement('p');
    extra.textContent = '三';
    document.getElementById('d')!.append(extra);
    await settle();
    expect(seen.dirty).toEqual([[document.getElementById('d')]]);
  });

  it('ignores the extension’s own UI, scripts, styles and blank text', async () => {
    setBody('<style id="s"></style><p id="p">x</p>');
    const seen = watch();
    const ui = document.createElement('tifa-lens-ui');
    document.body.append(ui);
    ui.append(document.createElement('div'));
    document.getElementById('s')!.textContent = '.a { color: red }';
    const script = document.createElement('script');
    script.textContent = 'void 0';
    document.body.append(script);
    document.getElementById('p')!.append('  ');
    await settle();
    expect(seen.dirty).toEqual([]);
  });

  it('waits at most maxWaitMs on a page that never settles', async () => {
    vi.useFakeTimers();
    try {
      setBody('<p id="p">0</p>');
      const seen = watch();
      const text = document.getElementById('p')!.firstChild as Text;
      for (let i = 1; i <= 10; i++) {
        text.data = String(i);
        await Promise.resolve();
        vi.advanceTimersByTime(8);
      }
      expect(seen.dirty.length).toBeGreaterThanOrEqual(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports an SPA navigation seen on the next change', async () => {
    setBody('<main id="m"><p>一</p></main>');
    const seen = watch();
    history.pushState({}, '', '/next-article');
    document.getElementById('m')!.replaceChildren('二');
    await settle();
    expect(seen.navigations).toEqual([location.href]);
    expect(seen.dirty).toEqual([]);
  });

  it('looks again at an undefined custom element until it gets a shadow root, then reports its block', async () => {
    setBody('<div><p id="p">甲<late-box id="late"></late-box></p><p><gone-box id="gone"></gone-box></p></div>');
    const dirty: Node[][] = [];
    // Not observing the document: neither change below makes a mutation record the host watch needs.
    watcher = new MutationWatcher({ onDirty: (roots) => dirty.push(roots), onNavigate: () => {}, debounceMs: 5, hostCheckMs: 5 });
    const late = document.getElementById('late')!;
    const gone = document.getElementById('gone')!;
    watcher.watchHost(late);
    watcher.watchHost(gone);
    await settle();
    expect(dirty).toEqual([]);
    // What the element's definition does when the page's script comes; the other leaves the page.
    late.attachShadow({ mode: 'open' }).append('多边主义');
    gone.remove();
    // The looks come at growing intervals (5, 10, 20, 40… ms here).
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(dirty).toEqual([[document.getElementById('p')]]);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(dirty).toHaveLength(1);
  });

  it('reports the block of a watched hidden element once an attribute change shows it', async () => {
    setBody('<div id="box" class="closed"><p id="more">多边主义</p></div><p id="other">一带一路</p>');
    const dirty: Node[][] = [];
    const box = document.getElementById('box')!;
    // What the page's CSS would say: `.closed` hides its content.
    const isShown = (element: Element): boolean => !element.closest('.closed');
    watcher = new MutationWatcher({ onDirty: (roots) => dirty.push(roots), onNavigate: () => {}, debounceMs: 5, maxWaitMs: 20, isShown });
    watcher.observe(document);
    // Before anything is hidden, attribute changes are not even observed.
    box.setAttribute('data-x', '1');
    box.className = 'closed still';
    await settle();
    expect(dirty).toEqual([]);
    watcher.watchHidden([document.getElementById('more')!]);
    box.className = 'closed also';
    await settle();
    expect(dirty).toEqual([]);
    box.className = 'open';
    await settle();
    expect(dirty).toEqual([[document.getElementById('more')]]);
    // Shown, it is no longer watched.
    box.className = 'closed';
    box.className = 'open';
    await settle();
    expect(dirty).toHaveLength(1);
  });

  it('looks at the hidden elements again when a style sheet comes', async () => {
    setBody('<p id="more" class="later">多边主义</p>');
    const dirty: Node[][] = [];
    // What the page's CSS would say: `.later` is hidden until a sheet that shows it is added.
    const isShown = (): boolean => document.getElementById('shows-later') !== null;
    watcher = new MutationWatcher({ onDirty: (roots) => dirty.push(roots), onNavigate: () => {}, debounceMs: 5, maxWaitMs: 20, isShown });
    watcher.observe(document);
    watcher.watchHidden([document.getElementById('more')!]);
    const sheet = document.createElement('style');
    sheet.id = 'shows-later';
    sheet.textContent = '.later { display: block }';
    document.head.append(sheet);
    await settle();
    expect(dirty).toEqual([[document.getElementById('more')]]);
    sheet.remove();
  });
});
