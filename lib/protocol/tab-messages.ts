// Messages to a tab's content script (its top frame): from the popup and from the background's
// keyboard commands. The background-bound messages are declared in messages.ts; together these
// two files are the whole protocol. Validated on arrival like every other message.

import { MAX_QUOTE } from '../notes/limits';
import { entryId, pageUrl } from '../notes/schema';
import type { TermCount } from '../notes/types';
import { draftEventCheck } from './messages';
import type { DraftEvent } from './messages';
import { arr, fail, int, isPlainObject, literal, obj, shortError, str } from './guards';
import type { Check, Checked } from './guards';
import { MAX_CHANGED_PAGES } from './tab-request-types';
import type { TabRequestType } from './tab-request-types';

/** A corpus passage quoted on the page: document id, block index and offsets in that block. */
export interface QuotedPassage {
  doc: string;
  block: number;
  start: number;
  end: number;
  count: number;
}

/** A message that carries nothing but its type. */
type NoFields = { _?: never };

export interface TabRequestMap {
  /** Step to the next / previous term on the page and open its card. */
  'lens/next-term': { request: NoFields; data: { found: boolean } };
  'lens/previous-term': { request: NoFields; data: { found: boolean } };
  /** Scroll to the entry's next occurrence on the page and flash it. */
  'lens/reveal-term': { request: { entryId: string }; data: { found: boolean } };
  /** Which of the page's notes could not be anchored (their text is gone). */
  'lens/orphan-notes': { request: NoFields; data: { noteIds: string[] } };
  /**
   * The background's context menu item "Add Tifa Lens note" on a selection, or its keyboard command:
   * open the note composer on the page's own selection. Without one, on `text` (the menu's
   * selection text) found in the page, else on the page itself (the command, nothing selected).
   */
  'lens/compose-note': { request: { text?: string }; data: { opened: boolean } };
  /**
   * The reader's notes changed elsewhere (the popup, another tab, an import): the page takes its
   * notes again if `pages` (normalized page URLs) names it, or whatever the page when absent.
   */
  'lens/notes-changed': { request: { pages?: string[] }; data: { reloaded: boolean } };
  /** What the page holds: its terms and the corpus passages it quotes. */
  'lens/summary': { request: NoFields; data: { url: string; terms: TermCount[]; quotes: QuotedPassage[] } };
  /** The note frame this page framed was saved or cancelled, or changed height (relayed by the background). */
  'lens/draft-event': { request: { draft: DraftEvent }; data: { handled: boolean } };
  /**
   * The page's text around its traced quotations, for the popup to align with the corpus (its
   * quotations' verdicts, the analyst's brief): each block holding one, in page order, at most
   * MAX_QUOTED_BLOCKS of at most MAX_BLOCK_TEXT characters; and the page's title.
   */
  'lens/quotations': { request: NoFields; data: { url: string; title: string; blocks: string[] } };
}

export const MAX_QUOTED_BLOCKS = 500;
export const MAX_BLOCK_TEXT = 4_000;

export type { TabRequestType };
export type TabRequestOf<T extends TabRequestType> = { type: T } & TabRequestMap[T]['request'];
export type TabRequest = { [T in TabRequestType]: TabRequestOf<T> }[TabRequestType];
export type TabDataFor<T extends TabRequestType> = TabRequestMap[T]['data'];
export type TabResponseFor<T extends TabRequestType> = { ok: true; data: TabDataFor<T> } | { ok: false; error: string };

export { MAX_CHANGED_PAGES };

/** The map declares every type tab-request-types.ts lists (the loader reads them there), no other. */
const SAME_NAMES: [keyof TabRequestMap] extends [TabRequestType] ? ([TabRequestType] extends [keyof TabRequestMap] ? true : never) : never = true;
void SAME_NAMES;

const none = <T extends TabRequestType>(type: T): Check<TabRequestOf<T>> => obj({ type: literal(type) }) as Check<TabRequestOf<T>>;

const TAB_REQUEST_CHECKS: { readonly [T in TabRequestType]: Check<TabRequestOf<T>> } = {
  'lens/next-term': none('lens/next-term'),
  'lens/previous-term': none('lens/previous-term'),
  'lens/reveal-term': obj({ type: literal('lens/reveal-term'), entryId }),
  'lens/orphan-notes': none('lens/orphan-notes'),
  'lens/compose-note': obj({ type: literal('lens/compose-note') }, { text: str({ max: MAX_QUOTE, min: 1 }) }),
  'lens/notes-changed': obj({ type: literal('lens/notes-changed') }, { pages: arr(pageUrl, { max: MAX_CHANGED_PAGES }) }),
  'lens/summary': none('lens/summary'),
  'lens/draft-event': obj({ type: literal('lens/draft-event'), draft: draftEventCheck }),
  'lens/quotations': none('lens/quotations'),
};

const count = int({ min: 0, max: 10_000_000 });
const quoted: Check<QuotedPassage> = obj({ doc: str({ max: 40, min: 1 }), block: count, start: count, end: count, count });
const termCounts: Check<TermCount[]> = arr(obj({ entryId, count }), { max: 100_000 });

const TAB_DATA_CHECKS: { readonly [T in TabRequestType]: Check<TabDataFor<T>> } = {
  'lens/next-term': obj({ found: literal(true, false) }),
  'lens/previous-term': obj({ found: literal(true, false) }),
  'lens/reveal-term': obj({ found: literal(true, false) }),
  'lens/orphan-notes': obj({ noteIds: arr(str({ max: 100, min: 1 }), { max: 100_000 }) }),
  'lens/compose-note': obj({ opened: literal(true, false) }),
  'lens/notes-changed': obj({ reloaded: literal(true, false) }),
  'lens/summary': obj({ url: str({ max: 10_000 }), terms: termCounts, quotes: arr(quoted, { max: 100_000 }) }),
  'lens/draft-event': obj({ handled: literal(true, false) }),
  'lens/quotations': obj({
    url: str({ max: 10_000 }),
    title: str({ max: 500 }),
    blocks: arr(str({ max: MAX_BLOCK_TEXT, min: 1 }), { max: MAX_QUOTED_BLOCKS }),
  }),
};

function isTabRequestType(value: unknown): value is TabRequestType {
  return typeof value === 'string' && Object.hasOwn(TAB_REQUEST_CHECKS, value);
}

/** Never throws (see validateRequest in messages.ts). */
export function validateTabRequest(message: unknown): Checked<TabRequest> {
  try {
    return checkTabRequest(message);
  } catch {
    return fail('', 'Invalid tab message: not plain data.');
  }
}

function checkTabRequest(message: unknown): Checked<TabRequest> {
  if (!isPlainObject(message) || !isTabRequestType(message.type)) return fail('', 'Unknown tab message.');
  const checked: Checked<TabRequest> = TAB_REQUEST_CHECKS[message.type](message, '');
  return checked.ok ? checked : fail('', `Invalid "${message.type}" message: ${checked.error}`);
}

export function validateTabResponse<T extends TabRequestType>(type: T, response: unknown): TabResponseFor<T> {
  try {
    return checkTabResponse(type, response);
  } catch {
    return { ok: false, error: `Unreadable answer to "${type}".` };
  }
}

function checkTabResponse<T extends TabRequestType>(type: T, response: unknown): TabResponseFor<T> {
  if (!isPlainObject(response)) return { ok: false, error: `No answer to "${type}" (no Tifa Lens on that page).` };
  if (response.ok === false) return { ok: false, error: typeof response.error === 'string' ? shortError(response.error) : 'Failed.' };
  const shape = obj({ ok: literal(true), data: TAB_DATA_CHECKS[type] })(response, '');
  return shape.ok ? { ok: true, data: shape.value.data } : { ok: false, error: `Malformed answer to "${type}": ${shape.error}` };
}
