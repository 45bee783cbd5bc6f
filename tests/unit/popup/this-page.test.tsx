// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../components/popup/Popup';
import type { PageState } from '../../../components/popup/types';
import type { TermCount } from '../../../lib/notes/types';
import { entry, note, popupProps, threeNotes } from './fixtures';

afterEach(cleanup);

const URL_ = 'https://news.example.com/world/summit';

function pageWith(terms: readonly TermCount[] | null, disabledBy: string | null = null): PageState {
  return { kind: 'page', url: `${URL_}?utm_source=x`, host: 'news.example.com', terms, disabledBy };
}

const TERMS = [
  { entryId: 'shared-future-mankind', count: 3 },
  { entryId: 'belt-and-road', count: 1 },
  { entryId: 'not-in-the-glossary', count: 9 },
];

describe('This page', () => {
  it('lists the page’s terms with pinyin, English and count, in page order', () => {
    render(<Popup {...popupProps({ page: pageWith(TERMS) })} />);
    expect(screen.getByRole('heading', { name: /2 terms on this page/u }).textContent).toContain('(4 in all)');
    const buttons = within(screen.getByRole('region', { name: /terms on this page/u })).getAllByRole('button');
    expect(buttons).toHaveLength(2);
    const community = entry('shared-future-mankind');
    expect(buttons[0]?.textContent).toContain(community.zh);
    expect(buttons[0]?.textContent).toContain(community.pinyin);
    expect(buttons[0]?.textContent).toContain(community.en);
    expect(buttons[0]?.textContent).toContain('×3');
    expect(buttons[0]?.textContent).toContain('3 times');
    expect(buttons[1]?.textContent).toContain(entry('belt-and-road').zh);
    expect(buttons[1]?.textContent).toContain('once');
  });

  it('asks the page to reveal a term on click and on Enter, once each', () => {
    const onRevealTerm = vi.fn();
    render(<Popup {...popupProps({ page: pageWith(TERMS), onRevealTerm })} />);
    const belt = screen.getByRole('button', { name: new RegExp(entry('belt-and-road').zh, 'u') });
    expect(belt.tagName).toBe('BUTTON');
    fireEvent.click(belt);
    expect(onRevealTerm).toHaveBeenLastCalledWith('belt-and-road');
    const enter = fireEvent.keyDown(screen.getByRole('button', { name: new RegExp(entry('shared-future-mankind').zh, 'u') }), { key: 'Enter' });
    expect(onRevealTerm).toHaveBeenLastCalledWith('shared-future-mankind');
    expect(onRevealTerm).toHaveBeenCalledTimes(2);
    // The default action (a second, synthesized click) is cancelled.
    expect(enter).toBe(false);
  });

  it('says when the page has no term, or has not reported', () => {
    const { rerender } = render(<Popup {...popupProps({ page: pageWith([]) })} />);
    expect(screen.getByText('No term of the glossary on this page.')).toBeTruthy();
    rerender(<Popup {...popupProps({ page: pageWith(null) })} />);
    expect(screen.getByText(/No terms reported for this page yet/u)).toBeTruthy();
    rerender(<Popup {...popupProps({ page: { kind: 'unavailable' } })} />);
    expect(screen.getByText(/nothing to show for this tab/u)).toBeTruthy();
    rerender(<Popup {...popupProps({ page: { kind: 'loading' } })} />);
    expect(screen.getByText('Looking at this page…')).toBeTruthy();
  });

  it('turns the lens off on this site in one click, and back on', async () => {
    const onSetSiteDisabled = vi.fn(async () => ({ ok: true as const }));
    const { rerender } = render(<Popup {...popupProps({ page: pageWith(TERMS), onSetSiteDisabled })} />);
    expect(screen.getByText(/Tifa Lens is on for news.example.com/u)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Disable on this site' }));
    expect(onSetSiteDisabled).toHaveBeenLastCalledWith(true);

    rerender(<Popup {...popupProps({ page: pageWith(TERMS, 'example.com'), onSetSiteDisabled })} />);
    expect(document.querySelector('.site-switch p')?.textContent).toBe('Tifa Lens is off on news.example.com (by the rule for example.com).');
    // The terms of a page the reader turned the lens off on are not listed.
    expect(screen.queryByRole('heading', { name: /terms on this page/u })).toBeNull();
    await waitFor(() => expect((screen.getByRole('button', { name: 'Enable on this site' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Enable on this site' }));
    expect(onSetSiteDisabled).toHaveBeenLastCalledWith(false);
  });

  it('shows an error when the switch cannot be saved', async () => {
    const onSetSiteDisabled = vi.fn(async () => ({ ok: false as const, error: 'quota exceeded' }));
    render(<Popup {...popupProps({ page: pageWith(TERMS), onSetSiteDisabled })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Disable on this site' }));
    expect((await screen.findByRole('alert')).textContent).toContain('quota exceeded');
  });

  it('lists the notes of this page (by normalized URL), oldest first, orphans marked', () => {
    const [belt, xss, community] = threeNotes();
    const here = [
      { ...community!, url: URL_ },
      { ...xss!, url: URL_ },
    ];
    const elsewhere = belt!;
    render(<Popup {...popupProps({ page: pageWith(TERMS), notes: [...here, elsewhere], orphanIds: new Set(['community']) })} />);
    const section = screen.getByRole('region', { name: /Your 2 notes on this page/u });
    expect(section.textContent).toContain('(1 no longer on it)');
    const articles = within(section).getAllByRole('article');
    expect(articles.map((a) => a.getAttribute('aria-labelledby') && a.querySelector('h3')?.textContent)).toEqual([
      'Note',
      `${entry('shared-future-mankind').zh} · ${entry('shared-future-mankind').en}`,
    ]);
    expect(within(articles[1]!).getByText('Text no longer on the page')).toBeTruthy();
    expect(within(articles[0]!).queryByText('Text no longer on the page')).toBeNull();
    expect(section.textContent).not.toContain('BRI framing');
  });

  it('keeps the first-run welcome to an empty extension', () => {
    const { rerender } = render(<Popup {...popupProps({ notes: [], met: new Map() })} />);
    const welcome = screen.getByRole('region', { name: 'Getting started' });
    expect(welcome.textContent).toContain('Open a news page about Chinese diplomacy');
    expect(welcome.textContent).toContain('Hover one');
    expect(within(welcome).getByRole('link', { name: 'Try it on the source texts' }).getAttribute('href')).toBe('chrome-extension://x/source.html');

    rerender(<Popup {...popupProps({ notes: [], met: new Map(), cardTrigger: 'hover-alt' })} />);
    expect(screen.getByRole('region', { name: 'Getting started' }).textContent).toContain('Hold Alt and hover one');

    rerender(<Popup {...popupProps({ notes: [note()], met: new Map() })} />);
    expect(screen.queryByRole('region', { name: 'Getting started' })).toBeNull();
    rerender(<Popup {...popupProps({ notes: [], met: new Map([['belt-and-road', { pages: 1, count: 2 }]]) })} />);
    expect(screen.queryByRole('region', { name: 'Getting started' })).toBeNull();
    // Nor while loading: no flash of the welcome for a reader with notes.
    rerender(<Popup {...popupProps({ notes: undefined, met: undefined })} />);
    expect(screen.queryByRole('region', { name: 'Getting started' })).toBeNull();
  });

  it('opens the settings', () => {
    const onOpenOptions = vi.fn();
    render(<Popup {...popupProps({ onOpenOptions })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });
});
