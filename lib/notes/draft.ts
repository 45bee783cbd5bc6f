// Building a note draft from what the content script knows: the page's collected text and the
// reader's selection in it. Page-supplied values are clamped to the limits here, so a page with
// an absurd title can never stop the reader from saving a note.

import { MAX_QUOTE, MAX_TITLE } from './limits';
import { describeRange } from './selectors';
import type { NoteDraft, NoteRef } from './types';

export interface SelectionDraft {
  /** location.href; the background normalizes it. */
  url: string;
  /** document.title. */
  title: string;
  /** The page's text as the collector built it, and the selection's [start, end) in it. */
  text: string;
  start: number;
  end: number;
  ref?: NoteRef | null;
  body?: string;
  tags?: string[];
}

/** A draft for `notes/create`; null when the selection is empty or longer than a note can quote. */
export function draftFromSelection(s: SelectionDraft): NoteDraft | null {
  if (s.end <= s.start || s.end - s.start > MAX_QUOTE) return null;
  const selectors = describeRange(s.text, s.start, s.end);
  if (selectors.quote.exact.length === 0) return null;
  return {
    url: s.url,
    title: s.title.replace(/\s+/gu, ' ').trim().slice(0, MAX_TITLE),
    ref: s.ref ?? null,
    selectors,
    body: s.body ?? '',
    tags: s.tags ?? [],
  };
}
