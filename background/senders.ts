// Who sent a message. Only the extension's own code is listened to: its pages, and its content
// scripts (which arrive from a tab). Web pages cannot message the extension at all (there is no
// `externally_connectable`), other extensions arrive on onMessageExternal, which nothing listens
// to; this check refuses them again should either ever change.

import { normalizePageUrl } from '../lib/notes/url';
import type { SenderKind } from '../lib/protocol/messages';

/** The fields of runtime.MessageSender this module reads. */
export interface SenderInfo {
  id?: string;
  url?: string;
  /** `url` is the tab's top frame's address (Chrome gives it to content scripts; Firefox only with the "tabs" permission). */
  tab?: { id?: number; url?: string; incognito?: boolean };
  /** 0 for a tab's top frame. */
  frameId?: number;
  /** Chrome: "prerender" for a page loaded ahead that the reader has not seen (yet). */
  documentLifecycle?: string;
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
      /**
       * The normalized address of the sender's own document, as the browser reports it: for a top
       * frame its tab's current address (Chrome's sender.url stays the loaded one after a
       * pushState; the tab's follows it), for a frame its own. Null when there is none to key notes by.
       */
      pageUrl: string | null;
      /** Sent from a private (incognito) window's tab. */
      incognito: boolean;
      /** Sent from a prerendered page the reader has not seen. */
      prerendered: boolean;
    }
  | { ok: false; error: string };

/**
 * The note frame's page (entrypoints/note-frame/). Chrome serves it to the pages it is framed in
 * from a per-session origin (use_dynamic_url), so its sender's address is matched by path: only the
 * extension's own pages have an extension URL and this extension's id.
 */
const NOTE_FRAME = /^(?:chrome|moz)-extension:\/\/[^/]+\/note-frame\.html(?:[?#]|$)/u;

export function classifySender(sender: SenderInfo, self: Self): Sender {
  if (sender.id !== self.id) return { ok: false, error: 'Messages from web pages or other extensions are not accepted.' };
  const url = sender.url ?? '';
  const tabId = typeof sender.tab?.id === 'number' && sender.tab.id >= 0 ? sender.tab.id : null;
  const frameId = typeof sender.frameId === 'number' ? sender.frameId : null;
  // The browser's own account of the sender: no page can write it. A top frame is its own page.
  const topUrl = typeof sender.tab?.url === 'string' ? sender.tab.url : frameId === 0 && url !== '' ? url : null;
  const pageUrl = normalizePageUrl(frameId === 0 ? (topUrl ?? url) : url);
  const facts = { tabId, frameId, topUrl, pageUrl, incognito: sender.tab?.incognito === true, prerendered: sender.documentLifecycle === 'prerender' };
  if (NOTE_FRAME.test(url)) {
    // Only framed in a tab: the draft it asks for must have been opened from that tab.
    if (tabId === null) return { ok: false, error: 'The note frame works only inside a tab.' };
    return { ok: true, kind: 'note-frame', ...facts, pageUrl: null };
  }
  if (url.startsWith(`${self.origin}/`)) return { ok: true, kind: 'extension-page', ...facts };
  // Content scripts run in http(s) and file pages and in the about:blank / srcdoc frames pages
  // write their articles into (matchAboutBlank), which report those URLs.
  if (tabId !== null && (/^(https?|file):/u.test(url) || url === 'about:blank' || url === 'about:srcdoc')) {
    // A frame the browser does not place is treated as the least of them: a frame inside the page.
    return { ok: true, kind: frameId === 0 ? 'top-frame' : 'sub-frame', ...facts };
  }
  return { ok: false, error: 'Messages are accepted only from the extension’s pages and its content scripts.' };
}
