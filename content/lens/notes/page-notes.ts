// This page's notes: fetched from the background for the page's URL and anchored in its current
// text (page-text.ts); the notes whose text is gone are the orphans.

import { anchor } from '../../../lib/notes/anchor';
import type { Note } from '../../../lib/notes/types';
import { normalizePageUrl } from '../../../lib/notes/url';
import type { SendRequest } from '../../../lib/protocol/client';
import { pageText } from './page-text';

export interface PageNotes {
  /** The page's normalized URL as the background knows it (null until known). */
  readonly pageKey: string | null;
  readonly notes: readonly Note[];
  readonly anchored: ReadonlyMap<string, Range>;
  readonly orphans: ReadonlySet<string>;
  /** Fetches the notes of the page now shown; false when a later fetch (or `stale`) overtook it. */
  load(stale: () => boolean): Promise<boolean>;
  /** Anchors the notes in the page's current text (none when `placeNone`, the site being off). */
  anchorAll(placeNone: boolean): void;
  /** Takes a note just written; false when it belongs to another page. */
  add(note: Note): boolean;
}

export function createPageNotes(doc: Document, win: Window, sendRequest: SendRequest): PageNotes {
  let pageKey: string | null = normalizePageUrl(win.location.href);
  let notes: Note[] = [];
  const anchored = new Map<string, Range>();
  const orphans = new Set<string>();
  let generation = 0;
  return {
    get pageKey() {
      return pageKey;
    },
    get notes() {
      return notes;
    },
    anchored,
    orphans,
    async load(stale) {
      const mine = ++generation;
      const url = win.location.href;
      const answer = await sendRequest({ type: 'notes/for-page', url });
      if (mine !== generation || stale()) return false;
      pageKey = answer.ok ? answer.data.url : normalizePageUrl(url);
      notes = answer.ok ? answer.data.notes : [];
      return true;
    },
    anchorAll(placeNone) {
      anchored.clear();
      orphans.clear();
      const placed = placeNone ? [] : notes.filter((n) => n.selectors !== null);
      if (placed.length === 0) return;
      const text = pageText(doc);
      for (const note of placed) {
        const selectors = note.selectors;
        if (!selectors) continue;
        const found = anchor(text.text, selectors);
        const range = found ? text.rangeOf(found.start, found.end) : null;
        if (range) anchored.set(note.id, range);
        else orphans.add(note.id);
      }
    },
    add(note) {
      if (pageKey !== null && note.url !== pageKey) return false;
      pageKey = note.url;
      notes = [...notes.filter((n) => n.id !== note.id), note];
      return true;
    },
  };
}
