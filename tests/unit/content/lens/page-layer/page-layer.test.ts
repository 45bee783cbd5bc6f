// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { glossary } from '../../../../../assets/generated/glossary';
import { startPageLayer } from '../../../../../content/lens/page-layer/page-layer';
import type { PageLayer } from '../../../../../content/lens/page-layer/page-layer';
import { parsedGlossary } from '../../../../../content/lens/lazy-glossary';
import { setBody } from '../../support/fixture';
import { highlightedTexts, stubHighlightApi } from '../../../support/fake-highlights';
import { traceEntries } from '../../../../../content/shared/trace';

let pageLayer: PageLayer | null = null;

let registry: Map<string, Highlight>;

beforeEach(() => {
  registry = stubHighlightApi();
});
afterEach(() => {
  pageLayer?.stop();
  pageLayer = null;
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

const painted = (): string[] => highlightedTexts(registry, 'tifa-lens-term');
const entryOf = (id: string): number => glossary.entries.findIndex((e) => e.id === id);

describe('the page layer', () => {
  it('highlights the terms without changing the page, and sums the page up', async () => {
    setBody('<p>双方愿共建“<b>一带</b>一路”，坚持多边主义。</p><textarea>多边主义</textarea>');
    const html = document.body.innerHTML;
    pageLayer = startPageLayer(parsedGlossary(glossary));
    await pageLayer.ready;
    expect(painted()).toEqual(['一带一路', '多边主义']);
    expect(document.body.innerHTML).toBe(html);
    const summary = pageLayer.summary();
    expect(summary.terms).toBe(2);
    expect(summary.entries.map((e) => e.id)).toEqual(['belt-and-road', glossary.entries[summary.entries[1]!.entry]!.id]);
    expect(summary.entries[0]!.entry).toBe(entryOf('belt-and-road'));
    const ready = traceEntries('tifa-lens:ready').at(-1);
    expect(ready?.detail).toMatchObject({ terms: 2 });
  });

  it('highlights a term added later, after one rescan', async () => {
    setBody('<p>开头</p>');
    pageLayer = startPageLayer(parsedGlossary(glossary));
    await pageLayer.ready;
    let changes = 0;
    pageLayer.onChange(() => changes++);
    const p = document.createElement('p');
    p.textContent = '推动共建一带一路高质量发展';
    document.body.append(p);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(painted()).toContain('一带一路');
    expect(changes).toBe(1);
  });

  it('takes its highlights off when stopped', async () => {
    setBody('<p id="p">坚持多边主义</p>');
    pageLayer = startPageLayer(parsedGlossary(glossary));
    await pageLayer.ready;
    expect(painted()).toEqual(['多边主义']);
    pageLayer.stop();
    pageLayer = null;
    expect(painted()).toEqual([]);
  });
});
