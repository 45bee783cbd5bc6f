// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { NoteCard, NoteDraftCard } from '../../../components/card/NoteCard';
import { NoteComposer, parseTags } from '../../../components/card/NoteComposer';
import type { NoteComposerProps } from '../../../components/card/NoteComposer';
import { TermCard } from '../../../components/card/TermCard';

afterEach(cleanup);

const XSS = '<img src=x onerror=alert(1)>';

function renderComposer(props: Partial<NoteComposerProps> = {}) {
  const onSave = vi.fn<NoteComposerProps['onSave']>(async () => null);
  const onCancel = vi.fn();
  const utils = render(<NoteComposer onSave={onSave} onCancel={onCancel} {...props} />);
  const body = screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
  const tags = screen.getByRole('textbox', { name: 'Tags' }) as HTMLInputElement;
  return { ...utils, onSave: props.onSave ?? onSave, onCancel, body, tags };
}

function type(field: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  fireEvent.input(field, { target: { value } });
}

describe('the note composer', () => {
  it('is a labelled form: the note field (focused) with its counter and keys, tags, Save and Cancel', () => {
    const { body, tags } = renderComposer();
    expect(screen.getByRole('form', { name: 'New note' })).toBeTruthy();
    expect(document.activeElement).toBe(body);
    expect(body.maxLength).toBe(10_000);
    const described = (body.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['0 / 10,000 characters', 'Ctrl+Enter saves, Esc cancels.']);
    expect(tags.type).toBe('text');
    expect(screen.getByRole('button', { name: 'Save' }).getAttribute('type')).toBe('submit');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });

  it('counts the characters as the reader types, and warns near the limit', () => {
    const { body, container } = renderComposer();
    type(body, '人类命运共同体');
    expect(screen.getByText('7 / 10,000 characters')).toBeTruthy();
    type(body, 'x'.repeat(9_500));
    const counter = screen.getByText('9,500 / 10,000 characters');
    expect(counter.className).toContain('tl-counter--near');
    expect(container.querySelector('.tl-counter--near')).toBe(counter);
  });

  it('saves with Ctrl+Enter (and ⌘+Enter) from either field, with the tags normalized', async () => {
    const { body, tags, onSave } = renderComposer();
    type(body, 'A note');
    type(tags, ' #Summit，Xi ; summit, ');
    await act(async () => {
      fireEvent.keyDown(tags, { key: 'Enter', ctrlKey: true });
    });
    expect(onSave).toHaveBeenCalledWith({ body: 'A note', tags: ['summit', 'xi'] });
    await act(async () => {
      fireEvent.keyDown(body, { key: 'Enter', metaKey: true });
    });
    expect(onSave).toHaveBeenCalledTimes(2);
    // A plain Enter is a new line in the note.
    fireEvent.keyDown(body, { key: 'Enter' });
    expect(onSave).toHaveBeenCalledTimes(2);
  });

  it('cancels with Esc, which goes no further (the card around it stays open)', () => {
    const outer = vi.fn();
    const onCancel = vi.fn();
    render(
      <div onKeyDown={outer}>
        <NoteComposer onSave={async () => null} onCancel={onCancel} />
      </div>,
    );
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Note' }), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledOnce();
    expect(outer).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(2);
  });

  it('shows the background’s error as text and keeps the draft', async () => {
    const onSave = vi.fn<NoteComposerProps['onSave']>(async () => `draft.body: ${XSS}`);
    const { body, container } = renderComposer({ onSave });
    type(body, 'Keep me');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(`Not saved: draft.body: ${XSS}`);
    expect(container.querySelector('img')).toBeNull();
    expect(body.value).toBe('Keep me');
  });

  it('refuses an empty note and too many tags before asking the background', async () => {
    const { body, tags, onSave } = renderComposer();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Write the note before saving it.');
    type(body, 'x');
    type(tags, Array.from({ length: 21 }, (_, i) => `t${i}`).join(','));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Tags: more than 20 tags (21).'));
    expect(onSave).not.toHaveBeenCalled();
  });

  it('is busy while saving: Save disabled, a second save ignored', async () => {
    let finish: (error: string | null) => void = () => undefined;
    const onSave = vi.fn<NoteComposerProps['onSave']>(() => new Promise((resolve) => (finish = resolve)));
    const { body } = renderComposer({ onSave });
    type(body, 'Slow');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    const saving = screen.getByRole('button', { name: 'Saving…' }) as HTMLButtonElement;
    expect(saving.disabled).toBe(true);
    fireEvent.keyDown(body, { key: 'Enter', ctrlKey: true });
    expect(onSave).toHaveBeenCalledOnce();
    await act(async () => finish(null));
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('inserts the note, the quote and the tags only as text', () => {
    const { container } = render(
      <NoteCard note={{ body: XSS, tags: [XSS.slice(0, 12)], quote: `<b>${XSS}</b>`, updatedAt: Date.UTC(2022, 0, 25) }} onClose={() => undefined} />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Your note' });
    expect(within(dialog).getByText(XSS)).toBeTruthy();
    expect(within(dialog).getByText(`<b>${XSS}</b>`)).toBeTruthy();
    expect(container.querySelector('img, b')).toBeNull();
    expect(dialog.textContent).toContain('25 Jan 2022');
  });

  it('frames the composer from the extension in the selection’s card, never in the page', () => {
    const src = 'chrome-extension://abc/note-frame.html#0123456789abcdef0123456789abcdef';
    const { container } = render(<NoteDraftCard composer={{ src, height: 240 }} onSelection onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Note on the selection' });
    const frame = within(dialog).getByTitle('New note');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('src')).toBe(src);
    expect((frame as HTMLIFrameElement).style.height).toBe('240px');
    // No field of the page's document takes the reader's keys.
    expect(container.querySelector('textarea, input')).toBeNull();
  });

  it('is a note on the page when nothing is selected (the keyboard command)', () => {
    render(<NoteDraftCard composer={{ src: null, height: 200 }} onSelection={false} onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Note on this page' });
    expect(dialog.querySelector('iframe')).toBeNull();
    expect(dialog.querySelector('[aria-busy="true"]')).not.toBeNull();
  });

  it('says why a note cannot be written instead of the composer', () => {
    render(<NoteDraftCard composer={{ src: null, height: 0, error: 'The selected text is too long.' }} onSelection onClose={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toBe('The selected text is too long.');
  });

  it('takes the place of "Add note" in the term card while it is open', () => {
    const entry = glossary.entries.find((e) => e.zh === '人类命运共同体');
    if (!entry) throw new Error('no entry');
    const props = {
      data: { kind: 'term' as const, entry, found: entry.zh },
      documents: glossary.documents,
      onClose: () => undefined,
      onAddNote: () => undefined,
    };
    const { rerender } = render(<TermCard {...props} />);
    expect(screen.getByRole('button', { name: 'Add note' })).toBeTruthy();
    rerender(<TermCard {...props} composer={{ src: 'chrome-extension://abc/note-frame.html#t', height: 236 }} />);
    expect(screen.queryByRole('button', { name: 'Add note' })).toBeNull();
    expect(screen.getByTitle('New note').tagName).toBe('IFRAME');
  });
});

describe('tags as typed', () => {
  it('splits on Latin and Chinese commas and semicolons and the enumeration comma', () => {
    expect(parseTags(' xi, summit，峰会、外交;  ；a ')).toEqual(['xi', 'summit', '峰会', '外交', 'a']);
    expect(parseTags('')).toEqual([]);
  });
});
