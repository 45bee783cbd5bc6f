// Who sent a message. Only the extension's own code is listened to: its pages, and its content
// scripts (which arrive from a tab). Web pages cannot message the extension at all (there is no
// `externally_connectable`), other extensions arrive on onMessageExternal, which nothing listens
// to; this check refuses them again should either ever change.

import type { SenderKind } from '../lib/protocol/messages';

/** The fields of runtime.MessageSender this module reads. */
export interface SenderInfo {
  id?: string;
  url?: string;
  /** `url` is the tab's top frame's address (Chrome gives it to content scripts; Firefox only with the "tabs" permission). */
  tab?: { id?: number; url?: string };
  /** 0 for a tab's top frame. */
  frameId?: number;
}

export interface Self {
  /** browser.runtime.id */
  id: string;
  /** The extension's origin, e.g. `chrome-extension://<id>`, without a trailing slash. */
  origin: string;
}

export type Sender =
  | {
      ok: true;
      kind: SenderKind;
      tabId: number | null;
      frameId: number | null;
      /** The address of the page the sender is in (its tab's top frame), when the browser says. */
      topUrl: string | null;
    }
  | { ok: false; error: string };

export function classifySender(sender: SenderInfo, self: Self): Sender {
  if (sender.id !== self.id) return { ok: false, error: 'Messages from web pages or other extensions are not accepted.' };
  const url = sender.url ?? '';
  const tabId = typeof sender.tab?.id === 'number' && sender.tab.id >= 0 ? sender.tab.id : null;
  const frameId = typeof sender.frameId === 'number' ? sender.frameId : null;
  // The browser's own account of the sender: no page can write it. A top frame is its own page.
  const topUrl = typeof sender.tab?.url === 'string' ? sender.tab.url : frameId === 0 && url !== '' ? url : null;
  if (url.startsWith(`${self.origin}/`)) return { ok: true, kind: 'extension-page', tabId, frameId, topUrl };
  // Content scripts run in http(s) and file pages and in the about:blank / srcdoc frames pages
  // write their articles into (matchAboutBlank), which report those URLs.
  if (tabId !== null && (/^(https?|file):/u.test(url) || url === 'about:blank' || url === 'about:srcdoc')) {
    return { ok: true, kind: 'content', tabId, frameId, topUrl };
  }
  return { ok: false, error: 'Messages are accepted only from the extension’s pages and its content scripts.' };
}
