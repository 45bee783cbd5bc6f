// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { Card } from '../../../components/card/Card';
import { TermCard } from '../../../components/card/TermCard';
import type { CorpusDocument } from '../../../lib/corpus/types';
import type { GlossaryEntry } from '../../../lib/glossary/types';

afterEach(cleanup);

const { documents, entries } = glossary;
const belt = entries.find((e) => e.zh === '一带一路')!;
const XSS = '<img src=x onerror=alert(1)>';

function renderTerm(props: Partial<Parameters<typeof TermCard>[0]> = {}) {
  const onClose = vi.fn();
  const utils = render(<TermCard data={{ kind: 'term', entry: belt, found: '一帶一路' }} documents={documents} onClose={onClose} {...props} />);
  return { ...utils, onClose };
}

describe('TermCard', () => {
  it('is a non-modal dialog named by the term, with pinyin, English, category and explanation', () => {
    renderTerm();
    const dialog = screen.getByRole('dialog', { name: '一带一路' });
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    expect(dialog.tabIndex).toBe(-1);
    expect(within(dialog).getByText(belt.pinyin)).toBeTruthy();
    expect(within(dialog).getByText(belt.en)).toBeTruthy();
    expect(within(dialog).getByText('Initiative or mechanism')).toBeTruthy();
    expect(within(dialog).getByText(belt.explanation)).toBeTruthy();
    expect(dialog.textContent).toContain('On this page: 一帶一路');
  });

  it('emphasises the occurrence inside its source sentence and cites it', () => {
    const { container } = renderTerm();
    const [doc, block, start, end, s, e] = belt.occurrences[0]!;
    const text = documents[doc]!.blocks[block]!.text;
    const quote = container.querySelector('blockquote')!;
    expect(quote.textContent).toBe(text.slice(s, e).trim());
    expect(quote.querySelector('mark')?.textContent).toBe(text.slice(start, end));
    const n = documents[doc]!.blocks[block]!.n;
    expect(container.querySelector('figcaption')?.textContent).toContain(`《${documents[doc]!.title}》, paragraph ${n}`);
  });

  it('steps through the occurrences with next and previous, wrapping around', () => {
    const { container } = renderTerm();
    const total = belt.occurrences.length;
    expect(total).toBeGreaterThan(1);
    expect(screen.getByText(`${total} times in the corpus`)).toBeTruthy();
    const sentence = (i: number): string => {
      const [doc, block, , , s, e] = belt.occurrences[i]!;
      return documents[doc]!.blocks[block]!.text.slice(s, e).trim();
    };
    fireEvent.click(screen.getByRole('button', { name: 'Next occurrence' }));
    expect(screen.getByText(`2 of ${total}`)).toBeTruthy();
    expect(container.querySelector('blockquote')?.textContent).toBe(sentence(1));
    fireEvent.click(screen.getByRole('button', { name: 'Previous occurrence' }));
    fireEvent.click(screen.getByRole('button', { name: 'Previous occurrence' }));
    expect(screen.getByText(`${total} of ${total}`)).toBeTruthy();
    expect(container.querySelector('blockquote')?.textContent).toBe(sentence(total - 1));
  });

  it('shows the speak button only with a Chinese voice, and speaks the term', () => {
    renderTerm({ canSpeak: false, onSpeak: vi.fn() });
    expect(screen.queryByRole('button', { name: /pronounce/i })).toBeNull();
    cleanup();
    const onSpeak = vi.fn();
    renderTerm({ canSpeak: true, onSpeak });
    fireEvent.click(screen.getByRole('button', { name: 'Pronounce 一带一路' }));
    expect(onSpeak).toHaveBeenCalledWith('一带一路');
  });

  it('closes on Esc and on its Close button', () => {
    const { onClose } = renderTerm();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Next occurrence' }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('opens the shown occurrence in the source, adds notes and lists them as text', () => {
    const onShowSource = vi.fn();
    const onAddNote = vi.fn();
    renderTerm({ onShowSource, onAddNote, notes: [{ id: 'n1', body: `Check ${XSS}` }] });
    fireEvent.click(screen.getByRole('button', { name: 'Next occurrence' }));
    fireEvent.click(screen.getByRole('button', { name: 'Open in source' }));
    const [doc, block, start, end] = belt.occurrences[1]!;
    expect(onShowSource).toHaveBeenCalledWith({ doc: documents[doc]!.id, block, range: { start, end }, term: belt.id });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(onAddNote).toHaveBeenCalled();
    const notes = screen.getByRole('region', { name: 'Your notes (1)' });
    expect(within(notes).getByRole('listitem').textContent).toBe(`Check ${XSS}`);
    expect(document.querySelector('img')).toBeNull();
  });

  it('offers a jump instead on the source page, and hides what has no callback', () => {
    renderTerm({ onShowSource: vi.fn(), sourceMode: 'jump' });
    expect(screen.getByRole('button', { name: 'Show in text' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Open in source' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add note' })).toBeNull();
  });

  it('renders page and glossary text as text, never as markup', () => {
    const docs: CorpusDocument[] = [
      {
        id: 'speech',
        kind: 'speech',
        title: `T${XSS}`,
        subtitle: '',
        author: 'A',
        date: '2022-01-25',
        source: 'S',
        blocks: [{ role: 'paragraph', n: 1, text: `前${XSS}后。` }],
      },
    ];
    const entry: GlossaryEntry = {
      id: 'x',
      zh: XSS,
      pinyin: XSS,
      syllables: XSS,
      en: XSS,
      category: 'concept',
      explanation: XSS,
      forms: [],
      occurrences: [[0, 0, 1, 1 + XSS.length, 0, 3 + XSS.length]],
    };
    const { container } = render(
      <TermCard data={{ kind: 'term', entry, found: `${XSS}!` }} documents={docs} notes={[{ id: '1', body: XSS }]} onClose={() => {}} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('dialog', { name: XSS })).toBeTruthy();
    expect(container.querySelector('mark')?.textContent).toBe(XSS);
    expect(container.textContent).toContain(`On this page: ${XSS}!`);
  });
});

describe('QuoteCard', () => {
  const speech = documents[0]!;
  const block = speech.blocks.findIndex((b) => b.n === 2);
  const text = speech.blocks[block]!.text;
  const start = text.indexOf('中国同中亚国家');
  const data = { kind: 'quote' as const, found: '中国同中亚国家 30 年的交往合作', source: { doc: 0, block, start, end: start + 17, occurrences: 2 } };

  it('shows the quoted passage with the quoted part emphasised, cited, openable in the source', () => {
    const onShowSource = vi.fn();
    const onClose = vi.fn();
    const { container } = render(<Card data={data} documents={documents} onShowSource={onShowSource} onClose={onClose} />);
    const dialog = screen.getByRole('dialog', { name: `Quotation from 《${speech.title}》` });
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    expect(container.querySelector('mark')?.textContent).toBe(text.slice(start, start + 17));
    // The sentence of the quotation, not the whole paragraph.
    expect(container.querySelector('blockquote')?.textContent).not.toContain('中国人说');
    expect(container.querySelector('blockquote')?.textContent).toContain(data.found);
    expect(container.querySelector('figcaption')?.textContent).toContain(`《${speech.title}》, paragraph 2`);
    expect(dialog.textContent).toContain('2 times in the corpus');
    fireEvent.click(screen.getByRole('button', { name: 'Open in source' }));
    expect(onShowSource).toHaveBeenCalledWith({ doc: 'speech', block, range: { start, end: start + 17 } });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });

  it('says so when the passage is not in the corpus', () => {
    render(<Card data={{ ...data, source: { ...data.source, block: 999 } }} documents={documents} onClose={() => {}} />);
    expect(screen.getByRole('dialog', { name: 'Quotation' }).textContent).toContain('not in this version of the corpus');
    expect(screen.queryByRole('button', { name: 'Open in source' })).toBeNull();
  });

  it('renders a quotation of markup as text', () => {
    const docs: CorpusDocument[] = [
      { id: 'report', kind: 'report', title: XSS, subtitle: '', author: '', date: '', source: '', blocks: [{ role: 'heading', n: 0, text: `${XSS}。` }] },
    ];
    const { container } = render(
      <Card
        data={{ kind: 'quote', found: XSS, source: { doc: 0, block: 0, start: 0, end: XSS.length, occurrences: 1 } }}
        documents={docs}
        onClose={() => {}}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('mark')?.textContent).toBe(XSS);
    expect(container.querySelector('figcaption')?.textContent).toContain('heading');
  });
});
