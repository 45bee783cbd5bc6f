// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, waitFor, within } from '@testing-library/preact';
import { pinyin } from 'pinyin-pro';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { SourceViewer } from '../../../components/source/SourceViewer';
import type { SourceViewerProps } from '../../../components/source/SourceViewer';
import type { CorpusDocument } from '../../../lib/corpus/types';
import type { GlossaryEntry } from '../../../lib/glossary/types';
import { termSpanIndex } from '../../../lib/source/segments';
import type { SourceLocation } from '../../../lib/source/url';

afterEach(cleanup);

const { documents, entries } = glossary;
const readings = (text: string): string[] => pinyin(text, { type: 'array', toneSandhi: false });
const belt = entries.findIndex((e) => e.zh === '一带一路');

/** happy-dom lays nothing out: give the term a box on screen so that its card shows. */
function onScreen(element: HTMLElement): HTMLElement {
  element.getBoundingClientRect = () => DOMRect.fromRect({ x: 100, y: 100, width: 60, height: 20 });
  return element;
}

function renderViewer(props: Partial<SourceViewerProps> = {}) {
  const onNavigate = vi.fn();
  const utils = render(
    <SourceViewer documents={documents} entries={entries} location={null} onNavigate={onNavigate} loadReadings={() => Promise.resolve(readings)} {...props} />,
  );
  return { ...utils, onNavigate };
}

describe('SourceViewer', () => {
  it('shows the three documents with titles, metadata and numbered, linkable paragraphs', () => {
    const { container } = renderViewer();
    const articles = [...container.querySelectorAll('article')];
    expect(articles.map((a) => a.querySelector('h2')?.textContent)).toEqual(documents.map((d) => d.title));
    for (const [i, article] of articles.entries()) {
      const doc = documents[i]!;
      expect(document.getElementById(article.getAttribute('aria-labelledby') ?? '')?.textContent).toBe(doc.title);
      expect(article.querySelector('.meta')?.textContent).toBe(
        `${doc.kind === 'report' ? 'News report' : doc.kind === 'speech' ? 'Speech' : 'Feature'} · ${doc.author} · ${doc.date} · ${doc.source}`,
      );
    }
    const p7 = container.querySelector('#speech-p7');
    const link = p7?.querySelector('a.paragraph-number');
    expect(link?.getAttribute('href')).toBe('#speech-p7');
    expect(link?.getAttribute('aria-label')).toBe('Paragraph 7');
    expect(p7?.textContent).toBe(`7${documents[0]!.blocks.find((b) => b.n === 7)!.text}`);
  });

  it('marks every glossary occurrence once, the longest where they overlap, never nested', () => {
    const { container } = renderViewer();
    const expected = [...termSpanIndex(entries).values()].reduce((n, spans) => n + spans.length, 0);
    const terms = container.querySelectorAll('.term');
    expect(terms.length).toBe(expected);
    expect(container.querySelector('.term .term')).toBeNull();
    const first = terms[0] as HTMLElement;
    const entry = entries[Number(first.dataset.entry)]!;
    const [d, b, s, e] = entry.occurrences[Number(first.dataset.occurrence)]!;
    expect(first.textContent).toBe(documents[d]!.blocks[b]!.text.slice(s, e));
  });

  it('opens the card of a focused term, with pinyin and English, and closes it on Esc', async () => {
    const { container } = renderViewer();
    const term = onScreen([...container.querySelectorAll<HTMLElement>('.term')].find((t) => Number(t.dataset.entry) === belt)!);
    await act(() => {
      term.focus();
      fireEvent.focusIn(term);
    });
    const card = within(container.querySelector<HTMLElement>('.tl-popover')!).getByRole('dialog', { name: '一带一路' });
    expect(within(card).getByText(entries[belt]!.pinyin)).toBeTruthy();
    expect(within(card).getByText(entries[belt]!.en)).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Open in source' })).toBeNull();
    expect(within(card).getByRole('button', { name: 'Show in text' })).toBeTruthy();
    await act(() => {
      fireEvent.keyDown(term, { key: 'Escape' });
    });
    expect(container.querySelector('[role="dialog"]')).toBeNull();
  });

  it('opens the card on hover after a short delay', async () => {
    vi.useFakeTimers();
    try {
      const { container } = renderViewer();
      const term = onScreen(container.querySelector<HTMLElement>('.term')!);
      await act(() => {
        fireEvent.pointerOver(term);
      });
      expect(container.querySelector('[role="dialog"]')).toBeNull();
      await act(() => {
        vi.advanceTimersByTime(200);
      });
      expect(within(container.querySelector<HTMLElement>('.tl-popover')!).getByRole('dialog')).toBeTruthy();
      await act(() => {
        fireEvent.pointerOut(term, { relatedTarget: document.body });
        vi.advanceTimersByTime(400);
      });
      expect(container.querySelector('[role="dialog"]')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('indexes the terms by category with their counts, each linking to its first occurrence', () => {
    const { onNavigate, container } = renderViewer();
    const index = container.querySelector<HTMLElement>('nav.term-index')!;
    expect(document.getElementById(index.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Terms by category');
    const initiatives = entries.filter((e) => e.category === 'initiative');
    const count = initiatives.reduce((n, e) => n + e.occurrences.length, 0);
    expect(within(index).getByText('Initiative or mechanism').parentElement?.textContent).toContain(`${initiatives.length} · ${count}×`);
    const link = [...index.querySelectorAll('a')].find((a) => a.querySelector('.zh')?.textContent === '一带一路')!;
    expect(link.textContent).toBe(`一带一路 ${entries[belt]!.en}`);
    expect(link.parentElement?.querySelector('.count')?.textContent).toBe(String(entries[belt]!.occurrences.length));
    expect(link.getAttribute('href')).toMatch(/^\?doc=\w+&block=\d+&start=\d+&end=\d+&term=/u);
    fireEvent.click(link);
    const [d, b, s, e] = entries[belt]!.occurrences[0]!;
    expect(onNavigate).toHaveBeenCalledWith({ doc: documents[d]!.id, block: b, range: { start: s, end: e }, term: entries[belt]!.id });
  });

  it('highlights the cited occurrence distinctly and offers the next one', () => {
    const [d, b, s, e] = entries[belt]!.occurrences[1]!;
    const location: SourceLocation = { doc: documents[d]!.id, block: b, range: { start: s, end: e }, term: entries[belt]!.id };
    const { container, onNavigate } = renderViewer({ location });
    const block = container.querySelector('.block--cited');
    expect(block?.getAttribute('data-block')).toBe(`${documents[d]!.id}:${b}`);
    expect([...container.querySelectorAll('[data-cited]')].map((m) => m.textContent).join('')).toMatch(/^一带一路(?:”倡议)?$/u);
    const bar = container.querySelector<HTMLElement>('aside.cited-bar')!;
    expect(bar.getAttribute('aria-label')).toBe('Cited passage');
    expect(bar.textContent).toContain(`occurrence 2 of ${entries[belt]!.occurrences.length}`);
    fireEvent.click(within(bar).getByRole('button', { name: 'Next ›' }));
    const [d2, b2, s2, e2] = entries[belt]!.occurrences[2]!;
    expect(onNavigate).toHaveBeenCalledWith({ doc: documents[d2]!.id, block: b2, range: { start: s2, end: e2 }, term: entries[belt]!.id });
  });

  it('searches by pinyin, narrowing the text to marked matching passages', async () => {
    const { container } = renderViewer();
    const all = container.querySelectorAll('.block--paragraph').length;
    const box = within(container.querySelector<HTMLElement>('form[role="search"]')!).getByRole('searchbox', { name: 'Search the sources' });
    await act(() => {
      fireEvent.input(box, { target: { value: 'yidaiyilu' } });
    });
    const shown = container.querySelectorAll('.block--paragraph');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(all);
    for (const p of shown) expect(p.querySelector('mark.hit')?.textContent).toMatch(/^一带一路(?:”倡议)?$/u);
    expect(container.querySelector('[role="status"]')!.textContent).toMatch(/^\d+ matches in \d+ passages$/u);
    await act(() => {
      fireEvent.keyDown(box, { key: 'Enter' });
    });
    expect(container.querySelector('[role="status"]')!.textContent).toMatch(/1 of \d+$/u);
    expect(container.querySelector('.block--current')).toBe(shown[0]);
    await act(() => {
      fireEvent.keyDown(box, { key: 'Escape' });
    });
    expect(container.querySelectorAll('.block--paragraph').length).toBe(all);
  });

  it('says when nothing matches', async () => {
    const { container } = renderViewer();
    await act(() => {
      fireEvent.input(container.querySelector('input[type="search"]')!, { target: { value: 'zzzqqq' } });
    });
    expect(container.querySelector('[role="status"]')!.textContent).toBe('No match');
  });

  it('shows pinyin over the characters when switched on, the glossary pinyin inside terms', async () => {
    // A converter that reads everything as "x": what is not "x" came from the glossary.
    const fake = (text: string): string[] => Array.from(text, (c) => (/\p{Script=Han}/u.test(c) ? 'x' : c));
    const { container } = renderViewer({ loadReadings: () => Promise.resolve(fake) });
    expect(container.querySelector('ruby')).toBeNull();
    const toggle = within(container.querySelector<HTMLElement>('.toolbar')!).getByRole('switch', { name: /Pinyin/ });
    await act(() => {
      fireEvent.click(toggle);
    });
    await waitFor(() => expect(container.querySelector('ruby rt')).not.toBeNull());
    const title = container.querySelector('#speech-b0');
    const readingsIn = (element: Element | null | undefined): string[] => [...(element?.querySelectorAll('rt') ?? [])].map((rt) => rt.textContent ?? '');
    // 携手共命运 一起向未来 is itself a term (the speech's title): its glossary syllables throughout.
    const speechTitle = entries.find((e) => e.zh === '携手共命运 一起向未来')!;
    expect(readingsIn(title)).toEqual(speechTitle.syllables.split(' '));
    // 各位同事，各位朋友 holds no term: the converter's readings.
    expect(readingsIn(container.querySelector('[data-block="speech:4"]'))).toEqual(['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x']);
    // One syllable over each character, though the card writes the term as words (yīdài yīlù).
    const term = [...container.querySelectorAll<HTMLElement>('.term')].find((t) => Number(t.dataset.entry) === belt)!;
    expect(readingsIn(term)).toEqual(['yī', 'dài', 'yī', 'lù']);
    await act(() => {
      fireEvent.click(toggle);
    });
    expect(container.querySelector('ruby')).toBeNull();
  });

  it('renders corpus text as text', () => {
    const XSS = '<img src=x onerror=alert(1)>';
    const docs: CorpusDocument[] = [
      {
        id: 'speech',
        kind: 'speech',
        title: XSS,
        subtitle: '',
        author: XSS,
        date: '2022',
        source: XSS,
        blocks: [
          { role: 'title', n: 0, text: XSS },
          { role: 'paragraph', n: 1, text: `${XSS}。` },
        ],
      },
    ];
    const entry: GlossaryEntry = {
      id: 'x',
      zh: XSS,
      pinyin: 'x',
      syllables: 'x',
      en: XSS,
      category: 'concept',
      explanation: XSS,
      forms: [],
      occurrences: [[0, 1, 0, XSS.length, 0, XSS.length + 1]],
    };
    const { container } = render(
      <SourceViewer documents={docs} entries={[entry]} location={null} onNavigate={() => {}} loadReadings={() => Promise.resolve(readings)} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.term')?.textContent).toBe(XSS);
  });
});
