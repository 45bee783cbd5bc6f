// The notes being written in note frames (entrypoints/note-frame/). The page's content script says
// what a note will be on (notes/draft-open); the reader types it in the frame, an extension page
// the page's scripts cannot listen to, which saves it (notes/draft-save). In between, the draft is
// kept here under a token no page can guess, with the page's address as the browser reported it.
//
// The service worker may be stopped while the reader types: drafts are kept in the session
// storage area as well (in memory only when the browser has none), and only a few, briefly.

import { MAX_URL } from '../lib/notes/limits';
import { noteId, noteRef, noteSelectors, title } from '../lib/notes/schema';
import { int, nullable, obj, str } from '../lib/protocol/guards';
import type { Check } from '../lib/protocol/guards';
import { draftToken } from '../lib/protocol/messages';
import type { DraftContext } from '../lib/protocol/messages';
import { MAX_QUOTE } from '../lib/notes/limits';
import type { SessionArea } from './tab-terms';

export interface Draft extends DraftContext {
  token: string;
  /** The tab and frame whose content script opened it: the only frame told what becomes of it. */
  tabId: number;
  frameId: number;
  /** The normalized address of that frame's page. */
  url: string;
  /** The note's id, drawn once: saving again (a lost answer, a second click) finds the same note. */
  noteId: string;
  openedAt: number;
}

/** Drafts open at once, across tabs: the oldest gives way. */
export const MAX_DRAFTS = 20;
/** A draft not saved within this long is forgotten (the reader has left it). */
export const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;

const KEY = 'note-drafts';

const draftCheck: Check<Draft> = obj({
  token: draftToken,
  tabId: int({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  frameId: int({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  url: str({ max: MAX_URL, min: 1 }),
  noteId,
  openedAt: int({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  title,
  ref: nullable(noteRef),
  selectors: nullable(noteSelectors),
  quote: nullable(str({ max: MAX_QUOTE })),
});

/** A token of 128 random bits, as URL-safe text. */
function newToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface DraftStore {
  open(context: DraftContext, where: { tabId: number; frameId: number; url: string }): Promise<Draft>;
  /** The draft of `token` if it was opened from `tabId` (a frame of another tab gets nothing). */
  get(token: string, tabId: number): Promise<Draft | null>;
  close(token: string): Promise<void>;
  /** Forgets the drafts of a closed tab. */
  forgetTab(tabId: number): Promise<void>;
}

export function createDraftStore(session: SessionArea | null, now: () => number = Date.now, newId: () => string = () => crypto.randomUUID()): DraftStore {
  let held: Draft[] | null = null;

  async function load(): Promise<Draft[]> {
    if (held) return held;
    let stored: unknown = [];
    try {
      stored = session ? (await session.get(KEY))[KEY] : [];
    } catch {
      stored = [];
    }
    held = Array.isArray(stored)
      ? stored.flatMap((d) => {
          const checked = draftCheck(d, 'draft');
          return checked.ok ? [checked.value] : [];
        })
      : [];
    return held;
  }

  async function keep(drafts: Draft[]): Promise<void> {
    held = drafts;
    await session?.set({ [KEY]: drafts }).catch(() => undefined);
  }

  const live = (drafts: Draft[]): Draft[] => drafts.filter((d) => now() - d.openedAt < DRAFT_TTL_MS);

  return {
    async open(context, where) {
      const draft: Draft = { ...context, ...where, token: newToken(), noteId: newId(), openedAt: now() };
      const drafts = live(await load());
      await keep([...drafts, draft].slice(-MAX_DRAFTS));
      return draft;
    },
    async get(token, tabId) {
      const draft = live(await load()).find((d) => d.token === token);
      return draft && draft.tabId === tabId ? draft : null;
    },
    async close(token) {
      const drafts = await load();
      if (drafts.some((d) => d.token === token)) await keep(drafts.filter((d) => d.token !== token));
    },
    async forgetTab(tabId) {
      const drafts = await load();
      if (drafts.some((d) => d.tabId === tabId)) await keep(drafts.filter((d) => d.tabId !== tabId));
    },
  };
}
