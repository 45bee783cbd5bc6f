// Notes: every write is one transaction. These functions are what the message handlers call, and
// extension pages may call them directly with the database they share with the background.

import { sameRecord } from '../lib/notes/import';
import { MAX_NOTES, TRASH_RETENTION_MS } from '../lib/notes/limits';
import { noteChanges, noteDraft } from '../lib/notes/schema';
import { normalizeTags } from '../lib/notes/tags';
import type { Note, NoteChanges, NoteDraft } from '../lib/notes/types';
import { normalizePageUrl, siteOf } from '../lib/notes/url';
import type { Check } from '../lib/protocol/guards';
import type { NoteFilter } from '../lib/protocol/messages';
import { StoreError } from './context';
import type { StoreContext } from './context';

/** The store checks what it is given as the message validators do: extension pages call it directly. */
function checked<T>(check: Check<T>, value: unknown, what: string): T {
  const r = check(value, what);
  if (!r.ok) throw new StoreError(r.error);
  return r.value;
}

function pageKey(url: string): string {
  const normalized = normalizePageUrl(url);
  if (!normalized) throw new StoreError(`Not a page URL: ${url.slice(0, 200)}`);
  return normalized;
}

function tagList(raw: readonly string[]): string[] {
  const r = normalizeTags(raw);
  if (!r.ok) throw new StoreError(r.error);
  return r.tags;
}

/** Whether a stored note is what `draft` (sent again) would have created. */
function createdFrom(stored: Note, draft: Note): boolean {
  return (
    stored.url === draft.url &&
    stored.title === draft.title &&
    stored.body === draft.body &&
    sameRecord(stored.ref, draft.ref) &&
    sameRecord(stored.selectors, draft.selectors) &&
    sameRecord(stored.tags, draft.tags)
  );
}

/**
 * Creates a note. A draft with an id that is already a note's (or a trashed note's) is a create
 * sent again: it answers with that note, as it was stored, and writes nothing. The same id on a
 * different draft is refused, so an id cannot be used to read another page's note.
 */
export async function createNote(ctx: StoreContext, input: NoteDraft): Promise<Note> {
  const draft = checked(noteDraft, input, 'draft');
  const url = pageKey(draft.url);
  const now = ctx.now();
  const note: Note = {
    id: draft.id ?? ctx.newId(),
    url,
    title: draft.title,
    site: siteOf(url),
    ref: draft.ref,
    selectors: draft.selectors,
    body: draft.body,
    tags: tagList(draft.tags),
    createdAt: now,
    updatedAt: now,
  };
  const { db } = ctx;
  return db.transaction('rw', db.notes, db.trash, async () => {
    const prior = (await db.notes.get(note.id)) ?? (await db.trash.get(note.id))?.note;
    if (prior) {
      if (createdFrom(prior, note)) return prior;
      throw new StoreError(`The note id ${note.id} is already taken.`);
    }
    // A backup must always import again: the database holds no more than a backup may.
    if ((await db.notes.count()) >= MAX_NOTES)
      throw new StoreError(`You have ${MAX_NOTES.toLocaleString('en-US')} notes, the most Tifa Lens keeps; delete some first.`);
    await db.notes.add(note);
    return note;
  });
}

export async function updateNote(ctx: StoreContext, id: string, input: NoteChanges): Promise<Note> {
  const changes = checked(noteChanges, input, 'changes');
  const { db } = ctx;
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (!note) throw new StoreError(`No note with id ${id}.`);
    const updated: Note = {
      ...note,
      ...(changes.body !== undefined ? { body: changes.body } : {}),
      ...(changes.tags !== undefined ? { tags: tagList(changes.tags) } : {}),
      ...(changes.selectors !== undefined ? { selectors: changes.selectors } : {}),
      // Strictly later, even within one millisecond: import compares versions by updatedAt.
      updatedAt: Math.max(ctx.now(), note.updatedAt + 1),
    };
    await db.notes.put(updated);
    return updated;
  });
}

/** Moves a note to the trash, where `restoreNote` finds it; trash older than 30 days is emptied. */
export async function deleteNote(ctx: StoreContext, id: string): Promise<Note> {
  const { db } = ctx;
  return db.transaction('rw', db.notes, db.trash, async () => {
    const note = await db.notes.get(id);
    if (!note) throw new StoreError(`No note with id ${id}.`);
    const now = ctx.now();
    await db.notes.delete(id);
    await db.trash.put({ id, deletedAt: now, note });
    await db.trash
      .where('deletedAt')
      .below(now - TRASH_RETENTION_MS)
      .delete();
    return note;
  });
}

/** Undoes a delete. Restoring a note that is already back is not an error. */
export async function restoreNote(ctx: StoreContext, id: string): Promise<Note> {
  const { db } = ctx;
  return db.transaction('rw', db.notes, db.trash, async () => {
    const trashed = await db.trash.get(id);
    const live = await db.notes.get(id);
    if (!trashed) {
      if (live) return live;
      throw new StoreError(`No deleted note with id ${id} to restore.`);
    }
    await db.trash.delete(id);
    // The note came back meanwhile (an import): the undo must not put an older version over it.
    if (live && live.updatedAt >= trashed.note.updatedAt) return live;
    await db.notes.put(trashed.note);
    return trashed.note;
  });
}

const newestFirst = (a: Note, b: Note): number => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1);

/** Notes matching every condition of the filter, most recently updated first. */
export async function listNotes(ctx: StoreContext, filter: NoteFilter = {}): Promise<Note[]> {
  const { db } = ctx;
  const url = filter.url !== undefined ? pageKey(filter.url) : undefined;
  // One condition through its index, the others checked on the rows.
  const collection =
    url !== undefined
      ? db.notes.where('url').equals(url)
      : filter.entryId !== undefined
        ? db.notes.where('ref.entryId').equals(filter.entryId)
        : filter.tag !== undefined
          ? db.notes.where('tags').equals(filter.tag)
          : filter.site !== undefined
            ? db.notes.where('site').equals(filter.site)
            : db.notes.toCollection();
  const rows = await collection
    .filter(
      (n) =>
        (url === undefined || n.url === url) &&
        (filter.site === undefined || n.site === filter.site) &&
        (filter.entryId === undefined || (n.ref?.kind === 'term' && n.ref.entryId === filter.entryId)) &&
        (filter.tag === undefined || n.tags.includes(filter.tag)),
    )
    .toArray();
  rows.sort(newestFirst);
  return filter.limit !== undefined ? rows.slice(0, filter.limit) : rows;
}

/** The notes of one page, oldest first (the order they were written in). */
export async function notesForPage(ctx: StoreContext, url: string): Promise<{ url: string; notes: Note[] }> {
  const key = pageKey(url);
  const notes = await ctx.db.notes.where('url').equals(key).toArray();
  notes.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  return { url: key, notes };
}

function searchable(n: Note): string {
  return [n.body, n.selectors?.quote.exact ?? '', n.title, n.tags.join(' '), n.site, n.ref?.kind === 'term' ? n.ref.entryId : ''].join('\n').toLowerCase();
}

/** Notes holding every word of the query (case-insensitive), most recently updated first. */
export async function searchNotes(ctx: StoreContext, query: string, limit = 200): Promise<Note[]> {
  const words = query
    .toLowerCase()
    .split(/\s+/u)
    .filter((w) => w !== '');
  if (words.length === 0) return [];
  const rows = await ctx.db.notes
    .filter((n) => {
      const text = searchable(n);
      return words.every((w) => text.includes(w));
    })
    .toArray();
  rows.sort(newestFirst);
  return rows.slice(0, limit);
}
