// The notes' small card on the page: a new note on the reader's selection (the composer), or a
// saved note opened from its marker. Drawn like the term card (same style sheet, same popover) in
// its own `tifa-lens-note-panel` shadow host, which is in the page only while the card is open.

import { render } from 'preact';
import cardCss from '../../../components/card/card.css?inline';
import { CardPopover } from '../../../components/card/CardPopover';
import { NoteCard, NoteDraftCard } from '../../../components/card/NoteCard';
import type { NoteCardNote } from '../../../components/card/NoteCard';
import type { NoteComposerValue } from '../../../components/card/NoteComposer';
import type { Rect } from '../../../lib/card/placement';
import { createUiHost } from './ui-host';
import type { UiHost } from './ui-host';

export const NOTE_PANEL_TAG = 'tifa-lens-note-panel';

export interface ComposeOptions {
  /** The page text the note is on, shown above the field. */
  quote: string | null;
  anchor: () => Rect | null;
  /** Resolves to an error to show, or null once saved (the card then closes). */
  onSave: (value: NoteComposerValue) => Promise<string | null>;
}

export interface NotePanelHost {
  compose(options: ComposeOptions): void;
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

type Content = { kind: 'compose'; options: ComposeOptions } | { kind: 'note'; note: NoteCardNote; anchor: () => Rect | null };

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
    // Esc inside the composer cancels through the composer; from elsewhere it leaves it alone.
    if (content.kind === 'compose') return;
    const inside = focusInside();
    if (inside) {
      event.preventDefault();
      event.stopPropagation();
    }
    close(inside);
  }

  function onPointerDown(event: PointerEvent): void {
    if (event.isTrusted && content?.kind === 'note' && !(ui && event.composedPath().includes(ui.host))) close(false);
  }

  function draw(): void {
    if (!content || !ui) return;
    const anchor = content.kind === 'compose' ? content.options.anchor : content.anchor;
    const card =
      content.kind === 'compose' ? (
        <NoteDraftCard
          composer={{
            quote: content.options.quote,
            onSave: content.options.onSave,
            onCancel: () => close(true),
          }}
          onClose={() => close(true)}
        />
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
    compose(composeOptions) {
      open({
        kind: 'compose',
        options: {
          ...composeOptions,
          onSave: async (value) => {
            const error = await composeOptions.onSave(value);
            if (error === null) close(true);
            return error;
          },
        },
      });
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
