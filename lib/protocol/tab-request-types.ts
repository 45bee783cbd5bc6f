// The names of the messages a tab's content script answers (tab-messages.ts declares their fields
// and validates them in full) and the one field the loader reads. Apart, so that the loader every
// page runs (content/loader/loader.ts) tells a tab message from anything else without compiling the
// protocol's validators: before the lens is loaded it answers with empty data by type, and reads
// only the pages of `lens/notes-changed`, checked here. The lens validates every message it acts on.

import { MAX_URL } from '../notes/limits';
import { isPlainObject } from './guards';

export const TAB_REQUEST_TYPES = [
  'lens/next-term',
  'lens/previous-term',
  'lens/reveal-term',
  'lens/orphan-notes',
  'lens/compose-note',
  'lens/notes-changed',
  'lens/summary',
  'lens/draft-event',
  'lens/quotations',
] as const;

export type TabRequestType = (typeof TAB_REQUEST_TYPES)[number];

/** Most pages one `lens/notes-changed` names; past that the background names none (every page). */
export const MAX_CHANGED_PAGES = 100;

/** What the loader reads of a tab message. */
export interface TabRequestHead {
  type: TabRequestType;
  /** `lens/notes-changed`: the pages whose notes changed; absent: any page's may have. */
  pages?: readonly string[];
}

/** The type of a tab message (and the pages of `lens/notes-changed`); null for anything else. */
export function readTabRequestHead(message: unknown): TabRequestHead | null {
  if (!isPlainObject(message)) return null;
  const type = TAB_REQUEST_TYPES.find((t) => t === message.type);
  if (type === undefined) return null;
  if (type !== 'lens/notes-changed' || message.pages === undefined) return { type };
  const { pages } = message;
  if (!Array.isArray(pages) || pages.length > MAX_CHANGED_PAGES) return null;
  const checked: string[] = [];
  for (const page of pages) {
    if (typeof page !== 'string' || page.length > MAX_URL) return null;
    checked.push(page);
  }
  return { type, pages: checked };
}
