// What a note written from a term card refers to, and which notes a card lists. Cards carry the
// matcher's document index; notes store the document's id, which survives glossary rebuilds.

import type { CardData, CardNote } from '../card/types';
import type { CorpusDocument } from '../corpus/types';
import type { Note, NoteRef } from './types';

/** The note reference of a card: its glossary entry, or the corpus passage it quotes. */
export function refOfCard(data: CardData, documents: readonly CorpusDocument[]): NoteRef | null {
  if (data.kind === 'term') return { kind: 'term', entryId: data.entry.id };
  const { doc, block, start, end } = data.source;
  const id = documents[doc]?.id;
  if (id === undefined || end <= start) return null;
  return { kind: 'quote', doc: id, block, start, end };
}

/** Whether a note is about what the card shows. */
export function noteMatchesRef(note: Pick<Note, 'ref'>, ref: NoteRef): boolean {
  const r = note.ref;
  if (!r || r.kind !== ref.kind) return false;
  if (r.kind === 'term' && ref.kind === 'term') return r.entryId === ref.entryId;
  if (r.kind === 'quote' && ref.kind === 'quote') return r.doc === ref.doc && r.block === ref.block && r.start === ref.start && r.end === ref.end;
  return false;
}

/**
 * A card's list entries for notes: the body, and for a note written on another page that page's
 * title (or site), so the reader sees where it came from.
 */
export function cardNotes(notes: readonly Note[], pageUrl: string | null): CardNote[] {
  return notes.map((note) =>
    note.url === pageUrl ? { id: note.id, body: note.body } : { id: note.id, body: note.body, where: note.title.trim() || note.site || note.url },
  );
}
