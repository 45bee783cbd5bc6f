import { useId, useMemo, useState } from 'preact/hooks';
import type { GlossaryEntry } from '../../lib/glossary/types';
import type { Note } from '../../lib/notes/types';
import { BackupControls } from './BackupControls';
import type { BackupControlsProps } from './BackupControls';
import { count } from './format';
import { NoteItem } from './NoteItem';
import type { NoteEdit } from './NoteEditor';
import { EMPTY_NOTE_QUERY, filterNotes, newestFirst, noteFacets } from './note-query';
import type { NoteQuery } from './note-query';
import type { ActionResult } from './types';

/** Notes drawn at a time: the list stays quick with thousands of notes. */
export const NOTES_PAGE_SIZE = 50;

export interface NotesPanelProps extends BackupControlsProps {
  /** Every note; undefined while loading. */
  notes: readonly Note[] | undefined;
  entries: ReadonlyMap<string, GlossaryEntry>;
  onOpenNote(note: Note): void;
  onSaveNote(id: string, changes: NoteEdit): Promise<ActionResult>;
  onDeleteNote(note: Note): void;
}

export function NotesPanel({ notes, entries, onOpenNote, onSaveNote, onDeleteNote, onExport, onPreviewImport }: NotesPanelProps) {
  const id = useId();
  const [query, setQuery] = useState<NoteQuery>(EMPTY_NOTE_QUERY);
  const [shown, setShown] = useState(NOTES_PAGE_SIZE);
  const sorted = useMemo(() => newestFirst(notes ?? []), [notes]);
  const facets = useMemo(() => noteFacets(sorted), [sorted]);
  const found = useMemo(() => filterNotes(sorted, query, entries), [sorted, query, entries]);
  const filtered = query.text.trim() !== '' || query.entryId !== '' || query.site !== '' || query.tag !== '';

  const change = (patch: Partial<NoteQuery>): void => {
    setQuery({ ...query, ...patch });
    setShown(NOTES_PAGE_SIZE);
  };

  if (notes === undefined) return <p class="muted">Loading your notes…</p>;

  return (
    <div class="notes-panel">
      {sorted.length === 0 ? (
        <div class="empty">
          <h2>No notes yet</h2>
          <p>
            On a page, select some text or open a term’s card and choose <b>Add note</b>. Your notes are kept in this browser only; export them below, or import
            a backup.
          </p>
        </div>
      ) : (
        <>
          <div class="filters" role="search">
            <label for={`${id}-q`}>Search notes</label>
            <input
              id={`${id}-q`}
              type="search"
              placeholder="Words in a note, term, quotation or title"
              value={query.text}
              onInput={(e) => change({ text: e.currentTarget.value })}
            />
            <div class="filter-row">
              <label>
                Term
                <select value={query.entryId} onChange={(e) => change({ entryId: e.currentTarget.value })}>
                  <option value="">Any term</option>
                  {facets.terms.map(({ value, count: n }) => {
                    const entry = entries.get(value);
                    return (
                      <option key={value} value={value}>
                        {entry ? `${entry.zh} · ${entry.en}` : value} ({n})
                      </option>
                    );
                  })}
                </select>
              </label>
              <label>
                Site
                <select value={query.site} onChange={(e) => change({ site: e.currentTarget.value })}>
                  <option value="">Any site</option>
                  {facets.sites.map(({ value, count: n }) => (
                    <option key={value} value={value}>
                      {value} ({n})
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Tag
                <select value={query.tag} onChange={(e) => change({ tag: e.currentTarget.value })}>
                  <option value="">Any tag</option>
                  {facets.tags.map(({ value, count: n }) => (
                    <option key={value} value={value}>
                      #{value} ({n})
                    </option>
                  ))}
                </select>
              </label>
            </div>
          </div>
          <p class="result-count" aria-live="polite">
            {filtered ? `${found.length} of ${count(sorted.length, 'note', 'notes')}` : count(sorted.length, 'note', 'notes')}
            {filtered && (
              <>
                {' '}
                <button type="button" class="link" onClick={() => change(EMPTY_NOTE_QUERY)}>
                  Clear filters
                </button>
              </>
            )}
          </p>
          {found.length === 0 ? (
            <p class="empty">No note matches.</p>
          ) : (
            <ul class="note-list" aria-label="Notes, newest first">
              {found.slice(0, shown).map((note) => (
                <li key={note.id}>
                  <NoteItem
                    note={note}
                    entry={note.ref?.kind === 'term' ? entries.get(note.ref.entryId) : undefined}
                    onOpen={onOpenNote}
                    onSave={onSaveNote}
                    onDelete={onDeleteNote}
                  />
                </li>
              ))}
            </ul>
          )}
          {found.length > shown && (
            <button type="button" class="more" onClick={() => setShown(shown + NOTES_PAGE_SIZE)}>
              Show {Math.min(NOTES_PAGE_SIZE, found.length - shown)} more
            </button>
          )}
        </>
      )}
      <BackupControls onExport={onExport} onPreviewImport={onPreviewImport} />
    </div>
  );
}
