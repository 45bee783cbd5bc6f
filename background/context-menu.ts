// The context menu item "Add Tifa Lens note" on a text selection. The browser keeps menu items
// across service worker restarts, so they are (re)created when the extension is installed or
// updated and when the browser starts; the click listener is registered on every worker start.
// A click asks the tab's top frame to open the note composer on the selection.

import { browser } from 'wxt/browser';
import { MAX_QUOTE } from '../lib/notes/limits';
import type { TabRequestOf } from '../lib/protocol/tab-messages';

export const NOTE_MENU_ID = 'tifa-lens-add-note';
export const NOTE_MENU_TITLE = 'Add Tifa Lens note';

/** Where the content script runs (the item is useless elsewhere). */
const PAGES = ['http://*/*', 'https://*/*'];

/** The part of `contextMenus` (Firefox: `menus`) this module uses. */
export interface MenusApi {
  create(properties: { id: string; title: string; contexts: ['selection']; documentUrlPatterns: string[] }, callback?: () => void): unknown;
  removeAll(): Promise<void>;
  onClicked: {
    addListener(listener: (info: { menuItemId: string | number; selectionText?: string }, tab?: { id?: number }) => void): void;
  };
}

export interface ContextMenuDeps {
  menus: MenusApi;
  onInstalled: { addListener(listener: () => void): void };
  onStartup: { addListener(listener: () => void): void };
  /** Sends a tab message to the top frame of a tab. */
  sendToTopFrame(tabId: number, message: TabRequestOf<'lens/compose-note'>): Promise<unknown>;
  /** Reads (and so clears) `runtime.lastError` after `create`, which reports a duplicate id there. */
  lastError?: () => unknown;
}

/** The tab message for a click on the item; null without selected text. */
export function composeMessage(selectionText: string | undefined): TabRequestOf<'lens/compose-note'> | null {
  const text = (selectionText ?? '').trim().slice(0, MAX_QUOTE);
  return text === '' ? null : { type: 'lens/compose-note', text };
}

export function startContextMenu(deps: ContextMenuDeps): void {
  const { menus } = deps;
  const create = (): void => {
    void menus
      .removeAll()
      .catch(() => undefined)
      .then(() => {
        menus.create({ id: NOTE_MENU_ID, title: NOTE_MENU_TITLE, contexts: ['selection'], documentUrlPatterns: PAGES }, () => {
          deps.lastError?.();
        });
      });
  };
  deps.onInstalled.addListener(create);
  deps.onStartup.addListener(create);
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== NOTE_MENU_ID || tab?.id === undefined || tab.id < 0) return;
    const message = composeMessage(info.selectionText);
    // A page without the content script (not yet reloaded since install) just does not answer.
    if (message) void deps.sendToTopFrame(tab.id, message).catch(() => undefined);
  });
}

/** The context menu with the browser's APIs; nothing where the browser has no menus API. */
export function startBrowserContextMenu(): void {
  const menus = browser.contextMenus;
  if (!menus) return;
  startContextMenu({
    menus,
    onInstalled: browser.runtime.onInstalled,
    onStartup: browser.runtime.onStartup,
    sendToTopFrame: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
    lastError: () => browser.runtime.lastError,
  });
}
