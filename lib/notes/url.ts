// One page, one key: notes and encounters are stored under the page URL as this module
// normalizes it, so the same article reached through a newsletter link, a share button or a
// bookmark finds the same notes.

const PROTOCOLS = new Set(['http:', 'https:', 'file:', 'chrome-extension:', 'moz-extension:']);

/** Query parameters that track the click and never select the content. Compared lowercased. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'epik',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  'spm',
  'scm',
  'ref_src',
  'ref_url',
  '_hsenc',
  '_hsmi',
  '__hstc',
  '__hssc',
  '__hsfp',
  'hsctatracking',
  'mkt_tok',
  '_ga',
  '_gl',
  'vero_id',
  'vero_conv',
  'oly_anon_id',
  'oly_enc_id',
  'rb_clickid',
  's_cid',
  'wt.mc_id',
  'wt_mc',
  'xtor',
  'cmpid',
  'ocid',
  'ncid',
  'smid',
  'smtyp',
  'sr_share',
  'at_medium',
  'at_campaign',
  'pk_campaign',
  'pk_kwd',
  'pk_source',
  'pk_medium',
  'pk_content',
  'isappinstalled',
]);
const TRACKING_PREFIXES = ['utm_', 'mtm_', 'hsa_'];

function decodeKey(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/gu, ' ')).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

export function isTrackingParam(key: string): boolean {
  const k = decodeKey(key);
  return TRACKING_PARAMS.has(k) || TRACKING_PREFIXES.some((p) => k.startsWith(p));
}

const upperEscapes = (s: string): string => s.replace(/%[0-9a-f]{2}/giu, (e) => e.toUpperCase());

/**
 * The page URL as notes are keyed by, or null when it is not a page URL (javascript:, data:,
 * garbage). Lowercase host, no default port, no credentials, no fragment (but `#!` and `#/`
 * routes of single-page apps, which select the content), no tracking parameters, the remaining
 * parameters sorted by name (stable, values and their encoding untouched), uppercase percent
 * escapes, and no trailing slash on a path other than `/`. Idempotent.
 */
export function normalizePageUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (!PROTOCOLS.has(url.protocol)) return null;

  const params = url.search
    .slice(1)
    .split('&')
    .filter((part) => part !== '' && !isTrackingParam(part.split('=', 1)[0] ?? ''))
    .map((part) => ({ key: part.split('=', 1)[0] ?? '', part: upperEscapes(part) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((p) => p.part);

  let path = upperEscapes(url.pathname);
  if (url.protocol === 'http:' || url.protocol === 'https:') path = path.replace(/(.)\/+$/u, '$1');

  const hash = /^#[!/]/u.test(url.hash) ? url.hash : '';
  // URL has already lowercased the host, punycoded it and dropped a default port.
  const authority = url.protocol === 'file:' ? '' : url.host;
  return `${url.protocol}//${authority}${path}${params.length > 0 ? `?${params.join('&')}` : ''}${hash}`;
}

/**
 * Whether the popup may open `url` in a tab: http and https only. A note's address may come from
 * a backup file, and javascript:, data:, file: or browser pages are nothing to open from a click.
 */
export function isWebPageUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** The site a page belongs to, for grouping: its host name without `www.`. */
export function siteOf(url: string): string {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'file:') return 'file';
    return hostname.replace(/^www\./u, '');
  } catch {
    return '';
  }
}

/**
 * Whether a change of the notes of `pages` (their keys; undefined: any page) concerns the page
 * at `url`, or the page a note layer knows as `key` (a single-page app may have moved since).
 */
export function notesChangeConcerns(pages: readonly string[] | undefined, url: string, key: string | null = null): boolean {
  if (pages === undefined) return true;
  const own = normalizePageUrl(url);
  return (own !== null && pages.includes(own)) || (key !== null && pages.includes(key));
}
