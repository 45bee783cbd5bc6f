// Messages from the popup to the content script of the tab it was opened over. The content
// script's side is wired by the lead; until then these fail quietly (no receiver).

import { browser } from 'wxt/browser';

/** Scroll to the entry's next occurrence on the page and flash it. */
export interface RevealTermMessage {
  type: 'lens/reveal-term';
  entryId: string;
}

/** Which of the page's notes could not be anchored (their text is gone). Answer: `{ noteIds: string[] }`. */
export interface OrphanNotesMessage {
  type: 'lens/orphan-notes';
}

export type TabMessage = RevealTermMessage | OrphanNotesMessage;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

async function send(tabId: number, message: TabMessage): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, message);
  } catch {
    // No content script in the tab (a browser page, a disabled site, not yet reloaded).
    return undefined;
  }
}

export async function revealTerm(tabId: number, entryId: string): Promise<void> {
  await send(tabId, { type: 'lens/reveal-term', entryId });
}

export async function orphanNotes(tabId: number): Promise<ReadonlySet<string>> {
  const answer = await send(tabId, { type: 'lens/orphan-notes' });
  if (!isRecord(answer) || !Array.isArray(answer.noteIds)) return new Set();
  return new Set(answer.noteIds.filter((id): id is string => typeof id === 'string'));
}
