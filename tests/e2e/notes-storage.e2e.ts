// The reader's notes in the built extension: saved through the background's messages, kept when
// the browser stops the service worker and when the browser restarts, out of reach of web pages,
// and safe from malformed messages.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchBrowser } from '../../scripts/support/browser';
import type { ExtensionBrowser } from '../../scripts/support/browser';
import { startServer } from '../../scripts/support/server';
import type { PageServer } from '../../scripts/support/server';
import { textMatching } from '../unit/support/matchers';

const ARTICLE = `<!doctype html><html lang="zh"><head><title>峰会报道</title></head>
<body><p>我们要携手共命运，一起向未来。推动构建人类命运共同体。</p></body></html>`;

interface Answer {
  ok: boolean;
  error?: string;
  data?: { note?: { id: string; body: string; url: string }; notes?: { id: string; body: string }[]; text?: string };
}

function draft(body: string) {
  return {
    url: 'https://news.example.com/world/summit?utm_source=newsletter#comments',
    title: '峰会报道',
    ref: { kind: 'term', entryId: 'shared-future-mankind' },
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: '人类命运共同体', prefix: '推动构建', suffix: '。' },
      position: { type: 'TextPositionSelector', start: 20, end: 27 },
    },
    body,
    tags: ['Xi'],
  };
}

/** Sends a message to the background from an extension page, as the popup does. */
function send(page: Page, message: unknown): Promise<Answer> {
  return page.evaluate(async (m) => {
    const api = (globalThis as { chrome?: { runtime: { sendMessage(m: unknown): Promise<Answer> } } }).chrome;
    if (!api) throw new Error('not an extension page');
    return api.runtime.sendMessage(m);
  }, message);
}

async function bodies(page: Page): Promise<string[]> {
  const r = await send(page, { type: 'notes/list' });
  expect(r.ok).toBe(true);
  return (r.data?.notes ?? []).map((n) => n.body).sort();
}

describe('the reader’s notes in the built extension', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let page: Page;
  /** Errors the background logged, in every worker it ran as (the popup's own are its tests' concern). */
  const workerErrors: string[] = [];

  function watchWorkers(b: ExtensionBrowser): void {
    const watch = (worker: Worker): void => {
      worker.on('console', (m) => {
        if (m.type() === 'error') workerErrors.push(m.text());
      });
    };
    watch(b.worker);
    b.context.on('serviceworker', watch);
  }

  beforeAll(async () => {
    server = await startServer({ '/article.html': { body: ARTICLE } });
    browser = await launchBrowser();
    watchWorkers(browser);
    page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('popup.html'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('saves a note from an extension page and lists it', async () => {
    const created = await send(page, { type: 'notes/create', draft: draft('first note, <img src=x onerror=alert(1)>') });
    expect(created.ok).toBe(true);
    expect(created.data?.note?.url).toBe('https://news.example.com/world/summit');
    expect(await bodies(page)).toEqual(['first note, <img src=x onerror=alert(1)>']);
    const forPage = await send(page, { type: 'notes/for-page', url: 'https://news.example.com/world/summit/' });
    expect(forPage.data?.notes?.map((n) => n.id)).toEqual([created.data?.note?.id]);

    // Extension pages share the worker's database (the popup reads it directly, e.g. with liveQuery).
    const direct = await page.evaluate(
      () =>
        new Promise<{ version: number; bodies: string[] }>((resolve, reject) => {
          const open = indexedDB.open('tifa-lens');
          open.onerror = () => reject(open.error ?? new Error('the database did not open'));
          open.onsuccess = () => {
            const db = open.result;
            const all = db.transaction('notes').objectStore('notes').getAll();
            all.onerror = () => reject(all.error ?? new Error('the notes were not read'));
            all.onsuccess = () => {
              db.close();
              resolve({ version: db.version, bodies: all.result.map((n: { body: string }) => n.body) });
            };
          };
        }),
    );
    // Dexie stores version n as IndexedDB version n × 10.
    expect(direct).toEqual({ version: 30, bodies: ['first note, <img src=x onerror=alert(1)>'] });
  });

  it('keeps saving after the browser stops the service worker', async () => {
    const cdp = await browser.context.newCDPSession(page);
    const statuses: string[] = [];
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        for (const v of versions) {
          if (v.scriptURL !== browser.extensionUrl('background.js')) continue;
          statuses.push(v.runningStatus);
          if (v.runningStatus === 'stopped') resolve();
        }
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;

    // The message wakes a new worker, with a new database connection.
    const created = await send(page, { type: 'notes/create', draft: draft('saved after the worker stopped') });
    expect(created).toMatchObject({ ok: true });
    expect(await bodies(page)).toEqual(['first note, <img src=x onerror=alert(1)>', 'saved after the worker stopped']);
    expect(statuses.slice(statuses.indexOf('stopped'))).toContain('running');
    await cdp.detach();
  });

  it('keeps the notes when the browser is closed and opened again', async () => {
    const { profileDir } = browser;
    await browser.close({ keepProfile: true });
    browser = await launchBrowser({ profileDir });
    watchWorkers(browser);
    page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('popup.html'));
    expect(await bodies(page)).toEqual(['first note, <img src=x onerror=alert(1)>', 'saved after the worker stopped']);
  });

  it('cannot be reached from a web page’s own scripts', async () => {
    const web = await browser.context.newPage();
    await web.goto(server.url('/article.html'));
    const attempt = await web.evaluate(
      async ({ id, message }) => {
        const api = (globalThis as { chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown> } } }).chrome;
        const sendMessage = api?.runtime?.sendMessage;
        if (typeof sendMessage !== 'function') return { reached: false, how: 'no chrome.runtime.sendMessage in the page' };
        try {
          const answer = await sendMessage.call(api?.runtime, id, message);
          return { reached: answer !== undefined, how: JSON.stringify(answer) };
        } catch (error) {
          return { reached: false, how: String(error) };
        }
      },
      { id: browser.extensionId, message: { type: 'notes/create', draft: draft('forged by the page') } },
    );
    // Chromium gives pages no chrome.runtime at all without `externally_connectable`.
    expect(attempt, attempt.how).toMatchObject({ reached: false });
    await web.close();
    expect(await bodies(page)).not.toContain('forged by the page');
  });

  it('answers a malformed message with a clear error and changes nothing', async () => {
    const before = await bodies(page);
    expect(await send(page, { type: 'notes/create', draft: { ...draft('x'), body: 42 } })).toEqual({
      ok: false,
      error: 'Invalid "notes/create" request: draft.body: expected a string, got a number',
    });
    expect(await send(page, { type: 'notes/drop-everything' })).toEqual({ ok: false, error: 'Unknown message type.' });
    expect(await send(page, { type: 'backup/import-commit', text: '{"format":"tifa-lens-backup","version":1,"notes":[{}]}' })).toMatchObject({
      ok: false,
      error: textMatching(/^The file is not a valid backup: /u),
    });
    expect(await bodies(page)).toEqual(before);
  });

  it('exports a backup that imports back without duplicates', async () => {
    const exported = await send(page, { type: 'backup/export', format: 'json' });
    expect(exported.ok).toBe(true);
    const text = exported.data?.text ?? '';
    const again = await send(page, { type: 'backup/import-commit', text });
    expect(again).toMatchObject({ ok: true, data: { summary: { notes: { added: 0, changed: 0, unchanged: 2 } } } });
    expect(await bodies(page)).toHaveLength(2);
  });

  it('logs no error in the background', () => {
    expect(workerErrors).toEqual([]);
  });
});
