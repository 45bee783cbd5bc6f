// Filtering and searching the reader's notes in the popup, over the notes it already holds.

import type { GlossaryEntry } from '../../lib/glossary/types';
import type { Note } from '../../lib/notes/types';
import { fold, matchesWords, queryWords } from './text-fold';

export interface NoteQuery {
  text: string;
  /** '' for any. */
  entryId: string;
  site: string;
  tag: string;
}

export const EMPTY_NOTE_QUERY: NoteQuery = { text: '', entryId: '', site: '', tag: '' };

type EntryLookup = ReadonlyMap<string, Pick<GlossaryEntry, 'id' | 'zh' | 'pinyin' | 'en'>>;

/** Newest first by creation (editing a note does not move it), then by id for a stable order. */
export function newestFirst(notes: readonly Note[]): Note[] {
  return [...notes].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Oldest first: the order notes were written on a page. */
export function oldestFirst(notes: readonly Note[]): Note[] {
  return newestFirst(notes).reverse();
}

/** Everything a search looks in: body, term, quote and page title (and tags and site). */
export function searchText(note: Note, entries: EntryLookup): string {
  const entry = note.ref?.kind === 'term' ? entries.get(note.ref.entryId) : undefined;
  return fold(
    [
      note.body,
      note.selectors?.quote.exact ?? '',
      note.title,
      entry ? `${entry.zh} ${entry.pinyin} ${entry.en} ${entry.id}` : '',
      note.tags.join(' '),
      note.site,
    ].join(' '),
  );
}

/** The notes matching the query, in the order given. */
export function filterNotes(notes: readonly Note[], query: NoteQuery, entries: EntryLookup): Note[] {
  const words = queryWords(query.text);
  return notes.filter(
    (n) =>
      (query.entryId === '' || (n.ref?.kind === 'term' && n.ref.entryId === query.entryId)) &&
      (query.site === '' || n.site === query.site) &&
      (query.tag === '' || n.tags.includes(query.tag)) &&
      (words.length === 0 || matchesWords(searchText(n, entries), words)),
  );
}

export interface Facet {
  value: string;
  /** Notes with this value. */
  count: number;
}

export interface NoteFacets {
  /** Entry ids the notes are about. */
  terms: Facet[];
  sites: Facet[];
  tags: Facet[];
}

function countBy(values: Iterable<string>): Facet[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([value, count]) => ({ value, count }));
}

/** The values the filters offer: those the notes have. */
export function noteFacets(notes: readonly Note[]): NoteFacets {
  return {
    terms: countBy(notes.flatMap((n) => (n.ref?.kind === 'term' ? [n.ref.entryId] : []))),
    sites: countBy(notes.map((n) => n.site).filter((s) => s !== '')),
    tags: countBy(notes.flatMap((n) => [...new Set(n.tags)])),
  };
}
