// The term card on news pages. It is drawn in a shadow root of a `<tifa-lens-ui>` element (a tag
// the page scanner skips) whose own sheet resets everything the page could pass down, and that
// element is in the page only while a card is open: closing it leaves the page's DOM as it was.

import { render } from 'preact';
import cardCss from '../../../components/card/card.css?inline';
import { Card, cardKey } from '../../../components/card/Card';
import { CardPopover } from '../../../components/card/CardPopover';
import type { NoteComposerProps } from '../../../components/card/NoteComposer';
import type { Rect } from '../../../lib/card/placement';
import type { CardData, CardNote } from '../../../lib/card/types';
import type { CorpusDocument } from '../../../lib/corpus/types';
import type { TraditionalCorpus } from '../../../lib/glossary/types';
import { sourceUrl } from '../../../lib/source/url';
import type { SourceLocation } from '../../../lib/source/url';
import type { Speech } from './card-speech';

export const HOST_TAG = 'tifa-lens-ui';

// `!important` inside a shadow root beats the page's `!important` on the host: the page cannot
// hide, move, shrink or restyle the card.
export const HOST_CSS = `:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
  pointer-events: none !important;
}
.tl-popover { pointer-events: auto; }`;

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
   * Shows a note composer in the open card. While it is shown the card stays open (the pointer
   * leaving it or a click on the page do not close it; Esc in it cancels it, not the card) and
   * other terms do not replace it.
   */
  showComposer(composer: NoteComposerProps): void;
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
  composer: NoteComposerProps | null;
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
  let host: HTMLElement | null = null;
  let root: ShadowRoot | null = null;
  let mount: HTMLElement | null = null;
  let state: OpenState | null = null;
  let pointerInside = false;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribeSpeech: (() => void) | null = null;
  let version = 0;
  let addNote = options.onAddNote ?? null;

  function build(): { host: HTMLElement; root: ShadowRoot; mount: HTMLElement } {
    if (host && root && mount) return { host, root, mount };
    const element = doc.createElement(HOST_TAG);
    const shadow = element.attachShadow({ mode: options.shadowMode ?? 'closed' });
    const css = `${HOST_CSS}\n${cardCss}`;
    // A constructed sheet is not subject to the page's CSP (a <style> may be); Firefox content
    // scripts may refuse one, and there a content script's <style> is exempt from the CSP.
    let adopted = false;
    try {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
      adopted = shadow.adoptedStyleSheets.length === 1;
    } catch {
      adopted = false;
    }
    if (!adopted) {
      const style = doc.createElement('style');
      style.textContent = css;
      shadow.append(style);
    }
    const container = doc.createElement('div');
    shadow.append(container);
    // Keys and clicks in the card are the card's: the page's own shortcuts and handlers must not fire.
    for (const type of ['keydown', 'keyup', 'keypress', 'click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup']) {
      container.addEventListener(type, (event) => event.stopPropagation());
    }
    host = element;
    root = shadow;
    mount = container;
    return { host: element, root: shadow, mount: container };
  }

  const focusInside = (): boolean => host !== null && doc.activeElement === host;

  // The reader's keys and pointer only: a page script's events (isTrusted false) close nothing.
  function onKeyDown(event: KeyboardEvent): void {
    if (!event.isTrusted || event.key !== 'Escape' || !state) return;
    const inside = focusInside();
    // Esc in the composer cancels the note, which the composer handles itself.
    if (state.composer && inside) return;
    if (inside) {
      event.preventDefault();
      event.stopPropagation();
    }
    close(inside);
  }

  function onPointerDown(event: PointerEvent): void {
    if (event.isTrusted && state && !state.composer && !(host && event.composedPath().includes(host))) close(false);
  }

  function draw(): void {
    if (!state || !mount) return;
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
      mount,
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
      version: ++version,
      returnFocus: same && state ? state.returnFocus : active && active !== built.host ? active : null,
    };
    if (!built.host.isConnected) {
      pointerInside = false;
      doc.documentElement.append(built.host);
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
    state = null;
    pointerInside = false;
    if (mount) render(null, mount);
    host?.remove();
    win.removeEventListener('keydown', onKeyDown, true);
    win.removeEventListener('pointerdown', onPointerDown, true);
    unsubscribeSpeech?.();
    unsubscribeSpeech = null;
    if (restoreFocus && returnFocus instanceof win.HTMLElement && returnFocus.isConnected) returnFocus.focus({ preventScroll: true });
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
    showComposer(composer) {
      if (!state) return;
      cancelClose();
      state.composer = composer;
      draw();
    },
    hideComposer() {
      if (!state?.composer) return;
      const hadFocus = focusInside();
      state.composer = null;
      draw();
      // The field had focus and is gone: keep it in the card, so the card does not close under the reader.
      if (hadFocus) root?.querySelector<HTMLElement>('[role="dialog"]')?.focus({ preventScroll: true });
    },
    isComposing: () => (state?.composer ?? null) !== null,
    closeCard: () => close(focusInside()),
    isOpen() {
      // The page may have removed the element (a framework re-rendering the document): then it is closed.
      if (state && !host?.isConnected) close(false);
      return state !== null;
    },
    current: () => state?.data ?? null,
    isPointerInside: () => pointerInside,
    contains: (target) => host !== null && target === host,
    scheduleClose,
    cancelClose,
    destroy() {
      close(false);
      host = null;
      root = null;
      mount = null;
    },
  };
}
