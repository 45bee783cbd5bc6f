// Who may ask what (the table is ACCESS in lib/protocol/messages.ts), applied to one request. A
// content script asking about "its page" is held to the page the browser says it runs in, never
// the one its message names; nothing is written from a private window unless the reader allowed
// it; nothing is recorded for a page loaded ahead that the reader has not seen.

import { normalizePageUrl } from '../lib/notes/url';
import { accessOf } from '../lib/protocol/messages';
import type { Request, RequestType } from '../lib/protocol/messages';
import type { Sender } from './senders';

export type KnownSender = Extract<Sender, { ok: true }>;

/** The reader's choices the router obeys (lib/settings). */
export interface StoragePrefs {
  /** Notes and reading history may be written from private (incognito) windows. */
  privateWindows: boolean;
  /** The terms met on pages are recorded. */
  readingHistory: boolean;
}

/** What the reader gets before changing anything: nothing from private windows, history kept. */
export const DEFAULT_PREFS: StoragePrefs = { privateWindows: false, readingHistory: true };

/** Requests that store something the reader did (a delete or a clear only removes). */
const STORES: ReadonlySet<RequestType> = new Set([
  'notes/create',
  'notes/draft-save',
  'notes/update',
  'notes/restore',
  'encounters/record',
  'backup/import-commit',
]);

export type Decision = { ok: true; request: Request } | { ok: false; error: string };

const WHO = {
  'extension-page': 'an extension page',
  'note-frame': 'the note frame',
  'top-frame': 'a content script',
  'sub-frame': 'a content script in a frame',
} as const;

/** The page a request is about, when it names one. */
function pageOf(request: Request): string | null {
  switch (request.type) {
    case 'notes/for-page':
    case 'notes/count-for-page':
    case 'encounters/record':
    case 'page/terms':
      return request.url;
    default:
      return null;
  }
}

/**
 * The request as the sender may make it (a content script's note is written on its own page), or
 * why it is refused. The prefs are read only when the request stores something.
 */
export async function authorize(request: Request, sender: KnownSender, prefs: () => Promise<StoragePrefs>): Promise<Decision> {
  const access = accessOf(request.type, sender.kind);
  if (access === 'none') return { ok: false, error: `"${request.type}" is not accepted from ${WHO[sender.kind]}.` };
  let allowed: Request = request;
  if (access === 'own-page') {
    if (sender.pageUrl === null) return { ok: false, error: `"${request.type}": this page has no address notes are kept under.` };
    if (request.type === 'notes/create') {
      allowed = { ...request, draft: { ...request.draft, url: sender.pageUrl } };
    } else if (request.type !== 'notes/draft-open') {
      // (notes/draft-open names no page: the router keeps the draft under the sender's.)
      const named = pageOf(request);
      if (named === null || normalizePageUrl(named) !== sender.pageUrl) {
        return { ok: false, error: `"${request.type}" is accepted from a content script for its own page only.` };
      }
    }
  }
  if (request.type === 'encounters/record' && sender.prerendered) {
    return { ok: false, error: 'Nothing is recorded for a page loaded ahead that the reader has not seen.' };
  }
  if (STORES.has(request.type) && sender.incognito && !(await prefs()).privateWindows) {
    return { ok: false, error: 'Tifa Lens stores nothing from private windows (the options can allow it).' };
  }
  return { ok: true, request: allowed };
}
