import type { CardNote } from '../../lib/card/types';

export interface CardNotesProps {
  notes: readonly CardNote[];
  headingId: string;
}

/** The reader's saved notes about this term; bodies are plain text. */
export function CardNotes({ notes, headingId }: CardNotesProps) {
  if (notes.length === 0) return null;
  return (
    <section class="tl-notes" aria-labelledby={headingId}>
      <h3 id={headingId} class="tl-notes-title">
        Your notes ({notes.length})
      </h3>
      <ul class="tl-notes-list">
        {notes.map((note) => (
          <li key={note.id} class="tl-note">
            {note.body}
            {note.where && <span class="tl-note-where">{note.where}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
