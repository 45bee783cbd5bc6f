// @vitest-environment happy-dom
import { act } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { glossary } from '../../../../../assets/generated/glossary';
import { createCardHost, HOST_TAG } from '../../../../../content/lens/card/card-host';
import type { CardHost } from '../../../../../content/lens/card/card-host';
import { createNoteMarkers, MARKERS_TAG } from '../../../../../content/lens/notes/note-markers';
import { createNotePanelHost, NOTE_PANEL_TAG } from '../../../../../content/lens/notes/note-panel-host';
import { createSelectionButton, SELECTION_BUTTON_TAG } from '../../../../../content/lens/notes/selection-button';
import type { CardData } from '../../../../../lib/card/types';
import { actSettled } from '../../../support/act';
import { byReader } from '../../../support/reader-event';
import { hostOf } from '../../../support/ui-hosts';

// Preact's act flushes a synchronous callback's renders and effects before it returns; its promise
// matters only for an async callback, so the synchronous calls here need not await it.

const { documents, entries } = glossary;
const entryOf = (zh: string) => {
  const e = entries.find((x) => x.zh === zh);
  if (!e) throw new Error(`no ${zh}`);
  return e;
};
const community: CardData = { kind: 'term', entry: entryOf('人类命运共同体'), found: '人类命运共同体' };
const belt: CardData = { kind: 'term', entry: entryOf('一带一路'), found: '一带一路' };
const rect = { left: 100, top: 100, right: 160, bottom: 120 };
const PAGE = `<p id="p">推动构建人类命运共同体。<button id="page-button">page</button></p>
<textarea id="field">人类命运共同体</textarea><div id="edit" contenteditable="true">可编辑的文字</div>`;

const shadowOf = (tag: string): ShadowRoot => {
  const root = hostOf(tag)?.shadowRoot;
  if (!root) throw new Error(`no ${tag}`);
  return root;
};
const buttonIn = (root: ShadowRoot, name: string): HTMLButtonElement => {
  const found = [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
};
const escape = (target: EventTarget): boolean =>
  target.dispatchEvent(byReader(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true })));
const pointerDown = (target: EventTarget | null): boolean | undefined =>
  target?.dispatchEvent(byReader(new PointerEvent('pointerdown', { bubbles: true, composed: true })));

let before = '';
beforeEach(() => {
  document.body.innerHTML = PAGE;
  before = document.documentElement.outerHTML;
});
afterEach(() => {
  vi.useRealTimers();
  document.getSelection()?.removeAllRanges();
});

describe('the composer in the term card', () => {
  let card: CardHost;
  beforeEach(() => {
    card = createCardHost({ documents, shadowMode: 'open' });
  });
  afterEach(() => card.destroy());

  function compose(): { onCancel: ReturnType<typeof vi.fn>; onSave: ReturnType<typeof vi.fn> } {
    const onCancel = vi.fn(() => card.hideComposer());
    const onSave = vi.fn(() => Promise.resolve(null));
    card.setAddNote(() => card.showComposer({ onSave, onCancel }));
    card.openCard(community, rect);
    void act(() => buttonIn(shadowOf(HOST_TAG), 'Add note').click());
    return { onCancel, onSave };
  }

  it('opens from "Add note" with the field focused, and Esc there cancels the note, not the card', () => {
    const { onCancel } = compose();
    const root = shadowOf(HOST_TAG);
    const field = root.querySelector('textarea');
    expect(root.activeElement).toBe(field);
    expect(card.isComposing()).toBe(true);
    void act(() => void escape(field as HTMLTextAreaElement));
    expect(onCancel).toHaveBeenCalledOnce();
    expect(card.isOpen()).toBe(true);
    expect(card.isComposing()).toBe(false);
    expect(root.querySelector('textarea')).toBeNull();
    // Focus stays in the card, so it does not close under the reader; a second Esc closes it.
    expect(root.activeElement?.getAttribute('role')).toBe('dialog');
    void act(() => void escape(root.activeElement as HTMLElement));
    expect(card.isOpen()).toBe(false);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('keeps the card open while writing: pointer leaving, a click on the page, another term', () => {
    vi.useFakeTimers();
    compose();
    card.scheduleClose(10);
    vi.advanceTimersByTime(50);
    pointerDown(document.getElementById('page-button'));
    card.openCard(belt, rect);
    expect(card.isOpen()).toBe(true);
    expect(card.current()).toBe(community);
    expect(shadowOf(HOST_TAG).querySelector('textarea')).not.toBeNull();
  });

  it('has no "Add note" without a handler', () => {
    card.openCard(community, rect);
    expect(() => buttonIn(shadowOf(HOST_TAG), 'Add note')).toThrow();
    card.setAddNote(() => undefined);
    expect(buttonIn(shadowOf(HOST_TAG), 'Add note')).toBeTruthy();
  });
});

describe('the note panel', () => {
  it('writes a note on a selection and closes once saved; nothing stays in the page', async () => {
    const panel = createNotePanelHost({ shadowMode: 'open' });
    const onSave = vi.fn(() => Promise.resolve(null));
    void act(() => panel.compose({ quote: '人类命运共同体', anchor: () => rect, onSave }));
    const root = shadowOf(NOTE_PANEL_TAG);
    expect(root.querySelector('[role="dialog"]')?.getAttribute('aria-labelledby')).toBeTruthy();
    expect(root.querySelector('blockquote')?.textContent).toBe('人类命运共同体');
    // A click on the page does not throw the draft away.
    pointerDown(document.getElementById('page-button'));
    expect(panel.isComposing()).toBe(true);
    const field = root.querySelector('textarea') as HTMLTextAreaElement;
    field.value = 'note';
    void act(() => void field.dispatchEvent(new Event('input', { bubbles: true })));
    await actSettled(() => field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true })));
    expect(onSave).toHaveBeenCalledWith({ body: 'note', tags: [] });
    expect(panel.isOpen()).toBe(false);
    expect(document.documentElement.outerHTML).toBe(before);
    panel.destroy();
  });

  it('shows a saved note as text and closes on Esc or a click outside', () => {
    const panel = createNotePanelHost({ shadowMode: 'open' });
    void act(() => panel.showNote({ body: '<img src=x onerror=alert(1)>', tags: ['xi'], quote: '共同体', updatedAt: 0 }, () => rect, { focus: true }));
    const root = shadowOf(NOTE_PANEL_TAG);
    expect(root.querySelector('.tl-note-body')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('img')).toBeNull();
    void act(() => void escape(document.body));
    expect(panel.isOpen()).toBe(false);
    void act(() => panel.showNote({ body: 'b', tags: [], quote: null, updatedAt: 0 }, () => rect));
    pointerDown(document.getElementById('page-button'));
    expect(panel.isOpen()).toBe(false);
    expect(document.documentElement.outerHTML).toBe(before);
    panel.destroy();
  });
});

describe('the note markers', () => {
  it('are in the page only while there are notes, named by the note and opening it', () => {
    const onOpen = vi.fn();
    const markers = createNoteMarkers({ onOpen, shadowMode: 'open' });
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('p')?.firstChild as Node);
    markers.set([{ id: 'n1', range, label: 'Your note: <b>x</b>' }]);
    const host = hostOf(MARKERS_TAG);
    expect(host?.parentNode).toBe(document.documentElement);
    const marker = buttonIn(shadowOf(MARKERS_TAG), 'Your note: <b>x</b>');
    marker.click();
    expect(onOpen).toHaveBeenCalledWith('n1', marker);
    // Anchored again (the page changed): the same marker, renamed; a new note gets its own.
    markers.set([
      { id: 'n2', range, label: 'Your note: second' },
      { id: 'n1', range, label: 'Your note: edited' },
    ]);
    expect(buttonIn(shadowOf(MARKERS_TAG), 'Your note: edited')).toBe(marker);
    expect([...shadowOf(MARKERS_TAG).querySelectorAll('button')].map((b) => b.getAttribute('aria-label'))).toEqual(['Your note: second', 'Your note: edited']);
    markers.set([]);
    expect(document.documentElement.outerHTML).toBe(before);
    markers.destroy();
  });
});

describe('the selection button', () => {
  function selectText(node: Node, start: number, end: number): void {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const selection = document.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
  }

  it('follows a selection of page text, adds a note on it, and goes with the selection', () => {
    vi.useFakeTimers();
    const onAdd = vi.fn();
    const button = createSelectionButton({ onAdd, shadowMode: 'open', delayMs: 10 });
    const text = document.getElementById('p')?.firstChild as Text;
    selectText(text, 4, 11);
    vi.advanceTimersByTime(20);
    const add = buttonIn(shadowOf(SELECTION_BUTTON_TAG), '✎Add note');
    add.click();
    expect(onAdd).toHaveBeenCalledOnce();
    expect(String(onAdd.mock.calls[0]?.[0])).toBe('人类命运共同体');
    expect(hostOf(SELECTION_BUTTON_TAG)).toBeNull();

    selectText(text, 4, 11);
    vi.advanceTimersByTime(20);
    expect(hostOf(SELECTION_BUTTON_TAG)).not.toBeNull();
    document.getSelection()?.removeAllRanges();
    document.dispatchEvent(new Event('selectionchange'));
    vi.advanceTimersByTime(20);
    expect(document.documentElement.outerHTML).toBe(before);
    button.destroy();
  });

  it('never shows for editable text, or when it is not wanted', () => {
    vi.useFakeTimers();
    let wanted = true;
    const button = createSelectionButton({ onAdd: () => undefined, shadowMode: 'open', delayMs: 10, enabled: () => wanted });
    selectText(document.getElementById('edit')?.firstChild as Node, 0, 3);
    vi.advanceTimersByTime(20);
    expect(hostOf(SELECTION_BUTTON_TAG)).toBeNull();
    wanted = false;
    selectText(document.getElementById('p')?.firstChild as Node, 4, 11);
    vi.advanceTimersByTime(20);
    expect(hostOf(SELECTION_BUTTON_TAG)).toBeNull();
    button.destroy();
  });
});
