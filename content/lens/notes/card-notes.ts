// The notes in the term card: this page's notes on that term, or on that passage for a quotation
// card; its "Add note" writes a note on the occurrence the card was opened on. Notes of other
// pages are not the content script's to read (background/permissions.ts): a page shares its
// process with it.

import { NOTE_FRAME_HEIGHT } from '../../../components/card/NoteFrame';
import type { NoteFrameProps } from '../../../components/card/NoteFrame';
import type { CardData } from '../../../lib/card/types';
import { cardNotes, noteMatchesRef, refOfCard } from '../../../lib/notes/card-ref';
import type { Lens } from '../lens-state';
import type { TermHit } from '../term-events';
import { draftContextOf } from './note-drafts';
import type { NoteFrames } from './note-frames';
import type { PageNotes } from './page-notes';
import { pageText } from './page-text';

/** Notes a card lists. */
const CARD_NOTES_LIMIT = 50;

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

export interface CardNotes {
  /** A term was activated: the card it opens lists its notes. */
  hit(hit: TermHit): void;
  /** Lists the open card's notes. */
  show(): void;
  /** "Add note" in the card. */
  addNote(data: CardData): void;
}

/**
 * `frames` opens the note frame; `saved` fetches the page's notes again once one was written.
 */
export function createCardNotes(lens: Lens, doc: Document, page: PageNotes, frames: NoteFrames, saved: () => Promise<void>): CardNotes {
  const { card, glossary } = lens;
  let lastHit: TermHit | null = null;

  function show(): void {
    const data = card.current();
    if (!data) return;
    const ref = refOfCard(data, glossary.get().documents);
    if (!ref) return;
    // Most recent first, as the reader last wrote them.
    const mine = page.notes
      .filter((n) => noteMatchesRef(n, ref))
      .reverse()
      .slice(0, CARD_NOTES_LIMIT);
    card.setNotes(cardNotes(mine, page.pageKey));
  }

  return {
    hit(hit) {
      lastHit = hit;
      show();
    },
    show,
    addNote(data) {
      const ref = refOfCard(data, glossary.get().documents);
      const hit = lastHit && hitShows(lastHit, data, lens) ? lastHit : null;
      const text = hit ? pageText(doc) : null;
      const span = hit && text ? text.spanOf(hit.range) : null;
      const context = draftContextOf(doc, text, span, ref);
      if (typeof context === 'string') {
        card.showComposer({ src: null, height: 0, error: context });
        return;
      }
      let shown: NoteFrameProps = { src: null, height: NOTE_FRAME_HEIGHT };
      let token: string | null = null;
      let cancelled = false;
      const update = (next: NoteFrameProps): void => {
        shown = next;
        if (!cancelled) card.showComposer(shown);
      };
      card.showComposer(shown, () => {
        cancelled = true;
        if (token !== null) frames.forget(token);
      });
      void frames
        .open(context, {
          saved: () => {
            cancelled = true;
            card.hideComposer();
            void saved().then(show);
          },
          cancel: () => {
            cancelled = true;
            card.hideComposer();
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
    },
  };
}
