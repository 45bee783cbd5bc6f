// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { Popup } from '../../../components/popup/Popup';
import type { PageState } from '../../../components/popup/types';
import { briefFilename, briefMarkdown, lazyCorpus, localDate, pageQuotations } from '../../../entrypoints/popup/page-brief';
import { compileMatcher } from '../../../lib/match/index';
import { glossaryCorpus, glossaryMatcherOptions, glossaryPatterns } from '../../../lib/glossary/matcher-input';
import type { TermCount } from '../../../lib/notes/types';
import { ROOT } from '../support/corpus';
import { note, popupProps } from './fixtures';

afterEach(cleanup);

const FIXTURES = join(ROOT, 'tests/fixtures/quotes');
const html = readFileSync(join(FIXTURES, 'summit-page.html'), 'utf8');
const title = /<title>(.*?)<\/title>/u.exec(html)![1]!;
/** What the page's content script sends: the text of each block with a traced quotation. */
const blocks = [...html.matchAll(/<(?:h1|p)>(.*?)<\/(?:h1|p)>/gu)].map((m) => m[1]!).filter((b) => !b.startsWith('本报记者'));
const URL_ = 'https://example.test/summit?id=1';
const page = { url: URL_, title, blocks };
const corpus = lazyCorpus(glossary);

const matcher = compileMatcher(glossaryPatterns(glossary), glossaryCorpus(glossary), glossaryMatcherOptions(glossary));
/** The page's terms as its content script counts them: per entry, in order of first occurrence. */
function termCounts(): TermCount[] {
  const counts = new Map<string, number>();
  for (const m of blocks.flatMap((b) => matcher.matchText(b))) {
    if (m.kind !== 'term') continue;
    const id = glossary.entries[m.entry]!.id;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].map(([entryId, count]) => ({ entryId, count }));
}

const onThePage = note({
  url: URL_,
  body: 'The Hong Kong rendering adds 有 ("organised"): *check* the original.',
  selectors: {
    quote: { type: 'TextQuoteSelector', exact: '跨國有組織犯罪', prefix: '和', suffix: '、' },
    position: { type: 'TextPositionSelector', start: 40, end: 47 },
  },
});

describe('the brief the popup copies', () => {
  it('matches the checked brief of the test page: terms, quotations with verdicts, the reader’s note', () => {
    const text = briefMarkdown(page, termCounts(), [onThePage], '2026-12-07', corpus(), glossary);
    expect(text).toBe(readFileSync(join(FIXTURES, 'summit-page.brief.md'), 'utf8'));
  });

  it('is dated the reader’s day and saved under a name with the day and the site', () => {
    expect(localDate(new Date(2026, 11, 7, 23, 59))).toBe('2026-12-07');
    expect(briefFilename(URL_, '2026-12-07')).toBe('tifa-lens-brief-2026-12-07-example.test.md');
    expect(briefFilename('not a url', '2026-12-07')).toBe('tifa-lens-brief-2026-12-07-page.md');
  });
});

describe('This page’s quotations and brief', () => {
  const state = (): Extract<PageState, { kind: 'page' }> => ({
    kind: 'page',
    url: URL_,
    host: 'example.test',
    terms: termCounts(),
    disabledBy: null,
    quotations: pageQuotations(page, corpus(), glossary),
  });

  it('lists each quotation with its verdict in words, its citation and its differences', () => {
    render(<Popup {...popupProps({ page: state() })} />);
    const section = screen.getByRole('region', { name: '6 quotations of the corpus' });
    const items = within(section)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('quote-item'));
    expect(items.map((li) => li.querySelector('.verdict')?.textContent)).toEqual([
      'verbatim',
      'altered',
      'altered',
      'abridged',
      'verbatim',
      'close paraphrase',
    ]);
    expect(items[1]?.textContent).toContain('《携手共命运 一起向未来》, paragraph 3');
    expect(items[1]?.querySelector('.quote-differences')?.textContent).toBe('changed 我们 to 双方');
    expect(items[2]?.querySelector('blockquote')?.textContent).toContain('跨國有組織犯罪');
    expect(items[2]?.querySelector('.quote-differences')?.textContent).toBe('added 有');
    expect(items[3]?.querySelector('.quote-differences')?.textContent).toBe('dropped 睦邻友好');
    expect(items[0]?.querySelector('.quote-differences')).toBeNull();
  });

  it('copies or downloads the brief on a click, and says whether it worked', async () => {
    const onCopyBrief = vi.fn(() => Promise.resolve({ ok: true as const }));
    const onDownloadBrief = vi.fn(() => Promise.resolve({ ok: false as const, error: 'no notes' }));
    render(<Popup {...popupProps({ page: state(), onCopyBrief, onDownloadBrief })} />);
    const group = screen.getByRole('group', { name: 'The page’s brief' });
    fireEvent.click(within(group).getByRole('button', { name: 'Copy brief' }));
    await waitFor(() => expect(within(group).getByRole('status').textContent).toBe('Brief copied as Markdown.'));
    expect(onCopyBrief).toHaveBeenCalledTimes(1);
    fireEvent.click(within(group).getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(within(group).getByRole('status').textContent).toBe('Could not make the brief: no notes'));
  });

  it('offers no brief where the lens is off or has not reported', () => {
    const { rerender } = render(<Popup {...popupProps({ page: { ...state(), disabledBy: 'example.test' }, onCopyBrief: vi.fn() })} />);
    expect(screen.queryByRole('button', { name: 'Copy brief' })).toBeNull();
    expect(screen.queryByRole('region', { name: /quotations of the corpus/u })).toBeNull();
    rerender(<Popup {...popupProps({ page: { ...state(), terms: null }, onCopyBrief: vi.fn() })} />);
    expect(screen.queryByRole('button', { name: 'Copy brief' })).toBeNull();
  });
});
