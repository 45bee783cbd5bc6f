import { describe, expect, it } from 'vitest';
import { isTrackingParam, normalizePageUrl, notesChangeConcerns, siteOf } from '../../../lib/notes/url';

describe('normalizePageUrl', () => {
  const cases: [string, string | null][] = [
    // fragment, trailing slash, host case, default port
    ['https://Example.COM:443/News/Article/#comments', 'https://example.com/News/Article'],
    ['http://example.com:80/a', 'http://example.com/a'],
    ['https://example.com:8443/a', 'https://example.com:8443/a'],
    ['https://example.com', 'https://example.com/'],
    ['https://example.com/', 'https://example.com/'],
    ['https://example.com/a//', 'https://example.com/a'],
    ['  https://example.com/a  ', 'https://example.com/a'],
    // tracking parameters go, the others are sorted (values untouched)
    ['https://example.com/a?utm_source=x&utm_medium=y&id=3', 'https://example.com/a?id=3'],
    ['https://example.com/a?UTM_Campaign=x&b=2&a=1', 'https://example.com/a?a=1&b=2'],
    ['https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&igshid=5&spm=6&ref_src=7', 'https://example.com/a'],
    ['https://example.com/a?msclkid=1&_hsenc=2&mkt_tok=3&yclid=4&p=1', 'https://example.com/a?p=1'],
    ['https://example.com/a?b=2&a=1&a=0', 'https://example.com/a?a=1&a=0&b=2'],
    ['https://example.com/a?q=hello+world&x=%e4%b8%ad', 'https://example.com/a?q=hello+world&x=%E4%B8%AD'],
    ['https://example.com/a?', 'https://example.com/a'],
    ['https://example.com/a?&&x=1&', 'https://example.com/a?x=1'],
    ['https://example.com/a?flag', 'https://example.com/a?flag'],
    // a parameter that merely starts like one is kept
    ['https://example.com/a?spmx=1&refsrc=2', 'https://example.com/a?refsrc=2&spmx=1'],
    // credentials never become part of the key
    ['https://user:secret@example.com/a', 'https://example.com/a'],
    // internationalized host and path
    ['https://例子.中国/新闻/', 'https://xn--fsqu00a.xn--fiqs8s/%E6%96%B0%E9%97%BB'],
    ['https://www.news.cn/world/2022-01/25/c_1128299999.htm', 'https://www.news.cn/world/2022-01/25/c_1128299999.htm'],
    // single-page-app routes in the fragment select the content and are kept
    ['https://example.com/#!/story/12', 'https://example.com/#!/story/12'],
    ['https://example.com/app#/story/12?utm_source=x', 'https://example.com/app#/story/12?utm_source=x'],
    ['https://example.com/app#top', 'https://example.com/app'],
    // other page schemes
    ['file:///home/reader/page.html#x', 'file:///home/reader/page.html'],
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/source.html#p3', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/source.html'],
    // not page URLs
    ['javascript:alert(1)', null],
    ['data:text/html,<p>x</p>', null],
    ['about:blank', null],
    ['not a url', null],
    ['', null],
  ];

  it.each(cases)('%s → %s', (input, expected) => {
    expect(normalizePageUrl(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const [input] of cases) {
      const once = normalizePageUrl(input);
      if (once !== null) expect(normalizePageUrl(once)).toBe(once);
    }
  });

  it('gives the same key to the same article reached through a share link', () => {
    const a = normalizePageUrl('https://www.example.com/world/article.html?id=7');
    const b = normalizePageUrl('https://WWW.example.com/world/article.html/?utm_source=twitter&id=7&fbclid=abc#comments');
    expect(a).toBe(b);
  });
});

describe('isTrackingParam', () => {
  it('recognizes encoded and mixed-case names', () => {
    expect(isTrackingParam('utm%5Fsource')).toBe(true);
    expect(isTrackingParam('FBCLID')).toBe(true);
    expect(isTrackingParam('id')).toBe(false);
  });
});

describe('siteOf', () => {
  it.each([
    ['https://www.example.com/a', 'example.com'],
    ['https://news.example.com/a', 'news.example.com'],
    ['https://wwwexample.com/a', 'wwwexample.com'],
    ['file:///tmp/a.html', 'file'],
    ['garbage', ''],
  ])('%s → %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });
});

describe('notesChangeConcerns', () => {
  const page = 'https://news.example.com/a';
  it('concerns the page a change names, by its key, whatever the tracking in its address', () => {
    expect(notesChangeConcerns([page], 'https://news.example.com/a?utm_source=x#top')).toBe(true);
    expect(notesChangeConcerns(['https://news.example.com/b'], page)).toBe(false);
    expect(notesChangeConcerns([], page)).toBe(false);
  });

  it('concerns every page when it names none, and the page a notes layer knows by its key', () => {
    expect(notesChangeConcerns(undefined, 'about:blank')).toBe(true);
    expect(notesChangeConcerns([page], 'https://news.example.com/moved-by-the-app', page)).toBe(true);
    expect(notesChangeConcerns([page], 'not a url')).toBe(false);
  });
});
