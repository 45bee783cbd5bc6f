// The terms each tab's content script last reported, for the toolbar badge and for the popup.
// Kept in memory; the service worker may be stopped, so a store that outlives it (the session
// storage area) is used as well when the browser provides it.

import { MAX_TERMS_PER_PAGE, MAX_URL } from '../lib/notes/limits';
import { termCount } from '../lib/notes/schema';
import type { TermCount } from '../lib/notes/types';
import { arr, obj, str } from '../lib/protocol/guards';

export interface TabReport {
  url: string;
  terms: TermCount[];
}

/** A key-value area such as `browser.storage.session`. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface BadgeSink {
  show(tabId: number, text: string): Promise<void>;
}

/** Distinct terms, as the badge shows them: nothing for none, at most four characters. */
export function badgeText(terms: readonly TermCount[]): string {
  const n = terms.length;
  if (n === 0) return '';
  return n > 999 ? '999+' : String(n);
}

const keyOf = (tabId: number): string => `tab-terms:${tabId}`;

const reportCheck = obj({ url: str({ max: MAX_URL }), terms: arr(termCount, { max: MAX_TERMS_PER_PAGE }) });

export class TabTerms {
  private readonly reports = new Map<number, TabReport>();

  constructor(
    private readonly badge: BadgeSink | null = null,
    private readonly session: SessionArea | null = null,
  ) {}

  async report(tabId: number, url: string, terms: TermCount[]): Promise<string> {
    const text = badgeText(terms);
    this.reports.set(tabId, { url, terms });
    await Promise.all([this.badge?.show(tabId, text), this.session?.set({ [keyOf(tabId)]: { url, terms } })]);
    return text;
  }

  async get(tabId: number): Promise<TabReport | null> {
    const held = this.reports.get(tabId);
    if (held) return held;
    if (!this.session) return null;
    const stored = reportCheck((await this.session.get(keyOf(tabId)))[keyOf(tabId)], 'stored');
    return stored.ok ? stored.value : null;
  }

  async forget(tabId: number): Promise<void> {
    this.reports.delete(tabId);
    await this.session?.remove(keyOf(tabId));
  }
}
