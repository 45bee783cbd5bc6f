// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { Card } from '../../../components/card/Card';
import { createCardHost, HOST_TAG } from '../../../content/lens/card/card-host';
import type { CardData, TermCardData } from '../../../lib/card/types';
import { traditionalBlock } from '../../../lib/glossary/traditional-text';
import type { GlossaryEntry, TraditionalRegion } from '../../../lib/glossary/types';
import { hostOf } from '../support/ui-hosts';

afterEach(cleanup);

const { documents, entries, traditional } = glossary;
const byId = (id: string): GlossaryEntry => entries.find((e) => e.id === id)!;
const oneChina = byId('one-china-principle');
const summit = byId('china-central-asia-virtual-summit-2022');

/** The occurrence's sentence in `region`'s characters, cut as the card cuts it. */
function sentence(entry: GlossaryEntry, region: TraditionalRegion | null): { text: string; match: string } {
  const [doc, block, start, end, s, e] = entry.occurrences[0]!;
  const text = region ? traditionalBlock(traditional, documents, region, doc, block)! : documents[doc]!.blocks[block]!.text;
  return { text: text.slice(s, e).trim(), match: text.slice(start, end) };
}

function renderCard(data: CardData) {
  return render(<Card data={data} documents={documents} traditional={traditional} onClose={vi.fn()} />);
}

const term = (entry: GlossaryEntry, found: string, region?: TraditionalRegion): TermCardData => ({
  kind: 'term',
  entry,
  found,
  ...(region ? { traditional: region } : {}),
});

describe('the card on a traditional-Chinese page', () => {
  it('shows the source sentence in traditional characters, the simplified original a click away', () => {
    const { container } = renderCard(term(oneChina, '一個中國原則', 'tw'));
    const quote = (): HTMLElement => container.querySelector('blockquote')!;
    const citation = container.querySelector('figcaption')!.textContent;
    expect(quote().textContent).toBe(sentence(oneChina, 'tw').text);
    expect(quote().textContent).toContain('堅定支持一個中國原則');
    expect(quote().querySelector('mark')?.textContent).toBe('一個中國原則');
    expect(quote().getAttribute('lang')).toBe('zh-Hant-TW');

    const toggle = screen.getByRole('button', { name: 'Show original (simplified)' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(quote().textContent).toBe(sentence(oneChina, null).text);
    expect(quote().querySelector('mark')?.textContent).toBe('一个中国原则');
    expect(quote().getAttribute('lang')).toBe('zh-Hans');
    expect(container.querySelector('figcaption')!.textContent).toBe(citation);

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(quote().textContent).toBe(sentence(oneChina, 'tw').text);
  });

  it('writes Hong Kong’s characters for a Hong Kong page', () => {
    const { container } = renderCard(term(summit, '中國同中亞五國建交30周年視像峰會', 'hk'));
    const quote = container.querySelector('blockquote')!;
    expect(quote.getAttribute('lang')).toBe('zh-Hant-HK');
    expect(quote.querySelector('mark')?.textContent).toBe(sentence(summit, 'hk').match);
    expect(quote.querySelector('mark')?.textContent).toContain('30 周年視頻峯會');
    cleanup();
    const tw = renderCard(term(summit, '中國同中亞五國建交30週年視訊峰會', 'tw'));
    expect(tw.container.querySelector('mark')?.textContent).toContain('30 週年視頻峰會');
  });

  it('keeps the simplified original, with no toggle, where the page is not in traditional Chinese', () => {
    const { container } = renderCard(term(oneChina, '一个中国原则'));
    expect(container.querySelector('blockquote')?.textContent).toBe(sentence(oneChina, null).text);
    expect(screen.queryByRole('button', { name: 'Show original (simplified)' })).toBeNull();
  });

  it('shows a quotation in the page’s characters too', () => {
    const [doc, block, start, end] = oneChina.occurrences[0]!;
    const { container } = renderCard({
      kind: 'quote',
      found: '堅定支持一個中國原則',
      source: { doc, block, start: start - 4, end, occurrences: 1 },
      traditional: 'tw',
    });
    expect(container.querySelector('mark')?.textContent).toBe('堅定支持一個中國原則');
    fireEvent.click(screen.getByRole('button', { name: 'Show original (simplified)' }));
    expect(container.querySelector('mark')?.textContent).toBe('坚定支持一个中国原则');
  });

  it('gets the traditional corpus from the card host', () => {
    const host = createCardHost({ documents, traditional, shadowMode: 'open' });
    try {
      host.openCard(term(oneChina, '一個中國原則', 'tw'), { left: 10, top: 10, right: 60, bottom: 30 });
      const root = hostOf(HOST_TAG)!.shadowRoot!;
      expect(root.querySelector('blockquote mark')?.textContent).toBe('一個中國原則');
      expect(root.querySelector('button[aria-pressed]')?.textContent).toBe('Show original (simplified)');
    } finally {
      host.destroy();
    }
  });
});
