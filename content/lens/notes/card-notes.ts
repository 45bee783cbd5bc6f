// The notes in the term card: a term card lists the reader's notes on that term from every page
// (most recent first, the page named when it is another one), a quotation card this page's notes
// on that passage; its "Add note" writes a note on the occurrence the card was opened on.

import { cardKey } from '../../../components/card/Card';
import type { CardData, CardNote } from '../../../lib/card/types';
import { cardNotes, noteMatchesRef, refOfCard } from '../../../lib/notes/card-ref';
import type { Note, NoteDraft } from '../../../lib/notes/types';
import type { Lens } from '../lens-state';
import type { TermHit } from '../term-events';
import { draftOf } from './note-drafts';
import type { PageNotes } from './page-notes';
import { pageText } from './page-text';

/** Notes a term card lists. */
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
  /** Notes changed somewhere: the cached term lists are stale. */
  forget(): void;
  /** A note was written here: its term's cached list is stale. */
  saved(note: Note): void;
  /** Lists the open card's notes: the cached list at once, then the stored one. */
  show(): Promise<void>;
  /** "Add note" in the card. */
  addNote(data: CardData): void;
}

export function createCardNotes(lens: Lens, doc: Document, page: PageNotes, save: (draft: NoteDraft) => Promise<string | null>): CardNotes {
  const { card, glossary, sendRequest } = lens;
  const termNotes = new Map<string, CardNote[]>();
  let lastHit: TermHit | null = null;

  async function show(): Promise<void> {
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
      list = cardNotes(answer.data.notes, page.pageKey);
      termNotes.set(ref.entryId, list);
    } else {
      list = cardNotes(
        page.notes.filter((n) => noteMatchesRef(n, ref)),
        page.pageKey,
      );
    }
    const now = card.current();
    if (now && cardKey(now) === key) card.setNotes(list);
  }

  return {
    hit(hit) {
      lastHit = hit;
      void show();
    },
    forget() {
      termNotes.clear();
    },
    saved(note) {
      if (note.ref?.kind === 'term') termNotes.delete(note.ref.entryId);
    },
    show,
    addNote(data) {
      const ref = refOfCard(data, glossary.get().documents);
      const hit = lastHit && hitShows(lastHit, data, lens) ? lastHit : null;
      const text = hit ? pageText(doc) : null;
      const span = hit && text ? text.spanOf(hit.range) : null;
      // One id for this note, however often Save is pressed: a retry finds the note a lost answer saved.
      const id = crypto.randomUUID();
      card.showComposer({
        onSave: async (value) => {
          const draft = draftOf(doc, text, span, ref, value);
          if (typeof draft === 'string') return draft;
          const error = await save({ ...draft, id });
          if (error !== null) return error;
          card.hideComposer();
          void show();
          return null;
        },
        onCancel: () => card.hideComposer(),
      });
    },
  };
}
