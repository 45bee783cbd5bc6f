// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../components/popup/Popup';
import type { PopupProps } from '../../../components/popup/Popup';
import type { Note } from '../../../lib/notes/types';
import { entry, note, popupProps, threeNotes, XSS } from './fixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function renderNotes(overrides: Partial<PopupProps> = {}) {
  const props = popupProps({ notes: threeNotes(), initialTab: 'notes', ...overrides });
  const utils = render(<Popup {...props} />);
  const panel = (): HTMLElement => screen.getByRole('tabpanel');
  const titles = (): string[] =>
    within(panel())
      .queryAllByRole('article')
      .map((a) => a.querySelector('h3')?.textContent ?? '');
  return { ...utils, props, panel, titles };
}

const BELT = `${entry('belt-and-road').zh} · ${entry('belt-and-road').en}`;
const COMMUNITY = `${entry('shared-future-mankind').zh} · ${entry('shared-future-mankind').en}`;

describe('Notes', () => {
  it('lists every note, newest first, with its page, quote, body and tags', () => {
    const { titles, panel } = renderNotes();
    expect(titles()).toEqual([COMMUNITY, 'Note', BELT]);
    expect(screen.getByRole('tab', { name: 'Notes (3)' })).toBeTruthy();
    const belt = within(panel()).getAllByRole('article')[2]!;
    expect(belt.textContent).toContain('Belt and Road at ten');
    expect(belt.textContent).toContain('economist.example');
    expect(belt.querySelector('blockquote')?.textContent).toBe('人类命运共同体');
    expect(belt.textContent).toContain('BRI framing in the summit speech');
    expect(within(belt).getByRole('list', { name: 'Tags' }).textContent).toBe('#bri#speech');
  });

  it('renders note text, titles and quotes as text, never as HTML', () => {
    const { panel } = renderNotes();
    expect(panel().querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    const xss = within(panel()).getAllByRole('article')[1]!;
    expect(xss.textContent).toContain(`Hostile ${XSS} body`);
    expect(xss.textContent).toContain(`Title ${XSS}`);
    expect(xss.querySelector('blockquote')?.textContent).toBe(`quote ${XSS}`);
  });

  it('searches body, term, quote and page title, ignoring case and tone marks', () => {
    const { titles } = renderNotes();
    const search = screen.getByLabelText('Search notes');
    const find = (q: string): string[] => {
      fireEvent.input(search, { target: { value: q } });
      return titles();
    };
    expect(find('signature')).toEqual([COMMUNITY]);
    expect(find('hostile')).toEqual(['Note']);
    expect(find('belt road')).toEqual([BELT]);
    expect(find('yi dai yi lu')).toEqual([BELT]);
    expect(find('yīdàiyīlù')).toEqual([BELT]);
    expect(find('一带一路')).toEqual([BELT]);
    expect(find('AT TEN')).toEqual([BELT]);
    expect(find('quote <img')).toEqual(['Note']);
    expect(find('nothing like this')).toEqual([]);
    expect(screen.getByText('No note matches.')).toBeTruthy();
    expect(screen.getByText(/0 of 3 notes/u)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(titles()).toHaveLength(3);
  });

  it('filters by term, site and tag', () => {
    const { titles } = renderNotes();
    const select = (label: string, value: string): void => {
      fireEvent.change(screen.getByLabelText(label), { target: { value } });
    };
    select('Tag', 'speech');
    expect(titles()).toEqual([COMMUNITY, BELT]);
    select('Site', 'economist.example');
    expect(titles()).toEqual([BELT]);
    select('Site', '');
    select('Term', 'shared-future-mankind');
    expect(titles()).toEqual([COMMUNITY]);
    const termOptions = [...(screen.getByLabelText('Term') as HTMLSelectElement).options].map((o) => o.textContent);
    expect(termOptions).toEqual(['Any term', `${BELT} (1)`, `${COMMUNITY} (1)`]);
  });

  it('deletes with a visible Undo that brings the note back', async () => {
    const onDeleteNote = vi.fn(async () => ({ ok: true as const }));
    const onRestoreNote = vi.fn(async () => ({ ok: true as const }));
    const notes = threeNotes();
    const { rerender, props, titles } = renderNotes({ notes, onDeleteNote, onRestoreNote });
    const xss = screen.getAllByRole('article')[1]!;
    fireEvent.click(within(xss).getByRole('button', { name: 'Delete' }));
    expect(onDeleteNote).toHaveBeenCalledWith('xss');
    const undo = await screen.findByRole('button', { name: 'Undo' });
    expect(screen.getByRole('status').textContent).toContain('Note deleted.');
    // The deleted note's buttons are gone: the focus goes to Undo.
    await waitFor(() => expect(document.activeElement).toBe(undo));

    // The live query drops it...
    const without: Note[] = notes.filter((n) => n.id !== 'xss');
    rerender(<Popup {...props} notes={without} onDeleteNote={onDeleteNote} onRestoreNote={onRestoreNote} />);
    expect(titles()).toEqual([COMMUNITY, BELT]);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onRestoreNote).toHaveBeenCalledWith('xss');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull());
    expect(await screen.findByText('Note restored.')).toBeTruthy();
    // ...and brings it back, exactly as it was.
    rerender(<Popup {...props} notes={notes} onDeleteNote={onDeleteNote} onRestoreNote={onRestoreNote} />);
    expect(titles()).toEqual([COMMUNITY, 'Note', BELT]);
  });

  it('offers Undo for several seconds, then withdraws it', async () => {
    vi.useFakeTimers();
    renderNotes({ undoMs: 8000 });
    fireEvent.click(within(screen.getAllByRole('article')[0]!).getByRole('button', { name: 'Delete' }));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5000);
    });
    expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3500);
    });
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('keeps the Undo offer while the pointer rests on it', async () => {
    vi.useFakeTimers();
    renderNotes({ undoMs: 1000 });
    fireEvent.click(within(screen.getAllByRole('article')[0]!).getByRole('button', { name: 'Delete' }));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    fireEvent.mouseEnter(screen.getByRole('status'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5000);
    });
    expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
    fireEvent.mouseLeave(screen.getByRole('status'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1100);
    });
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('says so when a delete fails, offering no Undo', async () => {
    renderNotes({ onDeleteNote: async () => ({ ok: false, error: 'No note with id xss.' }) });
    fireEvent.click(within(screen.getAllByRole('article')[1]!).getByRole('button', { name: 'Delete' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not delete the note: No note with id xss.');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('edits body and tags, normalized, and returns to the note', async () => {
    const onSaveNote = vi.fn(async () => ({ ok: true as const }));
    renderNotes({ onSaveNote });
    const community = screen.getAllByRole('article')[0]!;
    fireEvent.click(within(community).getByRole('button', { name: 'Edit' }));
    const body = within(community).getByLabelText('Note') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(body);
    expect(body.value).toBe('Signature formulation');
    fireEvent.input(body, { target: { value: 'New text <b>bold?</b>' } });
    fireEvent.input(within(community).getByLabelText('Tags, separated by commas'), { target: { value: ' #Speech, Xi ,, xi，二十大' } });
    fireEvent.click(within(community).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaveNote).toHaveBeenCalledWith('community', { body: 'New text <b>bold?</b>', tags: ['speech', 'xi', '二十大'] }));
    await waitFor(() => expect(within(community).queryByLabelText('Note')).toBeNull());
  });

  it('refuses an invalid edit before saving, and cancels with Escape', async () => {
    const onSaveNote = vi.fn(async () => ({ ok: true as const }));
    renderNotes({ onSaveNote });
    const community = screen.getAllByRole('article')[0]!;
    fireEvent.click(within(community).getByRole('button', { name: 'Edit' }));
    fireEvent.input(within(community).getByLabelText('Tags, separated by commas'), { target: { value: 'x'.repeat(41) } });
    fireEvent.click(within(community).getByRole('button', { name: 'Save' }));
    expect((await within(community).findByRole('alert')).textContent).toMatch(/^Tags: tag .* longer than 40 characters/u);
    expect(onSaveNote).not.toHaveBeenCalled();
    fireEvent.keyDown(within(community).getByLabelText('Note'), { key: 'Escape' });
    expect(within(community).queryByLabelText('Note')).toBeNull();
    expect(within(community).getByText('Signature formulation')).toBeTruthy();
  });

  it('shows the background’s refusal and stays in the editor', async () => {
    renderNotes({ onSaveNote: async () => ({ ok: false, error: 'Invalid "notes/update" request: changes.body: longer than 10000 characters' }) });
    const community = screen.getAllByRole('article')[0]!;
    fireEvent.click(within(community).getByRole('button', { name: 'Edit' }));
    fireEvent.click(within(community).getByRole('button', { name: 'Save' }));
    expect((await within(community).findByRole('alert')).textContent).toContain('Not saved: Invalid "notes/update"');
    expect(within(community).getByLabelText('Note')).toBeTruthy();
  });

  it('opens a note’s page', () => {
    const onOpenNote = vi.fn();
    renderNotes({ onOpenNote });
    fireEvent.click(within(screen.getAllByRole('article')[2]!).getByRole('button', { name: 'Open page' }));
    expect(onOpenNote).toHaveBeenCalledWith(expect.objectContaining({ id: 'belt' }));
  });

  // Notes come from backups too: a hostile file may carry any address.
  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'chrome://settings', 'about:blank'])(
    'does not open a note whose address is %s, and says why',
    (url) => {
      const onOpenNote = vi.fn();
      renderNotes({ notes: [note({ id: 'odd', url })], onOpenNote });
      const article = screen.getByRole('article');
      const button = within(article).queryByRole('button', { name: 'Open page' });
      if (button) {
        expect((button as HTMLButtonElement).disabled).toBe(true);
        fireEvent.click(button);
        expect(button.getAttribute('aria-describedby') ?? '').not.toBe('');
      }
      expect(onOpenNote).not.toHaveBeenCalled();
      expect(article.textContent).toMatch(/only web pages/iu);
    },
  );

  it('draws a long list a page at a time', () => {
    const many = Array.from({ length: 120 }, (_, i) => note({ id: `n${i}`, body: `body ${i}`, createdAt: 1e12 + i * 1000, updatedAt: 1e12 + i * 1000 }));
    renderNotes({ notes: many });
    expect(screen.getAllByRole('article')).toHaveLength(50);
    expect(screen.getAllByRole('article')[0]?.textContent).toContain('body 119');
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more' }));
    fireEvent.click(screen.getByRole('button', { name: 'Show 20 more' }));
    expect(screen.getAllByRole('article')).toHaveLength(120);
  });

  it('has a useful empty state, and import stays at hand', () => {
    renderNotes({ notes: [] });
    expect(screen.getByRole('heading', { name: 'No notes yet' })).toBeTruthy();
    expect(screen.getByLabelText('Import a JSON backup')).toBeTruthy();
    expect(screen.queryByLabelText('Search notes')).toBeNull();
  });

  it('says it is loading rather than empty', () => {
    renderNotes({ notes: undefined });
    expect(screen.getByText('Loading your notes…')).toBeTruthy();
  });
});
