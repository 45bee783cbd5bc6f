// How a note shows on the page: its marker's label, its card and the box it is placed next to.

import type { NoteCardNote } from '../../../components/card/NoteCard';
import type { Rect } from '../../../lib/card/placement';
import type { Note } from '../../../lib/notes/types';

const LABEL_LENGTH = 60;

/** The box of a range's last line, or null when it is not rendered. */
export function lastBox(range: Range): Rect | null {
  const rects = range.getClientRects();
  const rect = rects[rects.length - 1] ?? range.getBoundingClientRect();
  return rect.width === 0 && rect.height === 0 ? null : rect;
}

export function labelOf(note: Note): string {
  const body = note.body.replace(/\s+/gu, ' ').trim();
  return `Your note: ${body.length > LABEL_LENGTH ? `${body.slice(0, LABEL_LENGTH)}…` : body}`;
}

export function cardNoteOf(note: Note): NoteCardNote {
  return { body: note.body, tags: note.tags, quote: note.selectors?.quote.exact ?? null, updatedAt: note.updatedAt };
}
