// The per-site switch: which host names the lens stays off on. Rules are host names; a rule
// covers its host and every subdomain, and `www.` is ignored on both sides.

import { MAX_DISABLED_SITES } from './types';
import type { Settings } from './types';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/u;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/u;

/** A page's host name as rules are compared with it: lowercase, no trailing dot, no `www.`. */
export function normalizeHostname(hostname: string): string {
  return hostname
    .trim()
    .toLowerCase()
    .replace(/\.$/u, '')
    .replace(/^www\./u, '');
}

const isIp = (host: string): boolean => IPV4.test(host) || host.startsWith('[');

/**
 * The rule a reader's input stands for: a host name from `example.com`, `www.Example.com.`,
 * `*.example.com`, `example.com:8080/path` or a full http(s) URL; null when it names no site.
 * Internationalized names come back in their ASCII (punycode) form, as browsers report them.
 */
export function normalizeSite(input: string): string | null {
  const text = input.trim().replace(/^\*\./u, '');
  if (text === '') return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//iu.test(text) ? text : `http://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = normalizeHostname(url.hostname);
  if (host === '' || host.length > 253) return null;
  if (isIp(host)) return host;
  return host.split('.').every((label) => LABEL.test(label)) ? host : null;
}

/** The rule that turns the lens off on this host, or null when it runs there. */
export function disabledRuleFor(settings: Pick<Settings, 'disabledSites'>, hostname: string): string | null {
  const host = normalizeHostname(hostname);
  if (host === '') return null;
  const subdomainsCount = !isIp(host);
  for (const rule of settings.disabledSites) {
    if (host === rule || (subdomainsCount && host.endsWith(`.${rule}`))) return rule;
  }
  return null;
}

/** Whether the reader turned the lens off on this host (given as `location.hostname`). */
export function isSiteDisabled(settings: Pick<Settings, 'disabledSites'>, hostname: string): boolean {
  return disabledRuleFor(settings, hostname) !== null;
}

/**
 * Whether the lens stays off in a frame of the page on `topHostname`: the page the reader sees
 * (its top frame) decides for all its frames, its about:blank ones and other sites' alike. Null
 * when the frame could not learn it: off then whenever any site is, as this page may be one.
 */
export function isPageOff(settings: Pick<Settings, 'disabledSites'>, topHostname: string | null): boolean {
  if (topHostname === null) return settings.disabledSites.length > 0;
  return isSiteDisabled(settings, topHostname);
}

/** The host name of an http(s) address; null for anything else (about:, file:, garbage). */
export function webHostname(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && hostname !== '' ? hostname : null;
  } catch {
    return null;
  }
}

const sorted = (sites: Iterable<string>): string[] => [...new Set(sites)].sort();

export type SiteEdit = { ok: true; settings: Settings } | { ok: false; error: string };

/** Adds a rule typed by the reader, or says why it cannot be added. */
export function addDisabledSite(settings: Settings, input: string): SiteEdit {
  const site = normalizeSite(input);
  if (!site) return { ok: false, error: `“${input.trim().slice(0, 80)}” is not a site. Enter a host name such as example.com.` };
  const covering = disabledRuleFor(settings, site);
  if (covering === site) return { ok: false, error: `${site} is already in the list.` };
  if (covering) return { ok: false, error: `${site} is already covered by ${covering}.` };
  if (settings.disabledSites.length >= MAX_DISABLED_SITES) {
    return { ok: false, error: `The list is full (${MAX_DISABLED_SITES} sites).` };
  }
  return { ok: true, settings: { ...settings, disabledSites: sorted([...settings.disabledSites, site]) } };
}

export function removeDisabledSite(settings: Settings, rule: string): Settings {
  return { ...settings, disabledSites: settings.disabledSites.filter((s) => s !== rule) };
}

/**
 * The popup's one-click switch for the current page's host. Turning the lens back on removes
 * every rule that covers the host (one for a parent domain included); turning it off adds the
 * host itself. Unchanged settings for a host that names no site.
 */
export function setSiteDisabled(settings: Settings, hostname: string, disabled: boolean): Settings {
  if (!disabled) {
    const host = normalizeHostname(hostname);
    const remaining = settings.disabledSites.filter((rule) => disabledRuleFor({ disabledSites: [rule] }, host) === null);
    return remaining.length === settings.disabledSites.length ? settings : { ...settings, disabledSites: remaining };
  }
  const added = addDisabledSite(settings, hostname);
  return added.ok ? added.settings : settings;
}
