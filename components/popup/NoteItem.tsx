import { useId, useRef, useState } from 'preact/hooks';
import type { GlossaryEntry } from '../../lib/glossary/types';
import type { Note } from '../../lib/notes/types';
import { isWebPageUrl } from '../../lib/notes/url';
import { day } from './format';
import { NoteEditor } from './NoteEditor';
import type { NoteEdit } from './NoteEditor';
import type { ActionResult } from './types';

export interface NoteItemProps {
  note: Note;
  /** The glossary entry the note is about, if any. */
  entry: Pick<GlossaryEntry, 'zh' | 'pinyin' | 'en'> | undefined;
  /** The note's text is no longer on the page (the page changed since it was written). */
  orphan?: boolean;
  /** Shows the page's title and site (off on the "This page" tab, where it goes without saying). */
  showPage?: boolean;
  /** Opens the page at the note; absent where the page is already open. */
  onOpen?(note: Note): void;
  onSave(id: string, changes: NoteEdit): Promise<ActionResult>;
  onDelete(note: Note): void;
}

function heading(note: Note, entry: NoteItemProps['entry']): string {
  if (entry) return entry.zh;
  if (note.ref?.kind === 'term') return note.ref.entryId;
  if (note.ref?.kind === 'quote') return 'Quotation of a source text';
  return 'Note';
}

/** One note. Everything the reader or a page wrote is rendered as text. */
export function NoteItem({ note, entry, orphan = false, showPage = true, onOpen, onSave, onDelete }: NoteItemProps) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const titleId = `${id}-title`;
  const edited = note.updatedAt !== note.createdAt;

  return (
    <article class={`note${orphan ? ' note-orphan' : ''}`} aria-labelledby={titleId}>
      <h3 class="note-title" id={titleId}>
        <span lang={entry ? 'zh' : undefined}>{heading(note, entry)}</span>
        {entry && <span class="note-gloss"> · {entry.en}</span>}
      </h3>
      {showPage && (
        <p class="note-page">
          <span class="note-page-title">{note.title.trim() || note.url}</span>
          {note.site !== '' && <span class="muted"> · {note.site}</span>}
        </p>
      )}
      {orphan && <p class="orphan-mark">Text no longer on the page</p>}
      {note.selectors && <blockquote class="note-quote">{note.selectors.quote.exact}</blockquote>}
      {editing ? (
        <NoteEditor
          note={note}
          onSave={onSave}
          onDone={() => {
            setEditing(false);
            // Back to where the reader was; the button renders again on the next frame.
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      ) : (
        <>
          {note.body.trim() !== '' && <p class="note-body">{note.body}</p>}
          {note.tags.length > 0 && (
            <ul class="tags" aria-label="Tags">
              {note.tags.map((t) => (
                <li key={t} class="tag">
                  #{t}
                </li>
              ))}
            </ul>
          )}
          <p class="note-date muted">
            {day(note.createdAt)}
            {edited && ` · edited ${day(note.updatedAt)}`}
          </p>
          <div class="row note-actions">
            {onOpen &&
              (isWebPageUrl(note.url) ? (
                <button type="button" aria-describedby={titleId} onClick={() => onOpen(note)}>
                  Open page
                </button>
              ) : (
                <>
                  <button type="button" disabled aria-describedby={`${titleId} ${id}-no-open`}>
                    Open page
                  </button>
                  <span id={`${id}-no-open`} class="muted">
                    Only web pages (http, https) open from here.
                  </span>
                </>
              ))}
            <button type="button" ref={editButton} aria-describedby={titleId} onClick={() => setEditing(true)}>
              Edit
            </button>
            <button type="button" class="danger" aria-describedby={titleId} onClick={() => onDelete(note)}>
              Delete
            </button>
          </div>
        </>
      )}
    </article>
  );
}
