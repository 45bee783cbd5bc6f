// The address a note opens at: the page, with a fragment naming the note, which the content
// script reads to scroll to the note's anchor and flash it:  https://example.com/a#tifa-lens-note=<id>

import type { Note } from './types';

export const NOTE_FRAGMENT_KEY = 'tifa-lens-note';

/**
 * The note's page with `#tifa-lens-note=<id>`. A page whose stored address keeps a fragment (a
 * `#!` or `#/` route of a single-page app) opens as it is: another fragment would break its route.
 */
export function noteLink(note: Pick<Note, 'url' | 'id'>): string {
  if (note.url.includes('#')) return note.url;
  return `${note.url}#${NOTE_FRAGMENT_KEY}=${encodeURIComponent(note.id)}`;
}

/** The note id a location's fragment (`location.hash`) names, or null. */
export function noteIdFromHash(hash: string): string | null {
  const m = /^#?tifa-lens-note=([A-Za-z0-9_-]{1,64})$/u.exec(hash);
  return m?.[1] ?? null;
}
