// The notes' highlights: the `tifa-lens-note` highlight under every anchored note and the flash of
// the focus highlight on the note a fragment names. Without the CSS Custom Highlight API the
// markers alone show the notes.

import { hasCssHighlights } from '../page-layer/highlight-painter';
import { HIGHLIGHT_NAMES, HIGHLIGHT_PRIORITY } from '../page-layer/highlight-styles';

const FLASH_MS = 1_600;

export interface NoteHighlights {
  /** Highlights exactly these ranges (none: the highlight leaves the registry). */
  paint(ranges: readonly Range[]): void;
  /** Blinks the range with the focus highlight. */
  flash(range: Range): void;
  clear(): void;
}

export function createNoteHighlights(): NoteHighlights {
  let highlight: Highlight | null = null;
  const name = HIGHLIGHT_NAMES.note;
  return {
    paint(ranges) {
      if (!hasCssHighlights()) return;
      if (!highlight) {
        highlight = new Highlight();
        highlight.priority = HIGHLIGHT_PRIORITY.note;
      }
      highlight.clear();
      for (const range of ranges) highlight.add(range);
      if (ranges.length === 0) {
        if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
      } else if (CSS.highlights.get(name) !== highlight) {
        CSS.highlights.set(name, highlight);
      }
    },
    flash(range) {
      if (!hasCssHighlights()) return;
      let focus = CSS.highlights.get(HIGHLIGHT_NAMES.focus);
      if (!focus) {
        focus = new Highlight();
        focus.priority = HIGHLIGHT_PRIORITY.focus;
        CSS.highlights.set(HIGHLIGHT_NAMES.focus, focus);
      }
      const target = focus;
      // On, off, on, off: the eye finds a blink more easily than a steady colour.
      const steps = [0, FLASH_MS * 0.3, FLASH_MS * 0.45, FLASH_MS];
      steps.forEach((at, i) => setTimeout(() => (i % 2 === 0 ? target.add(range) : target.delete(range)), at));
    },
    clear() {
      if (highlight && hasCssHighlights() && CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
    },
  };
}
