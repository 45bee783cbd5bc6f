// A `#tifa-lens-note=<id>` fragment: scrolls to that note once it is anchored, flashes it and
// shows it next to its text. Each fragment is followed once per page (again when it changes).

import { noteIdFromHash } from '../../../lib/notes/fragment';
import type { Note } from '../../../lib/notes/types';

export interface NoteFragmentOptions {
  win: Window;
  pageKey: () => string | null;
  anchored: ReadonlyMap<string, Range>;
  noteOf: (id: string) => Note | undefined;
  flash: (range: Range) => void;
  show: (note: Note, range: Range) => void;
}

export interface NoteFragment {
  /** Follows the fragment if it names an anchored note not followed yet. */
  follow(): void;
  /** The fragment changed: follow it even if it names the same note. */
  changed(): void;
}

export function noteFragment({ win, pageKey, anchored, noteOf, flash, show }: NoteFragmentOptions): NoteFragment {
  let handled: string | null = null;
  const follow = (): void => {
    const id = noteIdFromHash(win.location.hash);
    if (!id) return;
    const key = `${pageKey() ?? ''}#${id}`;
    if (handled === key) return;
    const range = anchored.get(id);
    const note = noteOf(id);
    if (!range || !note) return;
    handled = key;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    const box = range.getBoundingClientRect();
    if (box.top < 0 || box.bottom > win.innerHeight) win.scrollBy({ top: box.top - win.innerHeight / 3 });
    flash(range);
    // The note itself, next to its text (after the marker moved with the scroll).
    win.requestAnimationFrame(() => {
      if (anchored.get(id) === range) show(note, range);
    });
  };
  return {
    follow,
    changed() {
      handled = null;
      follow();
    },
  };
}
