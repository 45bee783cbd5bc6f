// The reader's notes on the page (top frame only: a note belongs to the page in the tab). Notes
// are written from the term card's "Add note" (card-notes.ts), from the button that follows a text
// selection and from the context menu item; on every visit they are fetched for this URL and
// anchored again in the page's text (page-notes.ts), painted in a closed shadow root the page
// cannot read (note-highlights.ts, not `CSS.highlights`) with a marker at the end of each. Notes whose text is gone are orphans:
// kept, and reported to the popup. A `#tifa-lens-note=<id>` fragment scrolls to that note and
// flashes it (note-fragment.ts). This file wires those parts to the composer and the panel.
//
// On a site the reader disabled nothing is painted and the selection button stays away (the
// context menu still writes a note: the reader asked for it).

import { browser } from 'wxt/browser';
import type { Rect } from '../../../lib/card/placement';
import { anchor } from '../../../lib/notes/anchor';
import { normalizePageUrl, notesChangeConcerns } from '../../../lib/notes/url';
import { isPageOff, watchSettings } from '../../../lib/settings/index';
import type { Lens } from '../lens-state';
import { onTermActivate } from '../term-events';
import { createCardNotes } from './card-notes';
import { NOTE_FRAME_HEIGHT } from '../../../components/card/NoteFrame';
import type { NoteFrameProps } from '../../../components/card/NoteFrame';
import type { DraftEvent } from '../../../lib/protocol/messages';
import { draftContextOf } from './note-drafts';
import { createNoteFrames } from './note-frames';
import { noteFragment } from './note-fragment';
import { createNoteHighlights } from './note-highlights';
import { createNoteMarkers } from './note-markers';
import { createNotePanelHost } from './note-panel-host';
import { cardNoteOf, labelOf, lastBox } from './note-view';
import { watchPageChanges } from './page-changes';
import { createPageNotes } from './page-notes';
import { pageText } from './page-text';
import { createSelectionButton } from './selection-button';
import { clearTrace, traceMark } from '../../shared/trace';

export interface NotesLayer {
  /** Settles once this page's notes were fetched and anchored the first time. */
  readonly ready: Promise<void>;
  /** The answer to `lens/orphan-notes`: this page's notes whose text is no longer on it. */
  orphanNotes(): Promise<{ noteIds: string[] }>;
  /**
   * The answer to `lens/compose-note` (the context menu, the keyboard command): opens the composer
   * on the selection, else on `text` found in the page, else on the page.
   */
  composeNote(text: string | undefined): { opened: boolean };
  /**
   * The answer to `lens/notes-changed`: notes were written elsewhere (the popup, another tab); the
   * page's notes are fetched again when `pages` names it (or names no page: any may have changed).
   */
  notesChanged(pages: readonly string[] | undefined): { reloaded: boolean };
  /** The answer to `lens/draft-event`: a note frame of this page was saved, cancelled or resized. */
  draftEvent(draft: DraftEvent): { handled: boolean };
  stop(): void;
}

export interface NotesLayerOptions {
  /** `closed` (default) keeps the page's scripts out of the reader's notes. */
  shadowMode?: ShadowRootMode;
  document?: Document;
}

function inertLayer(): NotesLayer {
  return {
    ready: Promise.resolve(),
    orphanNotes: () => Promise.resolve({ noteIds: [] }),
    composeNote: () => ({ opened: false }),
    notesChanged: () => ({ reloaded: false }),
    draftEvent: () => ({ handled: false }),
    stop: () => undefined,
  };
}

/** Starts the notes layer of this frame (it does nothing outside the top frame). */
export function startNotesLayer(lens: Lens, options: NotesLayerOptions = {}): NotesLayer {
  if (!lens.isTopFrame) return inertLayer();
  const doc = options.document ?? document;
  const win = doc.defaultView ?? window;
  const { card, sendRequest } = lens;
  let stopped = false;

  const disabled = (): boolean => isPageOff(lens.settings, lens.topHostname);
  const page = createPageNotes(doc, win, sendRequest);
  const highlights = createNoteHighlights({ document: doc, shadowMode: options.shadowMode });

  const panel = createNotePanelHost({ document: doc, shadowMode: options.shadowMode });
  const markers = createNoteMarkers({
    document: doc,
    shadowMode: options.shadowMode,
    onOpen: (id) => {
      const note = page.notes.find((n) => n.id === id);
      if (!note) return;
      const range = page.anchored.get(id);
      // Focus goes into the card, so Esc closes it and a screen reader reads it.
      panel.showNote(cardNoteOf(note), () => markers.boxOf(id) ?? (range ? lastBox(range) : null), { focus: true });
    },
  });
  const button = createSelectionButton({
    document: doc,
    shadowMode: options.shadowMode,
    enabled: () => !disabled() && !panel.isComposing() && !card.isComposing(),
    onAdd: (range) => composeOn(range, null),
  });
  const fragment = noteFragment({
    win,
    pageKey: () => page.pageKey,
    anchored: page.anchored,
    noteOf: (id) => page.notes.find((n) => n.id === id),
    flash: (range) => highlights.flash(range),
    show: (note, range) => panel.showNote(cardNoteOf(note), () => markers.boxOf(note.id) ?? lastBox(range)),
  });

  /** Anchors this page's notes in its current text, paints them and sorts out the orphans. */
  function reanchor(): void {
    page.anchorAll(disabled());
    const shown = page.notes.flatMap((note) => {
      const range = page.anchored.get(note.id);
      return range ? [{ note, range }] : [];
    });
    highlights.paint(shown.map(({ range }) => range));
    markers.set(shown.map(({ note, range }) => ({ id: note.id, range, label: labelOf(note) })));
    // For DevTools and tests (the page cannot read the painted passages: they are listed here); only the latest is kept.
    clearTrace('tifa-lens:notes');
    const painted = shown.map(({ range }) => range).sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    traceMark('tifa-lens:notes', {
      notes: page.notes.length,
      anchored: page.anchored.size,
      orphans: page.orphans.size,
      painted: painted.map((r) => r.toString()),
    });
    fragment.follow();
  }

  async function loadNotes(): Promise<void> {
    if (await page.load(() => stopped)) reanchor();
  }

  const changes = watchPageChanges(doc, () => {
    // A single-page app moved to another article: its notes, not these.
    if (normalizePageUrl(win.location.href) !== page.pageKey) void loadNotes();
    else if (page.notes.some((n) => n.selectors !== null)) reanchor();
  });
  // The page layer's own rescans (and SPA navigations) say so too; the lens starts a new page
  // layer when the settings change, and the settings may turn the site off or on.
  const unsubscribePageLayer = lens.pageLayer.onChange(() => changes.changed());
  const unwatchSettings = watchSettings(browser.storage.local, () => {
    setTimeout(() => {
      if (!stopped) reanchor();
    }, 0);
  });
  const onHashChange = (): void => fragment.changed();

  const frames = createNoteFrames(sendRequest);
  const cards = createCardNotes(lens, doc, page, frames, loadNotes);

  /** The composer in a small card, for a note on `range` (or, when null, on `quote` found nowhere). */
  function composeOn(range: Range | null, quote: string | null): void {
    const text = pageText(doc);
    const span = range ? text.spanOf(range) : null;
    const target = range ? range.cloneRange() : null;
    const fallback = (): Rect => ({ left: win.innerWidth / 2 - 190, right: win.innerWidth / 2 + 190, top: 48, bottom: 48 });
    const context = draftContextOf(doc, text, span, null, quote);
    let token: string | null = null;
    let cancelled = false;
    const options = {
      onSelection: span !== null,
      anchor: () => (target ? lastBox(target) : fallback()),
      onCancel: () => {
        cancelled = true;
        if (token !== null) frames.forget(token);
      },
    };
    if (typeof context === 'string') {
      panel.compose(options, { src: null, height: 0, error: context });
      return;
    }
    let shown: NoteFrameProps = { src: null, height: NOTE_FRAME_HEIGHT };
    const update = (next: NoteFrameProps): void => {
      shown = next;
      if (!cancelled) panel.updateComposer(shown);
    };
    panel.compose(options, shown);
    void frames
      .open(context, {
        saved: () => {
          cancelled = true;
          panel.close();
          void loadNotes();
        },
        cancel: () => {
          cancelled = true;
          panel.close();
        },
        resize: (height) => update({ ...shown, height }),
      })
      .then((opened) => {
        if (opened.ok) {
          token = opened.token;
          if (cancelled) frames.forget(opened.token);
          update({ ...shown, src: opened.src });
        } else update({ ...shown, error: opened.error });
      });
  }

  card.setAddNote((data) => cards.addNote(data));
  const unsubscribeHits = onTermActivate((hit) => cards.hit(hit));

  const ready = lens.pageLayer.ready
    .then(() => loadNotes())
    .catch(() => undefined)
    .then(() => {
      if (stopped) return;
      changes.observe();
      win.addEventListener('hashchange', onHashChange);
    });

  return {
    ready,
    async orphanNotes() {
      await ready;
      return { noteIds: [...page.orphans] };
    },
    composeNote(text) {
      const selection = doc.getSelection();
      let range: Range | null = null;
      if (selection && selection.rangeCount > 0 && !selection.isCollapsed) {
        const selected = selection.getRangeAt(0);
        if (selected.toString().trim() !== '') range = selected.cloneRange();
      }
      if (!range && text !== undefined) {
        // The menu was used on text the top frame holds no selection of: look the text up.
        const found = pageText(doc);
        const at = anchor(found.text, { quote: { type: 'TextQuoteSelector', exact: text.trim(), prefix: '', suffix: '' } });
        range = at ? found.rangeOf(at.start, at.end) : null;
      }
      button.hide();
      // Neither a selection nor a text (the keyboard command on nothing selected): a note on the page.
      composeOn(range, text?.trim() ?? null);
      return { opened: true };
    },
    draftEvent: (draft) => frames.event(draft),
    notesChanged(pages) {
      if (stopped || !notesChangeConcerns(pages, win.location.href, page.pageKey)) return { reloaded: false };
      // An open card lists this page's notes: it follows them.
      void loadNotes().then(() => cards.show());
      return { reloaded: true };
    },
    stop() {
      stopped = true;
      changes.stop();
      unsubscribePageLayer();
      unwatchSettings();
      unsubscribeHits();
      win.removeEventListener('hashchange', onHashChange);
      card.setAddNote(null);
      button.destroy();
      panel.destroy();
      markers.destroy();
      highlights.clear();
    },
  };
}
