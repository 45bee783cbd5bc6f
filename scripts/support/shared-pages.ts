// The real news pages of ../shared/pages (read-only) as the test server serves them: each with
// the charset a real site's HTTP header would declare, whatever its <meta> says.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { SHARED_PAGES } from './paths';
import type { ServedPage } from './server';

export interface SharedPage {
  /** The folder name, e.g. `hans-qq-tech`. */
  name: string;
  language: string;
  bytes: number;
  /** The charset of the HTTP header it is served with. */
  charset: string;
  notes: string;
  /** The path the test server serves it at. */
  path: string;
}

/**
 * Pages whose bytes are not what their <meta> says, or not UTF-8: `hans-qq-tech` was transcoded
 * to UTF-8 but still declares gb2312; `hans-xinhua-hebei-gbk` is GBK bytes.
 */
const CHARSETS: Record<string, string> = {
  'hans-qq-tech': 'utf-8',
  'hans-xinhua-hebei-gbk': 'gbk',
};

/** Every page listed in MANIFEST.tsv, in its order. */
export function sharedPages(): SharedPage[] {
  const lines = readFileSync(join(SHARED_PAGES, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const header = lines[0]!.split('\t');
  const column = (row: string[], name: string): string => row[header.indexOf(name)] ?? '';
  return lines.slice(1).map((line) => {
    const row = line.split('\t');
    const name = column(row, 'name');
    return {
      name,
      language: column(row, 'language'),
      bytes: Number(column(row, 'bytes')),
      charset: CHARSETS[name] ?? 'utf-8',
      notes: column(row, 'notes'),
      path: `/${name}/index.html`,
    };
  });
}

export function sharedPage(name: string): SharedPage {
  const page = sharedPages().find((p) => p.name === name);
  if (!page) throw new Error(`no shared page ${name}`);
  return page;
}

/** The page's bytes, as saved. */
export function sharedPageBytes(page: SharedPage): Buffer {
  return readFileSync(join(SHARED_PAGES, page.name, 'source.html'));
}

/** The routes that serve `pages` (bytes untouched, charset header set). */
export function sharedPageRoutes(pages: readonly SharedPage[]): Record<string, ServedPage> {
  return Object.fromEntries(pages.map((p) => [p.path, { body: sharedPageBytes(p), charset: p.charset }]));
}

/** A made-up https origin the shared pages are served at: some pages send plain-http visitors to their real https site. */
export const SHARED_ORIGIN = 'https://pages.tifa-lens.test';

/**
 * Serves `pages` at SHARED_ORIGIN + page.path in `context` (from memory, no network): routes
 * registered later take precedence over the browser's block-everything-else route.
 */
export async function routeSharedPages(context: BrowserContext, pages: readonly SharedPage[], extra: Record<string, ServedPage> = {}): Promise<void> {
  const table = new Map<string, ServedPage>(Object.entries({ ...sharedPageRoutes(pages), ...extra }));
  await context.route(`${SHARED_ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    const page = table.get(path);
    if (!page) {
      await route.fulfill({ status: 404, contentType: 'text/plain; charset=utf-8', body: 'not found' });
      return;
    }
    await route.fulfill({
      status: 200,
      headers: { 'content-type': `${page.contentType ?? 'text/html'}; charset=${page.charset ?? 'utf-8'}`, 'cache-control': 'no-store' },
      body: typeof page.body === 'string' ? Buffer.from(page.body, 'utf8') : page.body,
    });
  });
}

export function sharedPageUrl(page: SharedPage): string {
  return SHARED_ORIGIN + page.path;
}
