// The address fragment the popup opens a note with: https://example.com/a#tifa-lens-note=<id>.
// The content script reads it to scroll to the note's anchor. (components/popup/note-link.ts
// builds the link with the same key.)

export const NOTE_FRAGMENT_KEY = 'tifa-lens-note';

/** The note id a location's fragment (`location.hash`) names, or null. */
export function noteIdFromHash(hash: string): string | null {
  const m = /^#?tifa-lens-note=([A-Za-z0-9_-]{1,64})$/u.exec(hash);
  return m?.[1] ?? null;
}
