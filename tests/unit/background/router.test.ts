import { describe, expect, it, vi } from 'vitest';
import { createRouter } from '../../../background/router';
import type { SenderInfo } from '../../../background/senders';
import { TabTerms } from '../../../background/tab-terms';
import type { SessionArea } from '../../../background/tab-terms';
import type { DataFor, Request, Response } from '../../../lib/protocol/messages';
import { GLOSSARY, makeNote } from '../notes/fixtures';
import { hostileMessages } from '../protocol/hostile';
import { testContext } from './helpers';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const POPUP: SenderInfo = { id: ID, url: `${ORIGIN}/popup.html` };
const POPUP_TAB: SenderInfo = { id: ID, url: `${ORIGIN}/popup.html`, tab: { id: 3 } };
/** A content script in the top frame of a tab showing the news page, as Chrome describes it. */
const CONTENT: SenderInfo = { id: ID, url: 'https://news.example.com/a', tab: { id: 7, url: 'https://news.example.com/a' }, frameId: 0 };
const OTHER_EXTENSION: SenderInfo = { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/bg.js' };
const WEB_PAGE: SenderInfo = { url: 'https://evil.example.com/', tab: { id: 7 } };

const draft = {
  url: 'https://news.example.com/a?utm_source=x',
  title: 'Summit',
  ref: null,
  selectors: null,
  body: 'hello',
  tags: [],
};

/**
 * A reply as a test reads it: `data` without narrowing on `ok` first. On a refusal `data` is
 * absent, and the expect that reads it fails, as it should.
 */
interface Reply<D = unknown> {
  ok: boolean;
  error?: string;
  data: D;
}
/** Typed by the request's type when the message is a well-formed request; loosely otherwise. */
interface Send {
  <M extends Request>(message: M, sender?: SenderInfo): Promise<Reply<DataFor<M['type']>>>;
  (message: unknown, sender?: SenderInfo): Promise<Reply>;
}

/** What crosses the wire is JSON in Chrome: only plain data, never a live object. */
function overTheWire(message: unknown): unknown {
  return JSON.parse(JSON.stringify(message));
}

function wire(handle: (message: unknown, sender: SenderInfo) => Promise<Response>, defaultSender: SenderInfo = POPUP): Send {
  return async (message: unknown, sender = defaultSender) => overTheWire(await handle(overTheWire(message), sender)) as Reply;
}

function setup() {
  const ctx = testContext();
  const badges: [number, string][] = [];
  const stored = new Map<string, unknown>();
  const session: SessionArea = {
    get: (key) => Promise.resolve(key === null ? Object.fromEntries(stored) : stored.has(key) ? { [key]: stored.get(key) } : {}),
    set: (items) => {
      for (const [k, v] of Object.entries(items)) stored.set(k, structuredClone(v));
      return Promise.resolve();
    },
    remove: (key) => {
      stored.delete(key);
      return Promise.resolve();
    },
  };
  const badge = {
    show: (tabId: number, text: string) => {
      badges.push([tabId, text]);
      return Promise.resolve();
    },
  };
  const tabs = new TabTerms(badge, session);
  const log = vi.fn();
  const opened: [string, number | null][] = [];
  const openTab = (url: string, beside: number | null) => {
    opened.push([url, beside]);
    return Promise.resolve();
  };
  const matcher = { key: '1:abc:2', gzipBase64: 'H4sI' };
  const glossaryJson = '{"entries":[]}';
  const changes: [string[] | undefined, number | null][] = [];
  const notesChanged = (pages: string[] | undefined, fromTab: number | null) => void changes.push([pages, fromTab]);
  const router = createRouter({ ctx, self: { id: ID, origin: ORIGIN }, glossary: GLOSSARY, tabs, log, openTab, matcher, glossaryJson, notesChanged });
  const send = wire((message, sender) => router.handleMessage(message, sender));
  return { ctx, router, send, badges, session, stored, log, opened, changes };
}

describe('senders', () => {
  it.each([
    ['another extension', OTHER_EXTENSION],
    ['a web page (no extension id)', WEB_PAGE],
    ['a sender with our id but no tab and no extension URL', { id: ID, url: 'https://news.example.com/a' }],
    ['a look-alike origin', { id: ID, url: `${ORIGIN}.evil.com/popup.html` }],
    ['a data: frame', { id: ID, url: 'data:text/html,x', tab: { id: 7 } }],
  ])('refuses %s and changes nothing', async (_name, sender) => {
    const { send, ctx } = setup();
    const r = await send({ type: 'notes/create', draft }, sender);
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/not accepted|accepted only/u);
    expect(await ctx.db.notes.count()).toBe(0);
  });

  it('accepts the extension’s pages (popup, or a page in a tab) and its content scripts', async () => {
    const { send } = setup();
    for (const sender of [POPUP, POPUP_TAB, CONTENT]) {
      expect((await send({ type: 'notes/create', draft }, sender)).ok).toBe(true);
    }
  });

  it('keeps backup and import to the extension’s own pages', async () => {
    const { send } = setup();
    for (const type of ['backup/export', 'backup/import-preview', 'backup/import-commit', 'page/terms-for-tab'] as const) {
      const message = type === 'backup/export' ? { type, format: 'json' } : type === 'page/terms-for-tab' ? { type, tabId: 1 } : { type, text: '{}' };
      expect(await send(message, CONTENT)).toEqual({ ok: false, error: `"${type}" is not accepted from a content script.` });
    }
    expect(await send({ type: 'page/terms', url: 'https://e.com/', terms: [] }, POPUP)).toEqual({
      ok: false,
      error: '"page/terms" is not accepted from an extension page.',
    });
  });
});

describe('handleMessage', () => {
  it('answers every request type', async () => {
    const { send } = setup();
    const created = await send({ type: 'notes/create', draft: { ...draft, ref: { kind: 'term', entryId: 'shared-future-mankind' } } }, CONTENT);
    expect(created.ok).toBe(true);
    const id: string = created.data.note.id;
    const requests: Request[] = [
      { type: 'notes/update', id, changes: { body: 'edited', tags: ['Xi'] } },
      { type: 'notes/list', filter: { tag: 'xi' } },
      { type: 'notes/for-page', url: 'https://news.example.com/a#x' },
      { type: 'notes/search', query: 'EDITED' },
      { type: 'notes/delete', id },
      { type: 'notes/restore', id },
      { type: 'encounters/record', url: 'https://news.example.com/a', title: 'A', terms: [{ entryId: 'shared-future-mankind', count: 2 }] },
      { type: 'encounters/list', filter: { site: 'news.example.com' } },
      { type: 'backup/export', format: 'json' },
      { type: 'backup/export', format: 'markdown' },
      { type: 'backup/export', format: 'anki-csv', includeEncounteredTerms: true },
    ];
    for (const request of requests) {
      const r = await send(request, POPUP);
      expect({ type: request.type, ok: r.ok, error: r.error }).toEqual({ type: request.type, ok: true, error: undefined });
    }
    const list = await send({ type: 'notes/list', filter: { tag: 'xi' } });
    expect(list.data.notes).toHaveLength(1);
    expect(list.data.notes[0]).toMatchObject({ id, body: 'edited', tags: ['xi'], url: 'https://news.example.com/a' });

    const exported = await send({ type: 'backup/export', format: 'json' });
    expect((await send({ type: 'backup/import-preview', text: exported.data.text })).data.summary.notes).toEqual({
      added: 0,
      changed: 0,
      unchanged: 1,
      keptLocal: 0,
    });
    expect((await send({ type: 'backup/import-commit', text: exported.data.text })).ok).toBe(true);
  });

  it('tells the open pages whose notes a write changed, but not the tab that wrote, and not after a read or a refusal', async () => {
    const { send, changes } = setup();
    const page = 'https://news.example.com/a';
    const created = await send({ type: 'notes/create', draft }, CONTENT);
    const id: string = created.data.note.id;
    expect(changes).toEqual([[[page], 7]]);
    changes.length = 0;
    await send({ type: 'notes/update', id, changes: { body: 'edited' } });
    await send({ type: 'notes/delete', id });
    await send({ type: 'notes/restore', id });
    expect(changes).toEqual([
      [[page], null],
      [[page], null],
      [[page], null],
    ]);
    changes.length = 0;
    await send({ type: 'notes/list' });
    await send({ type: 'notes/for-page', url: page });
    await send({ type: 'notes/update', id, changes: { body: 42 } });
    await send({ type: 'notes/delete', id: 'no-such-note' });
    expect(changes).toEqual([]);
    // An import may touch any page.
    const exported = await send({ type: 'backup/export', format: 'json' });
    await send({ type: 'backup/import-commit', text: exported.data.text }, POPUP_TAB);
    expect(changes).toEqual([[undefined, 3]]);
  });

  it('answers a malformed or unknown message with a clear error and changes nothing', async () => {
    const { send, ctx, log } = setup();
    await send({ type: 'notes/create', draft });
    const before = await ctx.db.notes.toArray();
    const cases: [unknown, string][] = [
      [{ type: 'notes/create', draft: { ...draft, body: 42 } }, 'Invalid "notes/create" request: draft.body: expected a string, got a number'],
      [
        { type: 'notes/create', draft: { ...draft, body: 'x'.repeat(10_001) } },
        'Invalid "notes/create" request: draft.body: longer than 10000 characters (10001)',
      ],
      [{ type: 'notes/create', draft, extra: true }, 'Invalid "notes/create" request: unexpected field'],
      [{ type: 'notes/delete' }, 'Invalid "notes/delete" request: id: missing'],
      [{ type: 'notes/wipe' }, 'Unknown message type.'],
      ['hello', 'Invalid message: expected an object with a "type".'],
      [{ type: 'notes/delete', id: 'no-such-note' }, 'No note with id no-such-note.'],
      [{ type: 'backup/import-commit', text: '{"format":"tifa-lens-backup","version":1}' }, 'The file is not a valid backup: exportedAt: missing'],
    ];
    for (const [message, error] of cases) expect(await send(message)).toEqual({ ok: false, error });
    expect(await ctx.db.notes.toArray()).toEqual(before);
    // The reader's mistakes are answered, not logged as failures.
    expect(log).not.toHaveBeenCalled();
  });

  it('never rejects, even when a handler fails unexpectedly', async () => {
    const { router, ctx, log } = setup();
    vi.spyOn(ctx.db.notes, 'toCollection').mockImplementationOnce(() => {
      throw new Error('disk on fire');
    });
    await expect(router.handleMessage({ type: 'notes/list' }, POPUP)).resolves.toEqual({ ok: false, error: 'disk on fire' });
    expect(log).toHaveBeenCalledOnce();
  });

  it('answers every hostile message with a short error that does not echo it', async () => {
    const { router, log } = setup();
    for (const [name, message] of hostileMessages()) {
      const r = await router.handleMessage(message, CONTENT);
      expect(r.ok, name).toBe(false);
      const error = r.ok ? '' : r.error;
      expect(error.length, name).toBeGreaterThan(0);
      expect(error.length, name).toBeLessThanOrEqual(200);
      expect(error, name).not.toMatch(/SECRET|xxxxxxxx|10n|self|e\+?300/u);
    }
    expect(log).not.toHaveBeenCalled();
  });

  it('keeps a failing handler’s error short', async () => {
    const { router, ctx } = setup();
    vi.spyOn(ctx.db.notes, 'toCollection').mockImplementationOnce(() => {
      throw new Error(`disk on fire ${'x'.repeat(100_000)}`);
    });
    const r = await router.handleMessage({ type: 'notes/list' }, POPUP);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeLessThanOrEqual(200);
    if (!r.ok) expect(r.error).toMatch(/^disk on fire x+…$/u);
  });

  it('tells a frame the site of the page it is in, from what the browser says of its tab', async () => {
    const { send } = setup();
    const tab = { id: 7, url: 'https://news.example.com/a' };
    // The page's own about:srcdoc frame, and a frame from another site, both on the news page.
    for (const url of ['about:srcdoc', 'https://ads.example.net/slot']) {
      expect(await send({ type: 'frame/top-site' }, { id: ID, url, tab, frameId: 3 })).toEqual({ ok: true, data: { hostname: 'news.example.com' } });
    }
    // Without the tab's address (Firefox), a top frame is its own page; a frame gets no answer.
    expect(await send({ type: 'frame/top-site' }, { id: ID, url: 'https://news.example.com/a', tab: { id: 7 }, frameId: 0 })).toEqual({
      ok: true,
      data: { hostname: 'news.example.com' },
    });
    expect(await send({ type: 'frame/top-site' }, { id: ID, url: 'about:srcdoc', tab: { id: 7 }, frameId: 3 })).toEqual({ ok: true, data: { hostname: null } });
    // Nothing the sender writes names the site.
    expect((await send({ type: 'frame/top-site', hostname: 'evil.example' }, { id: ID, url: 'about:srcdoc', tab, frameId: 3 })).ok).toBe(false);
    expect((await send({ type: 'frame/top-site' }, POPUP)).ok).toBe(false);
  });

  it('reopens the database once when it was closed under it', async () => {
    const { send, ctx } = setup();
    await send({ type: 'notes/create', draft });
    ctx.db.close();
    const r = await send({ type: 'notes/list' });
    expect(r.ok).toBe(true);
    expect(r.data.notes).toHaveLength(1);
  });

  it('shows the count of a tab’s distinct terms on its badge and remembers them for the popup', async () => {
    const { send, badges } = setup();
    const terms = [
      { entryId: 'shared-future-mankind', count: 3 },
      { entryId: 'together-for-future', count: 1 },
    ];
    expect(await send({ type: 'page/terms', url: 'https://news.example.com/a', terms }, CONTENT)).toEqual({ ok: true, data: { badge: '2' } });
    expect(badges).toEqual([[7, '2']]);
    expect(await send({ type: 'page/terms-for-tab', tabId: 7 })).toEqual({ ok: true, data: { url: 'https://news.example.com/a', terms } });
    expect(await send({ type: 'page/terms-for-tab', tabId: 8 })).toEqual({ ok: true, data: { url: null, terms: [] } });
    await send({ type: 'page/terms', url: 'https://news.example.com/a', terms: [] }, CONTENT);
    expect(badges.at(-1)).toEqual([7, '']);
    expect(await send({ type: 'page/terms', url: 'https://ads.example.net/', terms }, { ...CONTENT, url: 'https://ads.example.net/', frameId: 4 })).toEqual({
      ok: false,
      error: '"page/terms" is not accepted from a content script in a frame.',
    });
    expect(badges).toHaveLength(2);
  });

  it('finds a tab’s terms after the worker restarted (session storage)', async () => {
    const first = setup();
    const terms = [{ entryId: 'shared-future-mankind', count: 3 }];
    await first.send({ type: 'page/terms', url: 'https://news.example.com/a', terms }, CONTENT);
    // A new TabTerms (a restarted worker) over the same session area.
    const restarted = new TabTerms(null, first.session);
    expect(await restarted.get(7)).toEqual({ url: 'https://news.example.com/a', terms });
    await restarted.forget(7);
    expect(await restarted.get(7)).toBeNull();
    expect(first.stored.size).toBe(0);
  });
});

describe('notes created through the router', () => {
  it('are stored as the background shaped them, whatever the sender claimed', async () => {
    const { send, ctx } = setup();
    const forged = { ...draft, id: 'chosen-id', createdAt: 1 };
    expect((await send({ type: 'notes/create', draft: forged }, CONTENT)).error).toBe('Invalid "notes/create" request: draft: unexpected field');
    const r = await send({ type: 'notes/create', draft }, CONTENT);
    expect(await ctx.db.notes.get(r.data.note.id)).toEqual({ ...makeNote(), ...r.data.note });
  });
});

describe('source/open', () => {
  it('opens the source viewer beside the tab that asked', async () => {
    const { send, opened } = setup();
    const url = `${ORIGIN}/source.html?doc=speech&block=14#speech-p11`;
    expect(await send({ type: 'source/open', url }, CONTENT)).toEqual({ ok: true, data: { opened: true } });
    expect(opened).toEqual([[url, 7]]);
  });

  it('opens nothing but the source viewer', async () => {
    const { send, opened } = setup();
    for (const url of ['https://evil.example.com/', `${ORIGIN}/popup.html`, `${ORIGIN}/source.html.evil`, 'javascript:alert(1)']) {
      expect(await send({ type: 'source/open', url }, CONTENT)).toEqual({
        ok: false,
        error: 'Only the Tifa Lens source viewer can be opened.',
      });
    }
    expect(opened).toEqual([]);
  });
});

describe('matcher/serialized and glossary/json', () => {
  it('hand a content script the serialized matcher and the glossary, and no one else', async () => {
    const { send } = setup();
    expect(await send({ type: 'matcher/serialized' }, CONTENT)).toEqual({ ok: true, data: { key: '1:abc:2', gzipBase64: 'H4sI' } });
    expect(await send({ type: 'glossary/json' }, CONTENT)).toEqual({ ok: true, data: { json: '{"entries":[]}' } });
    expect(await send({ type: 'glossary/json' }, POPUP)).toEqual({ ok: false, error: '"glossary/json" is not accepted from an extension page.' });
    // The content script of an about:blank or srcdoc frame (articles written into one) too.
    for (const url of ['about:blank', 'about:srcdoc']) {
      expect((await send({ type: 'glossary/json' }, { id: ID, url, tab: { id: 7 }, frameId: 3 })).ok).toBe(true);
    }
    expect(await send({ type: 'matcher/serialized' }, POPUP)).toEqual({
      ok: false,
      error: '"matcher/serialized" is not accepted from an extension page.',
    });
  });
});

describe('what a content script may ask (least privilege)', () => {
  const FRAME: SenderInfo = { id: ID, url: 'https://ads.example.net/slot', tab: { id: 7, url: 'https://news.example.com/a' }, frameId: 3 };
  const NOTE_FRAME: SenderInfo = { id: ID, url: `${ORIGIN}/note-frame.html`, tab: { id: 7, url: 'https://news.example.com/a' }, frameId: 5 };

  async function withNotes() {
    const s = setup();
    await s.send({ type: 'notes/create', draft });
    await s.send({ type: 'notes/create', draft: { ...draft, url: 'https://private.example.org/diary', body: 'secret' } });
    return s;
  }

  it.each([
    ['list every note', { type: 'notes/list' }],
    ['search the notes', { type: 'notes/search', query: 'secret' }],
    ['delete a note', { type: 'notes/delete', id: '00000000-0000-4000-8000-000000000002' }],
    ['edit a note', { type: 'notes/update', id: '00000000-0000-4000-8000-000000000002', changes: { body: 'x' } }],
    ['restore a note', { type: 'notes/restore', id: '00000000-0000-4000-8000-000000000002' }],
    ['export everything', { type: 'backup/export', format: 'json' }],
    ['read the reading history', { type: 'encounters/list' }],
    ['clear the reading history', { type: 'encounters/clear' }],
  ])('a page’s content script cannot %s', async (_what, message) => {
    const { send, ctx } = await withNotes();
    const before = await ctx.db.notes.toArray();
    for (const sender of [CONTENT, FRAME]) {
      const r = await send(message, sender);
      expect(r.ok).toBe(false);
      expect(r.error).toMatch(/^"[a-z/-]+" is not accepted from a content script/u);
      expect(r.error?.length).toBeLessThanOrEqual(200);
    }
    expect(await ctx.db.notes.toArray()).toEqual(before);
  });

  it('reads the notes of its own page, and of no other', async () => {
    const { send } = await withNotes();
    const own = await send({ type: 'notes/for-page', url: 'https://news.example.com/a?utm_source=mail' }, CONTENT);
    expect(own.ok).toBe(true);
    expect(own.data.notes.map((n: { body: string }) => n.body)).toEqual(['hello']);
    const other = await send({ type: 'notes/for-page', url: 'https://private.example.org/diary' }, CONTENT);
    expect(other).toEqual({ ok: false, error: '"notes/for-page" is accepted from a content script for its own page only.' });
    expect((await send({ type: 'notes/count-for-page', url: 'https://private.example.org/diary' }, CONTENT)).ok).toBe(false);
  });

  it('follows the page the tab shows after a pushState, not the address the document was loaded at', async () => {
    const { send } = await withNotes();
    const moved: SenderInfo = { ...CONTENT, url: 'https://news.example.com/front', tab: { id: 7, url: 'https://news.example.com/a' } };
    expect((await send({ type: 'notes/for-page', url: 'https://news.example.com/a' }, moved)).ok).toBe(true);
    expect((await send({ type: 'notes/for-page', url: 'https://news.example.com/front' }, moved)).ok).toBe(false);
  });

  it('lets a frame inside the page learn only how many notes its own address has', async () => {
    const { send } = await withNotes();
    const ad: SenderInfo = { ...FRAME, url: 'https://news.example.com/a' };
    expect(await send({ type: 'notes/count-for-page', url: 'https://news.example.com/a' }, ad)).toEqual({ ok: true, data: { count: 1 } });
    expect((await send({ type: 'notes/for-page', url: 'https://news.example.com/a' }, ad)).error).toBe(
      '"notes/for-page" is not accepted from a content script in a frame.',
    );
    expect((await send({ type: 'notes/count-for-page', url: 'https://news.example.com/a' }, FRAME)).ok).toBe(false);
    expect((await send({ type: 'notes/create', draft }, ad)).ok).toBe(false);
    expect(
      (await send({ type: 'encounters/record', url: 'https://news.example.com/a', title: 'A', terms: [{ entryId: 'shared-future-mankind', count: 1 }] }, ad))
        .ok,
    ).toBe(false);
  });

  it('writes a content script’s note on the page the browser says it is on, whatever the draft names', async () => {
    const { send, ctx } = setup();
    const r = await send({ type: 'notes/create', draft: { ...draft, url: 'https://private.example.org/diary' } }, CONTENT);
    expect(r.ok).toBe(true);
    expect((await ctx.db.notes.toArray()).map((n) => n.url)).toEqual(['https://news.example.com/a']);
  });

  it('records the terms met on its own page only', async () => {
    const { send, ctx } = setup();
    const terms = [{ entryId: 'shared-future-mankind', count: 1 }];
    expect((await send({ type: 'encounters/record', url: 'https://news.example.com/a', title: 'A', terms }, CONTENT)).ok).toBe(true);
    expect((await send({ type: 'encounters/record', url: 'https://other.example.com/', title: 'B', terms }, CONTENT)).ok).toBe(false);
    expect((await ctx.db.encounters.toArray()).map((e) => e.url)).toEqual(['https://news.example.com/a']);
  });

  it('lets the extension’s note frame inside a tab do nothing but its draft', async () => {
    const { send, ctx } = await withNotes();
    const before = await ctx.db.notes.toArray();
    for (const message of [
      { type: 'notes/list' },
      { type: 'notes/for-page', url: 'https://news.example.com/a' },
      { type: 'notes/create', draft },
      { type: 'notes/search', query: 'secret' },
      { type: 'backup/export', format: 'json' },
      { type: 'encounters/list' },
    ]) {
      const r = await send(message, NOTE_FRAME);
      expect(r).toEqual({ ok: false, error: `"${message.type}" is not accepted from the note frame.` });
    }
    expect(await ctx.db.notes.toArray()).toEqual(before);
  });

  it('tells of a change only the tabs that showed that page', async () => {
    // The router names the page; main.ts picks the tabs from their reports (TabTerms.tabsShowing).
    const tabs = new TabTerms();
    await tabs.report(7, 'https://news.example.com/a?utm_source=x', []);
    await tabs.report(8, 'https://private.example.org/diary', []);
    expect(await tabs.tabsShowing(['https://news.example.com/a'])).toEqual([{ tabId: 7, page: 'https://news.example.com/a' }]);
    expect((await tabs.tabsShowing(undefined)).map((t) => t.tabId)).toEqual([7, 8]);
  });
});

describe('private windows and pages loaded ahead', () => {
  const INCOGNITO: SenderInfo = { ...CONTENT, tab: { id: 9, url: 'https://news.example.com/a', incognito: true } };
  const terms = [{ entryId: 'shared-future-mankind', count: 1 }];

  function withPrefs(privateWindows: boolean, readingHistory = true) {
    const ctx = testContext();
    const router = createRouter({
      ctx,
      self: { id: ID, origin: ORIGIN },
      glossary: GLOSSARY,
      tabs: new TabTerms(),
      openTab: () => Promise.resolve(),
      matcher: { key: 'k', gzipBase64: 'H4sI' },
      glossaryJson: '{}',
      prefs: () => Promise.resolve({ privateWindows, readingHistory }),
    });
    const send = wire((message, sender) => router.handleMessage(message, sender));
    return { ctx, send };
  }

  it('stores nothing from a private window unless the reader allowed it', async () => {
    const off = withPrefs(false);
    const note = await off.send({ type: 'notes/create', draft }, INCOGNITO);
    expect(note).toEqual({ ok: false, error: 'Tifa Lens stores nothing from private windows (the options can allow it).' });
    expect((await off.send({ type: 'encounters/record', url: 'https://news.example.com/a', title: 'A', terms }, INCOGNITO)).ok).toBe(false);
    expect(await off.ctx.db.notes.count()).toBe(0);
    expect(await off.ctx.db.encounters.count()).toBe(0);
    // Reading what is stored is no storing.
    expect((await off.send({ type: 'notes/for-page', url: 'https://news.example.com/a' }, INCOGNITO)).ok).toBe(true);

    const on = withPrefs(true);
    expect((await on.send({ type: 'notes/create', draft }, INCOGNITO)).ok).toBe(true);
    expect((await on.send({ type: 'encounters/record', url: 'https://news.example.com/a', title: 'A', terms }, INCOGNITO)).ok).toBe(true);
  });

  it('records nothing for a prerendered page the reader has not seen', async () => {
    const { send, ctx } = withPrefs(false);
    const ahead: SenderInfo = { ...CONTENT, documentLifecycle: 'prerender' };
    expect((await send({ type: 'encounters/record', url: 'https://news.example.com/a', title: 'A', terms }, ahead)).ok).toBe(false);
    expect(await ctx.db.encounters.count()).toBe(0);
    expect(
      (await send({ type: 'encounters/record', url: 'https://news.example.com/a', title: 'A', terms }, { ...CONTENT, documentLifecycle: 'active' })).ok,
    ).toBe(true);
  });

  it('records nothing while the reading history is off, and only the glossary’s entries', async () => {
    const off = withPrefs(false, false);
    expect(await off.send({ type: 'encounters/record', url: 'https://news.example.com/a', title: 'A', terms }, CONTENT)).toEqual({
      ok: true,
      data: { recorded: 0 },
    });
    expect(await off.ctx.db.encounters.count()).toBe(0);
    const on = withPrefs(false, true);
    const forged = [{ entryId: 'made-up-by-the-page', count: 1 }];
    expect(await on.send({ type: 'encounters/record', url: 'https://news.example.com/a', title: 'A', terms: forged }, CONTENT)).toEqual({
      ok: false,
      error: 'Not a glossary entry: nothing was recorded.',
    });
    expect(await on.ctx.db.encounters.count()).toBe(0);
  });
});
