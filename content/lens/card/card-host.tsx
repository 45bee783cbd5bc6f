// The term card on news pages. It is drawn in a shadow root of a `<tifa-lens-ui-…>` element (a tag
// the page scanner skips) whose own sheet resets everything the page could pass down, and that
// element is in the page only while a card is open: closing it leaves the page's DOM as it was.

import { render } from 'preact';
import cardCss from '../../../components/card/card.css?inline';
import { Card, cardKey } from '../../../components/card/Card';
import { CardPopover } from '../../../components/card/CardPopover';
import type { NoteFrameProps } from '../../../components/card/NoteFrame';
import type { Rect } from '../../../lib/card/placement';
import type { CardData, CardNote } from '../../../lib/card/types';
import type { CorpusDocument } from '../../../lib/corpus/types';
import type { TraditionalCorpus } from '../../../lib/glossary/types';
import { sourceUrl } from '../../../lib/source/url';
import type { SourceLocation } from '../../../lib/source/url';
import { createUiHost } from '../notes/ui-host';
import type { UiHost } from '../notes/ui-host';
import type { Speech } from './card-speech';

/** The name the card's host element's tag starts with (the rest is drawn at random: ui-host.ts). */
export const HOST_TAG = 'tifa-lens-ui';

/** Where the card points: a box in viewport coordinates, or a function giving the current one. */
export type CardAnchor = Rect | (() => Rect | null);

export interface CardHostOptions {
  documents: readonly CorpusDocument[];
  /** The corpus in traditional characters: the source sentence of a card whose data asks for it. */
  traditional?: TraditionalCorpus;
  /** The source viewer's URL, `browser.runtime.getURL('/source.html')`. */
  sourcePageUrl?: string;
  /** "Open in source": the caller opens `url` in a new tab (pages cannot open extension pages themselves). */
  onOpenSource?: (url: string, location: SourceLocation) => void;
  /** "Add note" on the open card. */
  onAddNote?: (data: CardData) => void;
  speech?: Speech | null;
  /** `closed` (default) keeps the page's scripts from reading the card and the reader's notes in it. */
  shadowMode?: ShadowRootMode;
  /** Milliseconds between the pointer leaving the card and the card closing (default 300). */
  closeDelay?: number;
  document?: Document;
}

export interface OpenCardOptions {
  notes?: readonly CardNote[];
  /** Move focus into the card (opened from the keyboard); Esc then returns it where it was. */
  focus?: boolean;
}

export interface CardHost {
  openCard(data: CardData, anchor: CardAnchor, options?: OpenCardOptions): void;
  /** Replaces the notes listed in the open card. */
  setNotes(notes: readonly CardNote[]): void;
  /** Sets (or, with null, removes) what the card's "Add note" button does; replaces `onAddNote`. */
  setAddNote(handler: ((data: CardData) => void) | null): void;
  /**
   * Shows a note composer (the note frame) in the open card, or updates the one shown. While it is
   * shown the card stays open (the pointer leaving it or a click on the page do not close it) and
   * other terms do not replace it. Esc in the frame cancels the note there; Esc in the card around
   * it calls `onCancel`.
   */
  showComposer(composer: NoteFrameProps, onCancel?: () => void): void;
  hideComposer(): void;
  isComposing(): boolean;
  closeCard(): void;
  isOpen(): boolean;
  /** The card's data while open. */
  current(): CardData | null;
  /** Whether the pointer is over the card. */
  isPointerInside(): boolean;
  /** Whether an event target (as the page sees it) is the card. */
  contains(target: EventTarget | null): boolean;
  /** Closes the card after the close delay unless the pointer comes onto it or focus is in it. */
  scheduleClose(delay?: number): void;
  cancelClose(): void;
  destroy(): void;
}

interface OpenState {
  data: CardData;
  anchor: () => Rect | null;
  notes: readonly CardNote[];
  composer: NoteFrameProps | null;
  cancelComposer: (() => void) | null;
  version: number;
  returnFocus: Element | null;
}

/** A fixed box made to follow the page's scrolling (anchor boxes are in viewport coordinates). */
function followScroll(rect: Rect, win: Window): () => Rect {
  const x0 = win.scrollX;
  const y0 = win.scrollY;
  return () => {
    const dx = win.scrollX - x0;
    const dy = win.scrollY - y0;
    return { left: rect.left - dx, right: rect.right - dx, top: rect.top - dy, bottom: rect.bottom - dy };
  };
}

export function createCardHost(options: CardHostOptions): CardHost {
  const doc = options.document ?? document;
  const win = doc.defaultView ?? window;
  const closeDelay = options.closeDelay ?? 300;
  let ui: UiHost | null = null;
  let state: OpenState | null = null;
  let pointerInside = false;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribeSpeech: (() => void) | null = null;
  let version = 0;
  let addNote = options.onAddNote ?? null;

  function build(): UiHost {
    if (ui) return ui;
    ui = createUiHost(doc, HOST_TAG, cardCss, options.shadowMode ?? 'closed');
    return ui;
  }

  const focusInside = (): boolean => ui !== null && doc.activeElement === ui.host;

  // The reader's keys and pointer only: a page script's events (isTrusted false) close nothing.
  function onKeyDown(event: KeyboardEvent): void {
    if (!event.isTrusted || event.key !== 'Escape' || !state) return;
    const inside = focusInside();
    if (inside) {
      event.preventDefault();
      event.stopPropagation();
    }
    // The frame's own keys never reach the page: this Esc is in the card around it (or in the page).
    if (state.composer) {
      if (inside) cancelComposer();
      return;
    }
    close(inside);
  }

  function cancelComposer(): void {
    const cancel = state?.cancelComposer;
    hideComposer();
    cancel?.();
  }

  function hideComposer(): void {
    if (!state?.composer) return;
    const hadFocus = focusInside();
    state.composer = null;
    state.cancelComposer = null;
    draw();
    // The frame had focus and is gone: keep it in the card, so the card does not close under the reader.
    if (hadFocus) ui?.root.querySelector<HTMLElement>('[role="dialog"]')?.focus({ preventScroll: true });
  }

  function onPointerDown(event: PointerEvent): void {
    if (event.isTrusted && state && !state.composer && !(ui && event.composedPath().includes(ui.host))) close(false);
  }

  function draw(): void {
    if (!state || !ui) return;
    const { data, notes, anchor, composer } = state;
    const onAddNote = addNote;
    const speech = options.speech ?? null;
    const key = cardKey(data);
    render(
      <CardPopover
        key={key}
        anchor={anchor}
        version={state.version}
        onPointerEnter={() => {
          pointerInside = true;
          cancelClose();
        }}
        onPointerLeave={() => {
          pointerInside = false;
          scheduleClose();
        }}
      >
        <Card
          data={data}
          documents={options.documents}
          traditional={options.traditional}
          notes={notes}
          canSpeak={speech?.canSpeak() ?? false}
          onSpeak={speech ? (text) => speech.speak(text) : undefined}
          onAddNote={onAddNote ? () => onAddNote(data) : undefined}
          composer={composer}
          onShowSource={
            options.onOpenSource && options.sourcePageUrl
              ? (location) => {
                  const url = sourceUrl(options.sourcePageUrl ?? '', options.documents, location);
                  options.onOpenSource?.(url, location);
                }
              : undefined
          }
          sourceMode="open"
          onClose={() => close(focusInside())}
        />
      </CardPopover>,
      ui.mount,
    );
  }

  function openCard(data: CardData, anchor: CardAnchor, open: OpenCardOptions = {}): void {
    cancelClose();
    const built = build();
    const anchorFn = typeof anchor === 'function' ? anchor : followScroll(anchor, win);
    const same = state !== null && cardKey(state.data) === cardKey(data);
    // A note being written is not thrown away for another term the pointer passes over.
    if (state?.composer && !same) return;
    const active = doc.activeElement;
    state = {
      data,
      anchor: anchorFn,
      notes: open.notes ?? (same && state ? state.notes : []),
      composer: same && state ? state.composer : null,
      cancelComposer: same && state ? state.cancelComposer : null,
      version: ++version,
      returnFocus: same && state ? state.returnFocus : active && active !== built.host ? active : null,
    };
    if (!built.shown) {
      pointerInside = false;
      built.show();
      win.addEventListener('keydown', onKeyDown, true);
      win.addEventListener('pointerdown', onPointerDown, true);
      const speech = options.speech;
      unsubscribeSpeech = speech ? speech.onChange(draw) : null;
    }
    draw();
    if (open.focus) built.root.querySelector<HTMLElement>('[role="dialog"]')?.focus({ preventScroll: true });
  }

  function close(restoreFocus: boolean): void {
    cancelClose();
    if (!state) return;
    const { returnFocus } = state;
    // A note being written goes with the card.
    const cancel = state.composer ? state.cancelComposer : null;
    state = null;
    pointerInside = false;
    if (ui) {
      render(null, ui.mount);
      ui.hide();
    }
    win.removeEventListener('keydown', onKeyDown, true);
    win.removeEventListener('pointerdown', onPointerDown, true);
    unsubscribeSpeech?.();
    unsubscribeSpeech = null;
    if (restoreFocus && returnFocus instanceof win.HTMLElement && returnFocus.isConnected) returnFocus.focus({ preventScroll: true });
    cancel?.();
  }

  function scheduleClose(delay = closeDelay): void {
    cancelClose();
    if (!state) return;
    closeTimer = setTimeout(() => {
      closeTimer = undefined;
      if (!pointerInside && !focusInside() && !state?.composer) close(false);
    }, delay);
  }

  function cancelClose(): void {
    if (closeTimer !== undefined) clearTimeout(closeTimer);
    closeTimer = undefined;
  }

  return {
    openCard,
    setNotes(notes) {
      if (!state) return;
      state.notes = notes;
      draw();
    },
    setAddNote(handler) {
      addNote = handler;
      draw();
    },
    showComposer(composer, onCancel) {
      if (!state) return;
      cancelClose();
      state.composer = composer;
      if (onCancel) state.cancelComposer = onCancel;
      draw();
    },
    hideComposer,
    isComposing: () => (state?.composer ?? null) !== null,
    closeCard: () => close(focusInside()),
    isOpen() {
      // The page may have removed the element (a framework re-rendering the document): then it is closed.
      if (state && !ui?.shown) close(false);
      return state !== null;
    },
    current: () => state?.data ?? null,
    isPointerInside: () => pointerInside,
    contains: (target) => ui !== null && target === ui.host,
    scheduleClose,
    cancelClose,
    destroy() {
      close(false);
      ui = null;
    },
  };
}
