// Every message between content scripts, extension pages and the background, in one place: each
// request type, what it carries, what its successful response carries, who may send it, and the
// run-time validators of both directions. A response is `{ ok: true, data }` or
// `{ ok: false, error }`; nothing throws across the wire.

import { MAX_IMPORT_BYTES, MAX_SEARCH_QUERY, MAX_TERMS_PER_PAGE } from '../notes/limits';
import type { ImportSummary } from '../notes/import';
import { MAX_QUOTE } from '../notes/limits';
import {
  body,
  distinctEntries,
  encounter,
  entryId,
  note,
  noteChanges,
  noteDraft,
  noteId,
  noteRef,
  noteSelectors,
  pageUrl,
  tags,
  termCount,
  title,
} from '../notes/schema';
import type { Encounter, Note, NoteChanges, NoteDraft, NoteRef, NoteSelectors, TermCount } from '../notes/types';
import { arr, bool, fail, int, isPlainObject, literal, nullable, obj, refine, shortError, str } from './guards';
import type { Check, Checked } from './guards';

export type ExportFormat = 'json' | 'markdown' | 'anki-csv';

export interface NoteFilter {
  url?: string;
  site?: string;
  entryId?: string;
  tag?: string;
  /** At most this many, most recently updated first. */
  limit?: number;
}

export interface EncounterFilter {
  url?: string;
  site?: string;
  entryId?: string;
  limit?: number;
}

/**
 * Who sent a message: one of the extension's own pages (the popup, the options, the source viewer),
 * the note frame (the extension's composer page, framed inside a tab's page), a content script in a
 * tab's top frame, or a content script in a frame of the page.
 */
export type SenderKind = 'extension-page' | 'note-frame' | 'top-frame' | 'sub-frame';

/**
 * What the note frame is opened on, as the top frame's content script gives it: the page's title,
 * the glossary entry or corpus passage the note is about, the selectors that anchor the selected
 * text, and the text shown above the field (the selection, or the menu's text found nowhere).
 */
export interface DraftContext {
  title: string;
  ref: NoteRef | null;
  selectors: NoteSelectors | null;
  quote: string | null;
}

/** What the note frame tells the content script that framed it (through the background). */
export type DraftEvent = { token: string; event: 'saved' | 'cancel' } | { token: string; event: 'resize'; height: number };

/**
 * What a sender may do with a request: anything, only about the page it runs in (the background
 * takes that page from the browser's account of the sender, not from the message), or nothing.
 */
export type Access = 'any' | 'own-page' | 'none';

/** Each request's fields (besides `type`) and its successful response's `data`. */
export interface RequestMap {
  /** Creates a note; the background assigns id, times and site and normalizes URL and tags. */
  'notes/create': { request: { draft: NoteDraft }; data: { note: Note } };
  'notes/update': { request: { id: string; changes: NoteChanges }; data: { note: Note } };
  /** Moves the note to the trash (kept 30 days) and returns it. */
  'notes/delete': { request: { id: string }; data: { note: Note } };
  /** Undo of a delete: the note comes back as it was. */
  'notes/restore': { request: { id: string }; data: { note: Note } };
  'notes/list': { request: { filter?: NoteFilter }; data: { notes: Note[] } };
  /** The notes of one page (the URL is normalized first), oldest first. */
  'notes/for-page': { request: { url: string }; data: { url: string; notes: Note[] } };
  /** How many notes one page has: all a frame needs to know (whether to load the lens). */
  'notes/count-for-page': { request: { url: string }; data: { count: number } };
  /**
   * Content (top frame) → background: a note is about to be written on the sender's page. The
   * background keeps the context and the page's address (the sender's, never the message's) under
   * a token; the content script frames the note frame with it. What the reader types is never in
   * the page's process: the frame sends it (notes/draft-save).
   */
  'notes/draft-open': { request: { context: DraftContext }; data: { token: string } };
  /** Note frame → background: what its token's draft is on (the quote shown above the field). */
  'notes/draft-context': { request: { token: string }; data: { quote: string | null; title: string } };
  /** Note frame → background: the note the reader wrote; again with the same token, the same note. */
  'notes/draft-save': { request: { token: string; body: string; tags: string[] }; data: { note: Note } };
  /** Note frame → background: the reader cancelled, or the frame's content changed height; relayed to the page's content script. */
  'notes/draft-event': { request: { draft: DraftEvent }; data: { sent: boolean } };
  /** Every word of the query in the note's text, quote, title, tags, site or term id. */
  'notes/search': { request: { query: string; limit?: number }; data: { notes: Note[] } };
  /** A page scan's entries with their counts. */
  'encounters/record': { request: { url: string; title: string; terms: TermCount[] }; data: { recorded: number } };
  'encounters/list': { request: { filter?: EncounterFilter }; data: { encounters: Encounter[] } };
  /** Forgets the whole reading history (the notes stay). */
  'encounters/clear': { request: Record<never, never>; data: { removed: number } };
  'backup/export': {
    request: { format: ExportFormat; includeEncounteredTerms?: boolean };
    data: { filename: string; mimeType: string; text: string };
  };
  'backup/import-preview': { request: { text: string }; data: { summary: ImportSummary } };
  /** Validates the whole file, then writes in one transaction or not at all. */
  'backup/import-commit': { request: { text: string }; data: { summary: ImportSummary } };
  /** Content → background: the page's distinct terms, for the toolbar badge of the sender's tab. */
  'page/terms': { request: { url: string; terms: TermCount[] }; data: { badge: string } };
  /** Extension page → background: the terms last reported by a tab (null when none). */
  'page/terms-for-tab': { request: { tabId: number }; data: { url: string | null; terms: TermCount[] } };
  /**
   * Content → background: open the source viewer in a new tab (a page cannot navigate to an
   * extension page itself). Only URLs of the extension's own source viewer are opened.
   */
  'source/open': { request: { url: string }; data: { opened: boolean } };
  /**
   * Content → background: the glossary's serialized matcher (gzip, base64), built with the
   * glossary. It stays out of the content script's bundle, which every page parses; only a page
   * with something to match asks for it (content/lens/page-layer/glossary-matcher.ts).
   */
  'matcher/serialized': { request: Record<never, never>; data: { key: string; gzipBase64: string } };
  /** Content → background: the compiled glossary as JSON (kept out of the content script's bundle too). */
  'glossary/json': { request: Record<never, never>; data: { json: string } };
  /**
   * Content → background: the host name of the page the sender's frame is in (its tab's top
   * frame), which the per-site switch is about; null when the browser does not say or the page
   * is no web page. Read from what the browser reports of the sender, which a page cannot forge.
   */
  'frame/top-site': { request: Record<never, never>; data: { hostname: string | null } };
}

export type RequestType = keyof RequestMap;
export type RequestOf<T extends RequestType> = { type: T } & RequestMap[T]['request'];
export type Request = { [T in RequestType]: RequestOf<T> }[RequestType];
export type DataFor<T extends RequestType> = RequestMap[T]['data'];
export interface ErrorResponse {
  ok: false;
  error: string;
}
export type ResponseFor<T extends RequestType> = { ok: true; data: DataFor<T> } | ErrorResponse;
export type Response = { [T in RequestType]: ResponseFor<T> }[RequestType];

const PAGES = { 'extension-page': 'any', 'note-frame': 'none', 'top-frame': 'none', 'sub-frame': 'none' } as const;
const CONTENT = { 'extension-page': 'none', 'note-frame': 'none', 'top-frame': 'any', 'sub-frame': 'any' } as const;
const EVERYONE = { 'extension-page': 'any', 'note-frame': 'none', 'top-frame': 'any', 'sub-frame': 'any' } as const;
/** The note frame's own requests: each is held to the draft its token names, opened from the frame's own tab. */
const FRAME = { 'extension-page': 'none', 'note-frame': 'any', 'top-frame': 'none', 'sub-frame': 'none' } as const;

/**
 * Who may send what. A content script shares its process with the page it runs in, so it is held
 * to that page: it reads that page's notes, writes a note on it and records the terms met on it,
 * and a frame inside the page (an ad, an embed) learns only how many notes its own address has.
 * Everything else (the whole list, search, edits, the trash, the history, backups) is for the
 * extension's own pages. The note frame, an extension page inside the reader's tab, may only
 * read and save the draft it was opened on.
 */
export const ACCESS: { readonly [T in RequestType]: { readonly [K in SenderKind]: Access } } = {
  'notes/create': { 'extension-page': 'any', 'note-frame': 'none', 'top-frame': 'own-page', 'sub-frame': 'none' },
  'notes/update': PAGES,
  'notes/delete': PAGES,
  'notes/restore': PAGES,
  'notes/list': PAGES,
  'notes/for-page': { 'extension-page': 'any', 'note-frame': 'none', 'top-frame': 'own-page', 'sub-frame': 'none' },
  'notes/count-for-page': { 'extension-page': 'any', 'note-frame': 'none', 'top-frame': 'own-page', 'sub-frame': 'own-page' },
  'notes/draft-open': { 'extension-page': 'none', 'note-frame': 'none', 'top-frame': 'own-page', 'sub-frame': 'none' },
  'notes/draft-context': FRAME,
  'notes/draft-save': FRAME,
  'notes/draft-event': FRAME,
  'notes/search': PAGES,
  'encounters/record': { 'extension-page': 'any', 'note-frame': 'none', 'top-frame': 'own-page', 'sub-frame': 'none' },
  'encounters/list': PAGES,
  'encounters/clear': PAGES,
  'backup/export': PAGES,
  'backup/import-preview': PAGES,
  'backup/import-commit': PAGES,
  // The toolbar badge counts the page the reader sees, not its ads and embeds.
  'page/terms': { 'extension-page': 'none', 'note-frame': 'none', 'top-frame': 'own-page', 'sub-frame': 'none' },
  'page/terms-for-tab': PAGES,
  'source/open': EVERYONE,
  'matcher/serialized': CONTENT,
  'glossary/json': CONTENT,
  'frame/top-site': CONTENT,
};

const limit = int({ min: 1, max: 100_000 });
const site = str({ max: 300, min: 1 });
const tag = str({ max: 200, min: 1 });
const terms = refine(arr(termCount, { max: MAX_TERMS_PER_PAGE }), distinctEntries);
const importText = str({ max: MAX_IMPORT_BYTES });
/** A draft's token: the background draws it (note-drafts.ts). */
export const draftToken: Check<string> = str({ max: 64, min: 16, pattern: /^[A-Za-z0-9_-]+$/u, patternName: 'a draft token' });
const draftContext: Check<DraftContext> = obj({ title, ref: nullable(noteRef), selectors: nullable(noteSelectors), quote: nullable(str({ max: MAX_QUOTE })) });
/** The frame's height in CSS pixels: the card holds at most a screen of it. */
const frameHeight = int({ min: 0, max: 10_000 });
export const draftEventCheck: Check<DraftEvent> = (value, path) =>
  isPlainObject(value) && value.event === 'resize'
    ? obj({ token: draftToken, event: literal('resize'), height: frameHeight })(value, path)
    : obj({ token: draftToken, event: literal('saved', 'cancel') })(value, path);

function request<T extends RequestType, S extends Record<string, Check<unknown>>, O extends Record<string, Check<unknown>>>(type: T, required: S, optional: O) {
  return obj({ type: literal(type), ...required }, optional);
}

/** The validator of each request type. Each yields a request of exactly its type. */
export const REQUEST_CHECKS: { readonly [T in RequestType]: Check<RequestOf<T>> } = {
  'notes/create': request('notes/create', { draft: noteDraft }, {}),
  'notes/update': request('notes/update', { id: noteId, changes: noteChanges }, {}),
  'notes/delete': request('notes/delete', { id: noteId }, {}),
  'notes/restore': request('notes/restore', { id: noteId }, {}),
  'notes/list': request('notes/list', {}, { filter: obj({}, { url: pageUrl, site, entryId, tag, limit }) }),
  'notes/for-page': request('notes/for-page', { url: pageUrl }, {}),
  'notes/count-for-page': request('notes/count-for-page', { url: pageUrl }, {}),
  'notes/draft-open': request('notes/draft-open', { context: draftContext }, {}),
  'notes/draft-context': request('notes/draft-context', { token: draftToken }, {}),
  'notes/draft-save': request('notes/draft-save', { token: draftToken, body, tags }, {}),
  'notes/draft-event': request('notes/draft-event', { draft: draftEventCheck }, {}),
  'notes/search': request('notes/search', { query: str({ max: MAX_SEARCH_QUERY }) }, { limit }),
  'encounters/record': request('encounters/record', { url: pageUrl, title, terms }, {}),
  'encounters/list': request('encounters/list', {}, { filter: obj({}, { url: pageUrl, site, entryId, limit }) }),
  'encounters/clear': request('encounters/clear', {}, {}),
  'backup/export': request('backup/export', { format: literal('json', 'markdown', 'anki-csv') }, { includeEncounteredTerms: bool() }),
  'backup/import-preview': request('backup/import-preview', { text: importText }, {}),
  'backup/import-commit': request('backup/import-commit', { text: importText }, {}),
  'page/terms': request('page/terms', { url: pageUrl, terms }, {}),
  'page/terms-for-tab': request('page/terms-for-tab', { tabId: int({ min: 0, max: Number.MAX_SAFE_INTEGER }) }, {}),
  'source/open': request('source/open', { url: str({ max: 2_000, min: 1 }) }, {}),
  'matcher/serialized': request('matcher/serialized', {}, {}),
  'glossary/json': request('glossary/json', {}, {}),
  'frame/top-site': request('frame/top-site', {}, {}),
};

const counts = { added: int({ min: 0, max: 1e9 }), changed: int({ min: 0, max: 1e9 }), unchanged: int({ min: 0, max: 1e9 }) };
const summary: Check<ImportSummary> = obj({
  notes: obj({ ...counts, keptLocal: int({ min: 0, max: 1e9 }) }),
  encounters: obj(counts),
});
const notes = arr(note, { max: 1_000_000 });

/** The validator of each successful response's data, run by the client on what comes back. */
export const DATA_CHECKS: { readonly [T in RequestType]: Check<DataFor<T>> } = {
  'notes/create': obj({ note }),
  'notes/update': obj({ note }),
  'notes/delete': obj({ note }),
  'notes/restore': obj({ note }),
  'notes/list': obj({ notes }),
  'notes/for-page': obj({ url: pageUrl, notes }),
  'notes/count-for-page': obj({ count: int({ min: 0, max: 1e9 }) }),
  'notes/draft-open': obj({ token: draftToken }),
  'notes/draft-context': obj({ quote: nullable(str({ max: MAX_QUOTE })), title }),
  'notes/draft-save': obj({ note }),
  'notes/draft-event': obj({ sent: bool() }),
  'notes/search': obj({ notes }),
  'encounters/record': obj({ recorded: int({ min: 0, max: 1e9 }) }),
  'encounters/list': obj({ encounters: arr(encounter, { max: 10_000_000 }) }),
  'encounters/clear': obj({ removed: int({ min: 0, max: 1e9 }) }),
  'backup/export': obj({ filename: str({ max: 200, min: 1 }), mimeType: str({ max: 100, min: 1 }), text: str({ max: 1e9 }) }),
  'backup/import-preview': obj({ summary }),
  'backup/import-commit': obj({ summary }),
  'page/terms': obj({ badge: str({ max: 8 }) }),
  'page/terms-for-tab': obj({ url: nullable(pageUrl), terms }),
  'source/open': obj({ opened: bool() }),
  'matcher/serialized': obj({ key: str({ max: 1_000, min: 1 }), gzipBase64: str({ max: 100_000_000 }) }),
  'glossary/json': obj({ json: str({ max: 100_000_000, min: 2 }) }),
  'frame/top-site': obj({ hostname: nullable(str({ max: 300, min: 1 })) }),
};

export const REQUEST_TYPES = Object.keys(REQUEST_CHECKS) as RequestType[];

export function isRequestType(value: unknown): value is RequestType {
  return typeof value === 'string' && Object.hasOwn(REQUEST_CHECKS, value);
}

/**
 * Validates an incoming message as a request; the error names the type and the faulty field, not
 * what it held. Never throws: a message whose getters or proxy traps throw, or that nests past the
 * stack, is refused as unreadable.
 */
export function validateRequest(message: unknown): Checked<Request> {
  try {
    return checkRequest(message);
  } catch {
    return fail('', 'Invalid message: not plain data.');
  }
}

function checkRequest(message: unknown): Checked<Request> {
  if (!isPlainObject(message)) return fail('', 'Invalid message: expected an object with a "type".');
  const { type } = message;
  if (typeof type !== 'string') return fail('', 'Invalid message: missing "type".');
  if (!isRequestType(type)) return fail('', 'Unknown message type.');
  const r: Checked<Request> = REQUEST_CHECKS[type](message, '');
  return r.ok ? r : fail('', `Invalid "${type}" request: ${r.error}`);
}

const errorResponse: Check<ErrorResponse> = obj({ ok: literal(false), error: str({ max: 10_000 }) });

/** Validates a response to a request of `type`; a malformed one becomes an error response. */
export function validateResponse<T extends RequestType>(type: T, response: unknown): ResponseFor<T> {
  try {
    return checkResponse(type, response);
  } catch {
    return { ok: false, error: `Unreadable response to "${type}".` };
  }
}

function checkResponse<T extends RequestType>(type: T, response: unknown): ResponseFor<T> {
  if (!isPlainObject(response)) return { ok: false, error: `No valid response to "${type}".` };
  if (response.ok === false) {
    const e = errorResponse(response, '');
    return e.ok ? e.value : { ok: false, error: `Malformed error response to "${type}".` };
  }
  const shape = obj({ ok: literal(true), data: DATA_CHECKS[type] })(response, '');
  return shape.ok ? { ok: true, data: shape.value.data } : { ok: false, error: shortError(`Malformed response to "${type}": ${shape.error}`) };
}

/** An error's message, short (MAX_ERROR_LENGTH), as responses carry it. */
export function errorOf(error: unknown): string {
  if (error instanceof Error) return shortError(error.message);
  return typeof error === 'string' ? shortError(error) : 'Unknown error';
}

/** What a sender of this kind may do with requests of this type. */
export function accessOf(type: RequestType, kind: SenderKind): Access {
  return ACCESS[type][kind];
}
