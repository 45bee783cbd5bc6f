// The note frames this page shows: the composer is the extension's own page (entrypoints/note-frame/)
// framed in the card, so the page's listeners hear none of the keys typed into it. Opening one asks
// the background to keep what the note will be on (notes/draft-open); the frame then talks to the
// background only, and the background tells this page what became of it (lens/draft-event).

import { browser } from 'wxt/browser';
import type { DraftContext, DraftEvent } from '../../../lib/protocol/messages';
import type { SendRequest } from '../../../lib/protocol/client';

export interface DraftHandlers {
  /** The note was saved (the page's notes are fetched again). */
  saved(): void;
  /** The reader cancelled it (Esc, Cancel). */
  cancel(): void;
  /** The frame's content is `height` pixels tall. */
  resize(height: number): void;
}

export type OpenedDraft = { ok: true; token: string; src: string } | { ok: false; error: string };

export interface NoteFrames {
  open(context: DraftContext, handlers: DraftHandlers): Promise<OpenedDraft>;
  /** The page no longer shows the frame of `token`: its news is ignored from now on. */
  forget(token: string): void;
  /** The answer to `lens/draft-event`. */
  event(draft: DraftEvent): { handled: boolean };
}

export function createNoteFrames(sendRequest: SendRequest, frameUrl: () => string = () => browser.runtime.getURL('/note-frame.html')): NoteFrames {
  const open = new Map<string, DraftHandlers>();
  return {
    async open(context, handlers) {
      const answer = await sendRequest({ type: 'notes/draft-open', context });
      if (!answer.ok) return { ok: false, error: answer.error };
      const { token } = answer.data;
      open.set(token, handlers);
      return { ok: true, token, src: `${frameUrl()}#${token}` };
    },
    forget(token) {
      open.delete(token);
    },
    event(draft) {
      const handlers = open.get(draft.token);
      if (!handlers) return { handled: false };
      if (draft.event === 'resize') handlers.resize(draft.height);
      else {
        open.delete(draft.token);
        if (draft.event === 'saved') handlers.saved();
        else handlers.cancel();
      }
      return { handled: true };
    },
  };
}
