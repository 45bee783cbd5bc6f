// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { glossary } from '../../../../../assets/generated/glossary';
import { startPageLayer } from '../../../../../content/lens/page-layer/page-layer';
import type { PageLayer } from '../../../../../content/lens/page-layer/page-layer';
import { parsedGlossary } from '../../../../../content/lens/lazy-glossary';
import { setBody } from '../../support/fixture';
import { traceEntries } from '../../../../../content/shared/trace';

let pageLayer: PageLayer | null = null;

afterEach(() => {
  pageLayer?.stop();
  pageLayer = null;
  document.body.replaceChildren();
});

const wrapped = (): string[] => [...document.querySelectorAll('tifa-lens-term')].map((e) => e.textContent ?? '');
const entryOf = (id: string): number => glossary.entries.findIndex((e) => e.id === id);

describe('the page layer without CSS Custom Highlights (wrapping fallback)', () => {
  it('wraps the terms, keeps the text, and sums the page up', async () => {
    expect('highlights' in CSS).toBe(false);
    setBody('<p>双方愿共建“<b>一带</b>一路”，坚持多边主义。</p><textarea>多边主义</textarea>');
    const text = document.body.textContent;
    pageLayer = startPageLayer(parsedGlossary(glossary));
    await pageLayer.ready;
    expect(wrapped()).toEqual(['一带', '一路', '多边主义']);
    expect(document.body.textContent).toBe(text);
    const summary = pageLayer.summary();
    expect(summary.terms).toBe(2);
    expect(summary.entries.map((e) => e.id)).toEqual(['belt-and-road', glossary.entries[summary.entries[1]!.entry]!.id]);
    expect(summary.entries[0]!.entry).toBe(entryOf('belt-and-road'));
    const ready = traceEntries('tifa-lens:ready').at(-1);
    expect(ready?.detail).toMatchObject({ terms: 2 });
  });

  it('wraps a term added later, without reacting to its own wrapping', async () => {
    setBody('<p>开头</p>');
    pageLayer = startPageLayer(parsedGlossary(glossary));
    await pageLayer.ready;
    let changes = 0;
    pageLayer.onChange(() => changes++);
    const p = document.createElement('p');
    p.textContent = '推动共建一带一路高质量发展';
    document.body.append(p);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(wrapped()).toContain('一带一路');
    // One rescan for the page's change; the wrapping itself caused none.
    expect(changes).toBe(1);
  });

  it('takes its wrappers off when stopped', async () => {
    setBody('<p id="p">坚持多边主义</p>');
    const before = document.body.innerHTML;
    pageLayer = startPageLayer(parsedGlossary(glossary));
    await pageLayer.ready;
    expect(wrapped()).toEqual(['多边主义']);
    pageLayer.stop();
    pageLayer = null;
    expect(document.body.innerHTML).toBe(before);
  });
});
