import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../lib/settings/defaults';
import {
  addDisabledSite,
  disabledRuleFor,
  isPageOff,
  isSiteDisabled,
  normalizeHostname,
  normalizeSite,
  removeDisabledSite,
  setSiteDisabled,
  webHostname,
} from '../../../lib/settings/sites';
import { textContaining } from '../support/matchers';

const withSites = (...disabledSites: string[]) => ({ ...defaultSettings(), disabledSites });

describe('normalizeSite', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM  ', 'example.com'],
    ['www.example.com', 'example.com'],
    ['example.com.', 'example.com'],
    ['*.example.com', 'example.com'],
    ['example.com:8080/some/path?q=1', 'example.com'],
    ['https://news.example.com/world/summit#x', 'news.example.com'],
    ['http://127.0.0.1:4173/page', '127.0.0.1'],
    ['localhost', 'localhost'],
    ['例子.中国', 'xn--fsqu00a.xn--fiqs8s'],
  ])('%s → %s', (input, site) => {
    expect(normalizeSite(input)).toBe(site);
  });

  it.each(['', '   ', 'not a site', 'javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.com', 'exa_mple.com', '-bad-.com', 'http://'])(
    'refuses %j',
    (input) => {
      expect(normalizeSite(input)).toBeNull();
    },
  );
});

describe('isSiteDisabled', () => {
  const settings = withSites('example.com', '127.0.0.1');

  it('covers the site, its www. form and its subdomains, whatever the case', () => {
    for (const host of ['example.com', 'www.example.com', 'news.example.com', 'a.b.example.com', 'EXAMPLE.com', 'example.com.']) {
      expect(isSiteDisabled(settings, host), host).toBe(true);
    }
    expect(disabledRuleFor(settings, 'news.example.com')).toBe('example.com');
  });

  it('does not cover other sites that merely end alike', () => {
    for (const host of ['badexample.com', 'example.com.evil.net', 'example.org', '', 'com']) {
      expect(isSiteDisabled(settings, host), host).toBe(false);
    }
  });

  it('matches IP addresses exactly', () => {
    expect(isSiteDisabled(settings, '127.0.0.1')).toBe(true);
    expect(isSiteDisabled(withSites('0.0.1'), '127.0.0.1')).toBe(false);
  });

  it('compares host names as pages report them', () => {
    expect(normalizeHostname('WWW.Example.com.')).toBe('example.com');
  });
});

describe('isPageOff (a frame of the page the reader sees)', () => {
  it('follows the page’s site, not the frame’s', () => {
    expect(isPageOff(withSites('example.com'), 'news.example.com')).toBe(true);
    expect(isPageOff(withSites('ads.example.net'), 'news.example.com')).toBe(false);
  });

  it('stays off when the page’s site is unknown and any site is off, since it may be that one', () => {
    expect(isPageOff(withSites('example.com'), null)).toBe(true);
    expect(isPageOff(withSites(), null)).toBe(false);
  });
});

describe('webHostname', () => {
  it.each([
    ['https://news.example.com/a?b#c', 'news.example.com'],
    ['http://127.0.0.1:4173/', '127.0.0.1'],
    ['about:blank', null],
    ['about:srcdoc', null],
    ['file:///home/a.html', null],
    ['chrome://newtab/', null],
    ['not a url', null],
  ])('%s → %s', (url, host) => {
    expect(webHostname(url)).toBe(host);
  });
});

describe('editing the list of sites', () => {
  it('adds a typed site, normalized, in alphabetical order', () => {
    const r = addDisabledSite(withSites('zeta.org'), 'https://www.Alpha.com/x');
    expect(r).toEqual({ ok: true, settings: withSites('alpha.com', 'zeta.org') });
  });

  it('says why a site cannot be added', () => {
    const settings = withSites('example.com');
    expect(addDisabledSite(settings, 'no such thing')).toMatchObject({ ok: false, error: textContaining('not a site') });
    expect(addDisabledSite(settings, 'www.example.com')).toEqual({ ok: false, error: 'example.com is already in the list.' });
    expect(addDisabledSite(settings, 'news.example.com')).toEqual({ ok: false, error: 'news.example.com is already covered by example.com.' });
  });

  it('removes a rule', () => {
    expect(removeDisabledSite(withSites('a.com', 'b.com'), 'a.com').disabledSites).toEqual(['b.com']);
  });

  it('switches a host off and back on (the popup’s one-click toggle)', () => {
    const off = setSiteDisabled(defaultSettings(), 'news.example.com', true);
    expect(off.disabledSites).toEqual(['news.example.com']);
    expect(isSiteDisabled(off, 'news.example.com')).toBe(true);
    expect(isSiteDisabled(off, 'sport.example.com')).toBe(false);
    expect(setSiteDisabled(off, 'news.example.com', true)).toBe(off);
    expect(setSiteDisabled(off, 'news.example.com', false).disabledSites).toEqual([]);
  });

  it('turning a host back on removes every rule covering it, a parent domain’s included', () => {
    const settings = withSites('example.com', 'news.example.com', 'other.org');
    const on = setSiteDisabled(settings, 'www.news.example.com', false);
    expect(on.disabledSites).toEqual(['other.org']);
    expect(isSiteDisabled(on, 'news.example.com')).toBe(false);
  });

  it('leaves the settings alone for a host that names no site', () => {
    const settings = defaultSettings();
    expect(setSiteDisabled(settings, '', true)).toBe(settings);
    expect(setSiteDisabled(settings, 'a.com', false)).toBe(settings);
  });
});
