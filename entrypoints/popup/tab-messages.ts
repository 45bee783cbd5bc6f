// The popup's messages to the content script of the tab it was opened over (its top frame),
// declared and validated in lib/protocol/tab-messages.ts. A tab without Tifa Lens (a browser
// page, a disabled site, a tab not reloaded since install) simply answers nothing.

import { browser } from 'wxt/browser';
import { validateTabResponse } from '../../lib/protocol/tab-messages';
import type { TabRequestOf, TabRequestType, TabResponseFor } from '../../lib/protocol/tab-messages';

async function send<T extends TabRequestType>(tabId: number, message: TabRequestOf<T>): Promise<TabResponseFor<T>> {
  try {
    return validateTabResponse(message.type, await browser.tabs.sendMessage(tabId, message, { frameId: 0 }));
  } catch {
    return { ok: false, error: 'No Tifa Lens on that page.' };
  }
}

/** Scroll to the entry's next occurrence on the page and flash it. */
export async function revealTerm(tabId: number, entryId: string): Promise<void> {
  await send(tabId, { type: 'lens/reveal-term', entryId });
}

/** The page's notes whose text is gone. */
export async function orphanNotes(tabId: number): Promise<ReadonlySet<string>> {
  const answer = await send(tabId, { type: 'lens/orphan-notes' });
  return new Set(answer.ok ? answer.data.noteIds : []);
}

/** After an import: every open page reloads its notes (any page's may have changed). */
export async function tellTabsNotesChanged(): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  for (const tab of tabs) {
    if (tab.id !== undefined && !tab.discarded) void send(tab.id, { type: 'lens/notes-changed' });
  }
}

/** The page's title and the text around its traced quotations; null without Tifa Lens there. */
export async function quotedPage(tabId: number): Promise<{ url: string; title: string; blocks: string[] } | null> {
  const answer = await send(tabId, { type: 'lens/quotations' });
  return answer.ok ? answer.data : null;
}
