import { useId } from 'preact/hooks';
import { CardFrame } from './CardFrame';
import { NoteFrame } from './NoteFrame';
import type { NoteFrameProps } from './NoteFrame';

/** What the note card shows of a saved note; every string is shown as text. */
export interface NoteCardNote {
  body: string;
  tags: readonly string[];
  /** The page text the note is attached to. */
  quote: string | null;
  /** Milliseconds since the epoch. */
  updatedAt: number;
}

export interface NoteCardProps {
  note: NoteCardNote;
  onClose: () => void;
}

const QUOTE_SHOWN = 280;

function cut(text: string): string {
  return text.length > QUOTE_SHOWN ? `${text.slice(0, QUOTE_SHOWN)}…` : text;
}

function dateOf(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleDateString('en-GB', { year: 'numeric', month: 'short', day: 'numeric' });
}

/** A saved note, opened from its marker on the page. */
export function NoteCard({ note, onClose }: NoteCardProps) {
  const titleId = `${useId()}-title`;
  const head = (
    <h2 id={titleId} class="tl-note-title">
      Your note
    </h2>
  );
  return (
    <CardFrame kind="note" labelledBy={titleId} head={head} onClose={onClose}>
      {note.quote && <blockquote class="tl-composer-quote">{cut(note.quote)}</blockquote>}
      <p class="tl-note-body">{note.body}</p>
      {note.tags.length > 0 && (
        <ul class="tl-tags" aria-label="Tags">
          {note.tags.map((tag) => (
            <li key={tag} class="tl-tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      <p class="tl-count">{dateOf(note.updatedAt)}</p>
    </CardFrame>
  );
}

export interface NoteDraftCardProps {
  composer: NoteFrameProps;
  /** The note is on text the reader selected (else on the page itself). */
  onSelection: boolean;
  onClose: () => void;
}

/** A new note on text the reader selected (the selection, then the composer), or on the page itself. */
export function NoteDraftCard({ composer, onSelection, onClose }: NoteDraftCardProps) {
  const titleId = `${useId()}-title`;
  const head = (
    <h2 id={titleId} class="tl-note-title">
      {onSelection ? 'Note on the selection' : 'Note on this page'}
    </h2>
  );
  return (
    <CardFrame kind="note" labelledBy={titleId} head={head} onClose={onClose}>
      <NoteFrame {...composer} />
    </CardFrame>
  );
}
