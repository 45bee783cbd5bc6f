// The reader's notes on the page (top frame only: a note belongs to the page in the tab). Notes
// are written from the term card's "Add note", from the button that follows a text selection and
// from the context menu item; on every visit they are fetched for this URL, anchored again in the
// page's text (content/lens/notes/page-text.ts) and painted as the `tifa-lens-note` highlight with a marker
// at the end of each. Notes whose text is gone are orphans: kept, and reported to the popup. A
// `#tifa-lens-note=<id>` fragment scrolls to that note and flashes it.
//
// On a site the reader disabled nothing is painted and the selection button stays away (the
// context menu still writes a note: the reader asked for it).
//
// A term card lists the reader's notes on that term from every page (most recent first, the page
// named when it is another one); a quotation card lists this page's notes on that passage.

import { browser } from 'wxt/browser';
import { cardKey } from '../../../components/card/Card';
import type { NoteCardNote } from '../../../components/card/NoteCard';
import type { NoteComposerValue } from '../../../components/card/NoteComposer';
import type { Rect } from '../../../lib/card/placement';
import type { CardData, CardNote } from '../../../lib/card/types';
import { anchor } from '../../../lib/notes/anchor';
import { cardNotes, noteMatchesRef, refOfCard } from '../../../lib/notes/card-ref';
import { draftFromSelection } from '../../../lib/notes/draft';
import { noteIdFromHash } from '../../../lib/notes/fragment';
import { MAX_QUOTE, MAX_TITLE } from '../../../lib/notes/limits';
import type { Note, NoteDraft, NoteRef } from '../../../lib/notes/types';
import { normalizePageUrl, notesChangeConcerns } from '../../../lib/notes/url';
import { isOwnTag } from '../../../lib/page/tags';
import { isPageOff, watchSettings } from '../../../lib/settings/index';
import type { Lens } from '../lens-state';
import { hasCssHighlights } from '../page-layer/highlight-painter';
import { HIGHLIGHT_NAMES, HIGHLIGHT_PRIORITY } from '../page-layer/highlight-styles';
import { createNoteMarkers } from './note-markers';
import { createNotePanelHost } from './note-panel-host';
import { pageText } from './page-text';
import type { PageText } from './page-text';
import { createSelectionButton } from './selection-button';
import { onTermActivate } from '../term-events';
import type { TermHit } from '../term-events';

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
  stop(): void;
}

export interface NotesLayerOptions {
  /** `closed` (default) keeps the page's scripts out of the reader's notes. */
  shadowMode?: ShadowRootMode;
  document?: Document;
}

/** Quiet time after the page's text changed before notes are anchored again (ms). */
const REANCHOR_DEBOUNCE_MS = 300;
/** Longest wait when the page never settles (ms). */
const REANCHOR_MAX_WAIT_MS = 2_000;
const FLASH_MS = 1_600;
const LABEL_LENGTH = 60;
/** Notes a term card lists. */
const CARD_NOTES_LIMIT = 50;

function inertLayer(): NotesLayer {
  return {
    ready: Promise.resolve(),
    orphanNotes: async () => ({ noteIds: [] }),
    composeNote: () => ({ opened: false }),
    notesChanged: () => ({ reloaded: false }),
    stop: () => undefined,
  };
}

/** Whether a mutation record only concerns the extension's own elements. */
function ownOnly(record: MutationRecord): boolean {
  for (let n: Node | null = record.target; n; n = n.parentNode) {
    if (n.nodeType === Node.ELEMENT_NODE && isOwnTag((n as Element).localName)) return true;
  }
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every((n) => n.nodeType === Node.ELEMENT_NODE && isOwnTag((n as Element).localName));
}

/** The box of a range's last line, or null when it is not rendered. */
function lastBox(range: Range): Rect | null {
  const rects = range.getClientRects();
  const rect = rects[rects.length - 1] ?? range.getBoundingClientRect();
  return rect.width === 0 && rect.height === 0 ? null : rect;
}

function labelOf(note: Note): string {
  const body = note.body.replace(/\s+/gu, ' ').trim();
  return `Your note: ${body.length > LABEL_LENGTH ? `${body.slice(0, LABEL_LENGTH)}…` : body}`;
}

function cardNoteOf(note: Note): NoteCardNote {
  return { body: note.body, tags: note.tags, quote: note.selectors?.quote.exact ?? null, updatedAt: note.updatedAt };
}

/** Whether the hit is the occurrence the card was opened on. */
function hitShows(hit: TermHit, data: CardData, lens: Lens): boolean {
  if (data.kind === 'term') return hit.kind === 'term' && lens.glossary.get().entries[hit.match.entry]?.id === data.entry.id;
  const source = hit.match.source;
  return (
    hit.kind === 'quote' &&
    source !== undefined &&
    source.doc === data.source.doc &&
    source.para === data.source.block &&
    source.start === data.source.start &&
    source.end === data.source.end
  );
}

/** Starts the notes layer of this frame (it does nothing outside the top frame). */
export function startNotesLayer(lens: Lens, options: NotesLayerOptions = {}): NotesLayer {
  if (!lens.isTopFrame) return inertLayer();
  const doc = options.document ?? document;
  const win = doc.defaultView ?? window;
  const { card, sendRequest, glossary } = lens;

  let pageKey: string | null = normalizePageUrl(win.location.href);
  let notes: Note[] = [];
  const anchored = new Map<string, Range>();
  const orphans = new Set<string>();
  let generation = 0;
  let lastHit: TermHit | null = null;
  let handledFragment: string | null = null;
  let highlight: Highlight | null = null;
  const termNotes = new Map<string, CardNote[]>();
  let stopped = false;

  const disabled = (): boolean => isPageOff(lens.settings, lens.topHostname);

  const panel = createNotePanelHost({ document: doc, shadowMode: options.shadowMode });
  const markers = createNoteMarkers({
    document: doc,
    shadowMode: options.shadowMode,
    onOpen: (id) => {
      const note = notes.find((n) => n.id === id);
      if (!note) return;
      const range = anchored.get(id);
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

  // ---------------------------------------------------------------------------------------------
  // Painting

  function paint(): void {
    const ranges = notes.flatMap((n) => {
      const range = anchored.get(n.id);
      return range ? [{ note: n, range }] : [];
    });
    if (hasCssHighlights()) {
      const name = HIGHLIGHT_NAMES.note;
      if (!highlight) {
        highlight = new Highlight();
        highlight.priority = HIGHLIGHT_PRIORITY.note;
      }
      highlight.clear();
      for (const { range } of ranges) highlight.add(range);
      if (ranges.length === 0) {
        if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
      } else if (CSS.highlights.get(name) !== highlight) {
        CSS.highlights.set(name, highlight);
      }
    }
    markers.set(ranges.map(({ note, range }) => ({ id: note.id, range, label: labelOf(note) })));
  }

  /** Anchors this page's notes in its current text, paints them and sorts out the orphans. */
  function reanchor(): void {
    anchored.clear();
    orphans.clear();
    const placed = disabled() ? [] : notes.filter((n) => n.selectors !== null);
    if (placed.length > 0) {
      const text = pageText(doc);
      for (const note of placed) {
        const selectors = note.selectors;
        if (!selectors) continue;
        const found = anchor(text.text, selectors);
        const range = found ? text.rangeOf(found.start, found.end) : null;
        if (range) anchored.set(note.id, range);
        else orphans.add(note.id);
      }
    }
    paint();
    // For DevTools and tests (counts only: the page sees performance entries). Only the latest is kept.
    performance.clearMarks('tifa-lens:notes');
    performance.mark('tifa-lens:notes', { detail: { notes: notes.length, anchored: anchored.size, orphans: orphans.size } });
    followFragment();
  }

  async function loadNotes(): Promise<void> {
    const mine = ++generation;
    const url = win.location.href;
    const answer = await sendRequest({ type: 'notes/for-page', url });
    if (mine !== generation || stopped) return;
    pageKey = answer.ok ? answer.data.url : normalizePageUrl(url);
    notes = answer.ok ? answer.data.notes : [];
    reanchor();
  }

  // ---------------------------------------------------------------------------------------------
  // The page changing under the notes

  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstDirtyAt = 0;
  function pageChanged(): void {
    const now = performance.now();
    if (timer === undefined) firstDirtyAt = now;
    clearTimeout(timer);
    timer = setTimeout(
      () => {
        timer = undefined;
        if (stopped) return;
        // A single-page app moved to another article: its notes, not these.
        if (normalizePageUrl(win.location.href) !== pageKey) void loadNotes();
        else if (notes.some((n) => n.selectors !== null)) reanchor();
      },
      Math.max(0, Math.min(REANCHOR_DEBOUNCE_MS, firstDirtyAt + REANCHOR_MAX_WAIT_MS - now)),
    );
  }
  const observer = new MutationObserver((records) => {
    if (!records.every(ownOnly)) pageChanged();
  });
  // The page layer's own rescans (and SPA navigations) say so too; the lens starts a new page layer when the
  // settings change, and the settings may turn the site off or on.
  const unsubscribePageLayer = lens.pageLayer.onChange(pageChanged);
  const unwatchSettings = watchSettings(browser.storage.local, () => {
    setTimeout(() => {
      if (!stopped) reanchor();
    }, 0);
  });

  // ---------------------------------------------------------------------------------------------
  // The fragment

  function flash(range: Range): void {
    if (!hasCssHighlights()) return;
    const name = HIGHLIGHT_NAMES.focus;
    let focus = CSS.highlights.get(name);
    if (!focus) {
      focus = new Highlight();
      focus.priority = HIGHLIGHT_PRIORITY.focus;
      CSS.highlights.set(name, focus);
    }
    const target = focus;
    // On, off, on, off: the eye finds a blink more easily than a steady colour.
    const steps = [0, FLASH_MS * 0.3, FLASH_MS * 0.45, FLASH_MS];
    steps.forEach((at, i) => setTimeout(() => (i % 2 === 0 ? target.add(range) : target.delete(range)), at));
  }

  function followFragment(): void {
    const id = noteIdFromHash(win.location.hash);
    if (!id) return;
    const key = `${pageKey ?? ''}#${id}`;
    if (handledFragment === key) return;
    const range = anchored.get(id);
    const note = notes.find((n) => n.id === id);
    if (!range || !note) return;
    handledFragment = key;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    const box = range.getBoundingClientRect();
    if (box.top < 0 || box.bottom > win.innerHeight) win.scrollBy({ top: box.top - win.innerHeight / 3 });
    flash(range);
    // The note itself, next to its text (after the marker moved with the scroll).
    win.requestAnimationFrame(() => {
      if (anchored.get(id) === range) panel.showNote(cardNoteOf(note), () => markers.boxOf(id) ?? lastBox(range));
    });
  }
  const onHashChange = (): void => {
    handledFragment = null;
    followFragment();
  };

  // ---------------------------------------------------------------------------------------------
  // Writing notes

  async function save(draft: NoteDraft): Promise<string | null> {
    const answer = await sendRequest({ type: 'notes/create', draft });
    if (!answer.ok) return answer.error;
    const note = answer.data.note;
    if (pageKey === null || note.url === pageKey) {
      pageKey = note.url;
      notes = [...notes.filter((n) => n.id !== note.id), note];
      reanchor();
    }
    if (note.ref?.kind === 'term') termNotes.delete(note.ref.entryId);
    return null;
  }

  /** The draft of a note on [span] of `page` (or on no text), about `ref`. */
  function draftOf(page: PageText | null, span: { start: number; end: number } | null, ref: NoteRef | null, value: NoteComposerValue): NoteDraft | string {
    const url = win.location.href;
    const title = doc.title;
    if (page && span) {
      if (span.end - span.start > MAX_QUOTE) return `The selected text is longer than ${MAX_QUOTE.toLocaleString('en-US')} characters; select less.`;
      const draft = draftFromSelection({ url, title, text: page.text, start: span.start, end: span.end, ref, body: value.body, tags: value.tags });
      if (draft) return draft;
    }
    return { url, title: title.replace(/\s+/gu, ' ').trim().slice(0, MAX_TITLE), ref, selectors: null, body: value.body, tags: value.tags };
  }

  /** The composer in a small card, for a note on `range` (or, when null, on `quote` found nowhere). */
  function composeOn(range: Range | null, quote: string | null): void {
    const page = pageText(doc);
    const span = range ? page.spanOf(range) : null;
    const shown = span ? page.text.slice(span.start, span.end) : quote;
    const target = range ? range.cloneRange() : null;
    const fallback = (): Rect => ({ left: win.innerWidth / 2 - 190, right: win.innerWidth / 2 + 190, top: 48, bottom: 48 });
    panel.compose({
      quote: shown,
      anchor: () => (target ? lastBox(target) : fallback()),
      onSave: async (value) => {
        const draft = draftOf(page, span, null, value);
        return typeof draft === 'string' ? draft : save(draft);
      },
    });
  }

  /** "Add note" in the term card: a note on that term (or quotation), at the occurrence it was opened on. */
  function addNoteFromCard(data: CardData): void {
    const ref = refOfCard(data, glossary.get().documents);
    const hit = lastHit && hitShows(lastHit, data, lens) ? lastHit : null;
    const page = hit ? pageText(doc) : null;
    const span = hit && page ? page.spanOf(hit.range) : null;
    card.showComposer({
      onSave: async (value) => {
        const draft = draftOf(page, span, ref, value);
        if (typeof draft === 'string') return draft;
        const error = await save(draft);
        if (error !== null) return error;
        card.hideComposer();
        void showCardNotes();
        return null;
      },
      onCancel: () => card.hideComposer(),
    });
  }

  /** Lists the open card's notes: the cached list at once, then the stored one. */
  async function showCardNotes(): Promise<void> {
    const data = card.current();
    if (!data) return;
    const ref = refOfCard(data, glossary.get().documents);
    if (!ref) return;
    const key = cardKey(data);
    let list: CardNote[];
    if (ref.kind === 'term') {
      const cached = termNotes.get(ref.entryId);
      if (cached) card.setNotes(cached);
      const answer = await sendRequest({ type: 'notes/list', filter: { entryId: ref.entryId, limit: CARD_NOTES_LIMIT } });
      if (!answer.ok) return;
      list = cardNotes(answer.data.notes, pageKey);
      termNotes.set(ref.entryId, list);
    } else {
      list = cardNotes(
        notes.filter((n) => noteMatchesRef(n, ref)),
        pageKey,
      );
    }
    const now = card.current();
    if (now && cardKey(now) === key) card.setNotes(list);
  }

  // ---------------------------------------------------------------------------------------------

  card.setAddNote(addNoteFromCard);
  const unsubscribeHits = onTermActivate((hit) => {
    lastHit = hit;
    void showCardNotes();
  });

  const ready = lens.pageLayer.ready
    .then(() => loadNotes())
    .catch(() => undefined)
    .then(() => {
      if (stopped) return;
      observer.observe(doc, { childList: true, characterData: true, subtree: true });
      win.addEventListener('hashchange', onHashChange);
    });

  return {
    ready,
    async orphanNotes() {
      await ready;
      return { noteIds: [...orphans] };
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
        const page = pageText(doc);
        const found = anchor(page.text, { quote: { type: 'TextQuoteSelector', exact: text.trim(), prefix: '', suffix: '' } });
        range = found ? page.rangeOf(found.start, found.end) : null;
      }
      button.hide();
      // Neither a selection nor a text (the keyboard command on nothing selected): a note on the page.
      composeOn(range, text?.trim() ?? null);
      return { opened: true };
    },
    notesChanged(pages) {
      // A term card lists the notes of every page: any change may be among them.
      termNotes.clear();
      if (card.current()) void showCardNotes();
      if (stopped || !notesChangeConcerns(pages, win.location.href, pageKey)) return { reloaded: false };
      void loadNotes();
      return { reloaded: true };
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      observer.disconnect();
      unsubscribePageLayer();
      unwatchSettings();
      unsubscribeHits();
      win.removeEventListener('hashchange', onHashChange);
      card.setAddNote(null);
      button.destroy();
      panel.destroy();
      markers.destroy();
      if (highlight && hasCssHighlights() && CSS.highlights.get(HIGHLIGHT_NAMES.note) === highlight) CSS.highlights.delete(HIGHLIGHT_NAMES.note);
    },
  };
}
