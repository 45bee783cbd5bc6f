// The terms each tab's content script last reported, for the toolbar badge and for the popup.
// Kept in memory; the service worker may be stopped, so a store that outlives it (the session
// storage area) is used as well when the browser provides it.

import { MAX_TERMS_PER_PAGE, MAX_URL } from '../lib/notes/limits';
import { termCount } from '../lib/notes/schema';
import type { TermCount } from '../lib/notes/types';
import { normalizePageUrl } from '../lib/notes/url';
import { arr, obj, str } from '../lib/protocol/guards';

export interface TabReport {
  url: string;
  terms: TermCount[];
}

/** A key-value area such as `browser.storage.session`. */
export interface SessionArea {
  /** One key's item; every item with `null`. */
  get(key: string | null): Promise<Record<string, unknown>>;
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

const PREFIX = 'tab-terms:';
const keyOf = (tabId: number): string => `${PREFIX}${tabId}`;

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

  /**
   * The tabs whose top frame last reported one of `pages` (normalized page URLs; undefined: any
   * page): the only ones a change of those pages' notes is told to. The reports come from each
   * tab's own content script, checked against the browser's account of the sender; the tabs'
   * addresses themselves need the "tabs" permission, which the extension does without.
   */
  async tabsShowing(pages: readonly string[] | undefined): Promise<{ tabId: number; page: string }[]> {
    const found = new Map<number, string>();
    if (this.session) {
      const items = await this.session.get(null).catch((): Record<string, unknown> => ({}));
      for (const [key, value] of Object.entries(items)) {
        const tabId = key.startsWith(PREFIX) ? Number(key.slice(PREFIX.length)) : NaN;
        const stored = reportCheck(value, 'stored');
        if (Number.isSafeInteger(tabId) && stored.ok) found.set(tabId, stored.value.url);
      }
    }
    for (const [tabId, report] of this.reports) found.set(tabId, report.url);
    const out: { tabId: number; page: string }[] = [];
    for (const [tabId, url] of found) {
      const page = normalizePageUrl(url);
      if (page !== null && (pages === undefined || pages.includes(page))) out.push({ tabId, page });
    }
    return out.sort((a, b) => a.tabId - b.tabId);
  }

  async forget(tabId: number): Promise<void> {
    this.reports.delete(tabId);
    await this.session?.remove(keyOf(tabId));
  }
}
