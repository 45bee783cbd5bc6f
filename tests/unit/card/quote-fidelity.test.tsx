// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { Card } from '../../../components/card/Card';
import type { QuoteCardData } from '../../../lib/card/types';
import { quotationAt } from '../../../lib/quote/index';
import { CORPUS } from '../quote/support';

afterEach(cleanup);

const { documents, traditional } = glossary;

/** The card of the quotation of `page` traced at `run`, aligned as the lens aligns it. */
function quoteCard(page: string, run: string, region?: 'tw' | 'hk') {
  const from = page.indexOf(run);
  const fidelity = quotationAt(CORPUS, page, from, from + run.length)!;
  const data: QuoteCardData = {
    kind: 'quote',
    found: run,
    source: { doc: fidelity.doc, block: fidelity.block, start: 0, end: 4, occurrences: 1 },
    fidelity,
    ...(region ? { traditional: region } : {}),
  };
  return render(<Card data={data} documents={documents} traditional={traditional} onClose={vi.fn()} />);
}

/** What a screen reader reads of an element: its text, the hidden labels included. */
const read = (el: Element | null | undefined): string => el?.textContent ?? '';

describe('the quotation card’s fidelity', () => {
  it('says a traditional page’s added 有 in words and marks it, the corpus beside it', () => {
    const page = '各方應積極踐行共同、綜合、合作、可持續的新安全觀，聯手打擊「三股勢力」和跨國有組織犯罪、販毒。';
    const { container } = quoteCard(page, '踐行共同、綜合、合作、可持續的新安全觀', 'hk');
    expect(screen.getByRole('heading', { name: 'Verdict: altered' })).toBeTruthy();
    const [mine, source] = [...container.querySelectorAll('.tl-compare blockquote')];
    expect(mine?.getAttribute('lang')).toBe('zh-Hant');
    expect([...mine!.querySelectorAll('ins')].map(read)).toEqual(['added: 有']);
    expect(source?.querySelectorAll('ins, del')).toHaveLength(0);
    expect(read(source)).toBe('积极践行共同、综合、合作、可持续的新安全观,联手打击“三股势力”和跨国组织犯罪、贩毒');
    // Shown side by side, the card cites the passage once, not the sentence again.
    expect(container.querySelector('.tl-source')).toBeNull();
    expect(read(container.querySelector('.tl-citation'))).toBe('《携手共命运 一起向未来》, paragraph 5');
  });

  it('marks a changed subject on both sides', () => {
    const page = '习近平指出，双方顺应潮流、讲信修睦，在互谅互让基础上彻底解决历史遗留的边界问题。';
    const { container } = quoteCard(page, '讲信修睦，在互谅互让基础上彻底解决');
    expect(screen.getByRole('heading', { name: 'Verdict: altered' })).toBeTruthy();
    expect([...container.querySelectorAll('.tl-compare ins')].map(read)).toEqual(['changed to: 双方']);
    expect([...container.querySelectorAll('.tl-compare del')].map(read)).toEqual(['changed from: 我们']);
  });

  it('calls an omission-only quotation abridged, the dropped words struck on the corpus side', () => {
    const page = '中国同中亚五国30年合作的成功密码，在于我们始终相互尊重、同舟共济、互利共赢。';
    const { container } = quoteCard(page, '中国同中亚五国30年合作的成功密码');
    expect(screen.getByRole('heading', { name: 'Verdict: abridged' })).toBeTruthy();
    expect([...container.querySelectorAll('.tl-compare del')].map(read)).toEqual(['dropped: 睦邻友好']);
    expect(container.querySelectorAll('.tl-compare ins')).toHaveLength(0);
  });

  it('calls a reworded sentence a close paraphrase', () => {
    const page = '在互谅互让的基础上，中国同中亚各国彻底解决了历史遗留的边界问题，让3300多公里边境成为友好合作的纽带。';
    quoteCard(page, '彻底解决');
    expect(screen.getByRole('heading', { name: 'Verdict: close paraphrase' })).toBeTruthy();
  });

  it('calls an exact quotation verbatim and shows the source sentence as before', () => {
    const page = '我们顺应潮流、讲信修睦，在互谅互让基础上彻底解决历史遗留的边界问题。';
    const { container } = quoteCard(page, '顺应潮流、讲信修睦，在互谅互让基础上');
    expect(screen.getByRole('heading', { name: 'Verdict: verbatim' })).toBeTruthy();
    expect(container.querySelector('.tl-compare')).toBeNull();
    expect(container.querySelector('.tl-source blockquote')).not.toBeNull();
  });
});
