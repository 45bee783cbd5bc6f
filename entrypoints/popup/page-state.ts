// The tab the popup was opened over: its address and the terms its content script reported.

import { browser } from 'wxt/browser';
import type { TermCount } from '../../lib/notes/types';
import { normalizePageUrl } from '../../lib/notes/url';
import type { SendRequest } from '../../lib/protocol/client';

export interface TabReport {
  tabId: number | null;
  /** The page's http(s) address, or null for any other tab. */
  url: string | null;
  /** Null when the content script has not reported on this address. */
  terms: TermCount[] | null;
}

const isWebPage = (url: string | null | undefined): url is string => typeof url === 'string' && /^https?:\/\//iu.test(url);

/**
 * The tab to describe: the active tab of the popup's window, or the one named by `?tab=<id>` (the
 * popup opened as a page, e.g. by tests). The tab's own address needs the `activeTab` (or `tabs`)
 * permission; without it the content script's report supplies it.
 */
async function targetTab(search: string): Promise<{ id: number | null; url: string | undefined }> {
  const named = /^\d{1,10}$/u.exec(new URLSearchParams(search).get('tab') ?? '');
  if (named) {
    const id = Number(named[0]);
    const tab = await browser.tabs.get(id).catch(() => undefined);
    return { id: tab ? id : null, url: tab?.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id ?? null, url: tab?.url };
}

export async function loadTabReport(sendRequest: SendRequest, search: string): Promise<TabReport> {
  const tab = await targetTab(search).catch(() => ({ id: null, url: undefined }));
  if (tab.id === null) return { tabId: null, url: null, terms: null };
  const answer = await sendRequest({ type: 'page/terms-for-tab', tabId: tab.id });
  const reported = answer.ok ? answer.data : { url: null, terms: [] };
  const url = isWebPage(tab.url) ? tab.url : isWebPage(reported.url) ? reported.url : null;
  // A report of another address is stale: the tab navigated since.
  const current = url !== null && reported.url !== null && normalizePageUrl(url) === normalizePageUrl(reported.url);
  return { tabId: tab.id, url, terms: current ? reported.terms : null };
}

export function sameReport(a: TabReport, b: TabReport): boolean {
  return a.tabId === b.tabId && a.url === b.url && JSON.stringify(a.terms) === JSON.stringify(b.terms);
}
