// Wires the background: the database, the message router and the badge, with the browser's APIs.

import { browser } from 'wxt/browser';
import { glossary } from '../assets/generated/glossary';
import { GLOSSARY_JSON } from '../assets/generated/glossary-json';
import { MATCHER_GZIP_BASE64, MATCHER_KEY } from '../assets/generated/matcher';
import { readSettings } from '../lib/settings/index';
import type { TabRequestOf } from '../lib/protocol/tab-messages';
import { defaultContext } from './context';
import { commandMessage } from './commands';
import { startBrowserContextMenu } from './context-menu';
import { createDraftStore } from './note-drafts';
import { createRouter } from './router';
import type { Router } from './router';
import { requestPersistence } from './persist';
import { TabTerms } from './tab-terms';
import type { BadgeSink, SessionArea } from './tab-terms';

function badge(): BadgeSink | null {
  // MV3 has `action`; the Firefox MV2 build has `browserAction`.
  const action = browser.action ?? browser.browserAction;
  if (!action) return null;
  void action.setBadgeBackgroundColor({ color: '#8a1c1c' }).catch(() => undefined);
  return {
    async show(tabId, text) {
      // The tab may have closed since its content script reported.
      await action.setBadgeText({ tabId, text }).catch(() => undefined);
    },
  };
}

function session(): SessionArea | null {
  const area = browser.storage?.session;
  if (!area) return null;
  return {
    get: (key) => area.get(key),
    set: (items) => area.set(items),
    remove: (key) => area.remove(key),
  };
}

/**
 * Tells the top frame of each tab showing one of `pages` (but `fromTab`, which wrote) that its
 * notes changed, so an open page follows an edit or a delete made in the popup. A tab showing
 * another page learns nothing of these: not even which pages they were. A tab that has closed or
 * navigated away from the content script refuses the message, which is fine.
 */
async function tellTabs(tabs: TabTerms, pages: string[] | undefined, fromTab: number | null): Promise<void> {
  const shown = await tabs.tabsShowing(pages).catch(() => []);
  for (const { tabId, page } of shown) {
    if (tabId === fromTab) continue;
    // Each tab hears of its own page only; after an import (any page), of none by name.
    const message: TabRequestOf<'lens/notes-changed'> = { type: 'lens/notes-changed', ...(pages ? { pages: [page] } : {}) };
    void browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
  }
}

export function startBackground(): Router {
  const tabs = new TabTerms(badge(), session());
  const drafts = createDraftStore(session());
  const router = createRouter({
    ctx: defaultContext(),
    // getURL('/') is `chrome-extension://<id>/` (or `moz-extension://<uuid>/`).
    self: { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/u, '') },
    glossary,
    tabs,
    matcher: { key: MATCHER_KEY, gzipBase64: MATCHER_GZIP_BASE64 },
    glossaryJson: GLOSSARY_JSON,
    notesChanged: (pages, fromTab) => void tellTabs(tabs, pages, fromTab),
    drafts,
    tellFrame: (tabId, frameId, message) =>
      browser.tabs.sendMessage(tabId, message, { frameId }).then(
        () => true,
        () => false,
      ),
    prefs: async () => {
      const { readingHistory, privateWindows } = await readSettings(browser.storage.local);
      return { readingHistory, privateWindows };
    },
    openTab: async (url, besideTabId) => {
      const beside = besideTabId === null ? undefined : await browser.tabs.get(besideTabId).catch(() => undefined);
      await browser.tabs.create({ url, ...(beside ? { index: beside.index + 1, openerTabId: besideTabId ?? undefined } : {}) });
    },
  });

  // Answer through sendResponse (and `return true`): it works in Chrome and Firefox alike.
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    void router.handleMessage(message, sender).then(sendResponse);
    return true;
  });
  // The keyboard shortcuts act on the page the reader is on (its top frame).
  browser.commands?.onCommand.addListener((command) => {
    const message = commandMessage(command);
    if (!message) return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id !== undefined) void browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined);
    });
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void tabs.forget(tabId).catch(() => undefined);
    void drafts.forgetTab(tabId).catch(() => undefined);
  });
  startBrowserContextMenu();
  void requestPersistence();
  return router;
}
