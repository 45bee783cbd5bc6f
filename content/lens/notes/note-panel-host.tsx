// The notes' small card on the page: a new note on the reader's selection (the composer), or a
// saved note opened from its marker. Drawn like the term card (same style sheet, same popover) in
// its own `tifa-lens-note-panel` shadow host, which is in the page only while the card is open.

import { render } from 'preact';
import cardCss from '../../../components/card/card.css?inline';
import { CardPopover } from '../../../components/card/CardPopover';
import { NoteCard, NoteDraftCard } from '../../../components/card/NoteCard';
import type { NoteCardNote } from '../../../components/card/NoteCard';
import type { NoteFrameProps } from '../../../components/card/NoteFrame';
import type { Rect } from '../../../lib/card/placement';
import { createUiHost } from './ui-host';
import type { UiHost } from './ui-host';

export const NOTE_PANEL_TAG = 'tifa-lens-note-panel';

export interface ComposeOptions {
  /** The note is on text the reader selected (else on the page itself). */
  onSelection: boolean;
  anchor: () => Rect | null;
  /** The reader closed the card around the note frame (its close button, Esc outside the frame). */
  onCancel: () => void;
}

export interface NotePanelHost {
  /** Opens the composer card with the note frame, or (the same composer) updates the frame. */
  compose(options: ComposeOptions, frame: NoteFrameProps): void;
  /** Updates the frame of the composer shown; nothing when none is. */
  updateComposer(frame: NoteFrameProps): void;
  showNote(note: NoteCardNote, anchor: () => Rect | null, options?: { focus?: boolean }): void;
  close(): void;
  isOpen(): boolean;
  isComposing(): boolean;
  destroy(): void;
}

export interface NotePanelOptions {
  document?: Document;
  shadowMode?: ShadowRootMode;
}

type Content = { kind: 'compose'; options: ComposeOptions; frame: NoteFrameProps } | { kind: 'note'; note: NoteCardNote; anchor: () => Rect | null };

export function createNotePanelHost(options: NotePanelOptions = {}): NotePanelHost {
  const doc = options.document ?? document;
  const win = doc.defaultView ?? window;
  let ui: UiHost | null = null;
  let content: Content | null = null;
  let returnFocus: Element | null = null;
  let version = 0;

  const focusInside = (): boolean => ui !== null && doc.activeElement === ui.host;

  // The reader's keys and pointer only: a page script's events (isTrusted false) close nothing.
  function onKeyDown(event: KeyboardEvent): void {
    if (!event.isTrusted || event.key !== 'Escape' || !content) return;
    const inside = focusInside();
    // The frame's own keys never reach the page: an Esc from the page leaves a note being written alone.
    if (content.kind === 'compose' && !inside) return;
    if (inside) {
      event.preventDefault();
      event.stopPropagation();
    }
    cancel(inside);
  }

  function onPointerDown(event: PointerEvent): void {
    if (event.isTrusted && content?.kind === 'note' && !(ui && event.composedPath().includes(ui.host))) close(false);
  }

  function draw(): void {
    if (!content || !ui) return;
    const anchor = content.kind === 'compose' ? content.options.anchor : content.anchor;
    const card =
      content.kind === 'compose' ? (
        <NoteDraftCard composer={content.frame} onSelection={content.options.onSelection} onClose={() => cancel(true)} />
      ) : (
        <NoteCard note={content.note} onClose={() => close(focusInside())} />
      );
    render(
      <CardPopover key={version} anchor={anchor} version={version}>
        {card}
      </CardPopover>,
      ui.mount,
    );
  }

  function open(next: Content): void {
    ui ??= createUiHost(doc, NOTE_PANEL_TAG, cardCss, options.shadowMode);
    if (!content) {
      const active = doc.activeElement;
      returnFocus = active && active !== ui.host ? active : null;
    }
    content = next;
    version++;
    if (!ui.shown) {
      ui.show();
      win.addEventListener('keydown', onKeyDown, true);
      win.addEventListener('pointerdown', onPointerDown, true);
    }
    draw();
  }

  /** Closes the card; a note being written in it is cancelled. */
  function cancel(restoreFocus: boolean): void {
    const onCancel = content?.kind === 'compose' ? content.options.onCancel : null;
    close(restoreFocus);
    onCancel?.();
  }

  function close(restoreFocus: boolean): void {
    if (!content) return;
    content = null;
    if (ui) {
      render(null, ui.mount);
      ui.hide();
    }
    win.removeEventListener('keydown', onKeyDown, true);
    win.removeEventListener('pointerdown', onPointerDown, true);
    const back = returnFocus;
    returnFocus = null;
    if (restoreFocus && back instanceof win.HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  }

  return {
    compose(composeOptions, frame) {
      open({ kind: 'compose', options: composeOptions, frame });
    },
    updateComposer(frame) {
      if (content?.kind !== 'compose') return;
      content = { ...content, frame };
      draw();
    },
    showNote(note, anchor, showOptions = {}) {
      open({ kind: 'note', note, anchor });
      if (showOptions.focus) ui?.root.querySelector<HTMLElement>('[role="dialog"]')?.focus({ preventScroll: true });
    },
    close: () => close(focusInside()),
    isOpen: () => {
      if (content && !ui?.shown) close(false);
      return content !== null;
    },
    isComposing: () => content?.kind === 'compose',
    destroy() {
      close(false);
      ui = null;
    },
  };
}
