// The note frame's round trip through the background: the page's content script opens a draft on
// its own page, the frame (an extension page in the same tab) reads it and saves the reader's note,
// and the content script that framed it hears what became of it. Nothing the reader typed passes
// through the page.

import { describe, expect, it } from 'vitest';
import { createDraftStore, DRAFT_TTL_MS, MAX_DRAFTS } from '../../../background/note-drafts';
import { createRouter } from '../../../background/router';
import type { SenderInfo } from '../../../background/senders';
import { TabTerms } from '../../../background/tab-terms';
import type { SessionArea } from '../../../background/tab-terms';
import type { Note } from '../../../lib/notes/types';
import type { DraftContext } from '../../../lib/protocol/messages';
import type { TabRequestOf } from '../../../lib/protocol/tab-messages';
import { GLOSSARY } from '../notes/fixtures';
import { testContext } from './helpers';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const PAGE = 'https://news.example.com/a';
const CONTENT: SenderInfo = { id: ID, url: PAGE, tab: { id: 7, url: PAGE }, frameId: 0 };
const SUB_FRAME: SenderInfo = { id: ID, url: 'https://ads.example.net/slot', tab: { id: 7, url: PAGE }, frameId: 3 };
const FRAME: SenderInfo = { id: ID, url: `${ORIGIN}/note-frame.html#t`, tab: { id: 7, url: PAGE }, frameId: 5 };
/** Chrome serves a web-accessible page at a per-session origin (use_dynamic_url). */
const DYNAMIC_FRAME: SenderInfo = {
  id: ID,
  url: 'chrome-extension://5f0b4c2e-0000-4000-8000-1a2b3c4d5e6f/note-frame.html#t',
  tab: { id: 7, url: PAGE },
  frameId: 6,
};
const OTHER_TAB_FRAME: SenderInfo = { ...FRAME, tab: { id: 8, url: 'https://other.example.com/' } };
const POPUP: SenderInfo = { id: ID, url: `${ORIGIN}/popup.html` };

const context: DraftContext = {
  title: 'Summit',
  ref: { kind: 'term', entryId: 'shared-future-mankind' },
  selectors: {
    quote: { type: 'TextQuoteSelector', exact: '人类命运共同体', prefix: '推动构建', suffix: '，共创' },
    position: { type: 'TextPositionSelector', start: 10, end: 17 },
  },
  quote: '人类命运共同体',
};

/** A response as the tests read it. */
interface Answer {
  ok: boolean;
  error?: string;
  data?: { token?: string; note?: Note; sent?: boolean; quote?: string | null; title?: string };
}

function memorySession(): SessionArea & { stored: Map<string, unknown> } {
  const stored = new Map<string, unknown>();
  return {
    stored,
    get: (key) => Promise.resolve(key === null ? Object.fromEntries(stored) : stored.has(key) ? { [key]: structuredClone(stored.get(key)) } : {}),
    set: (items) => {
      for (const [k, v] of Object.entries(items)) stored.set(k, structuredClone(v));
      return Promise.resolve();
    },
    remove: (key) => {
      stored.delete(key);
      return Promise.resolve();
    },
  };
}

function setup(options: { incognito?: boolean; session?: SessionArea } = {}) {
  const ctx = testContext();
  const session = options.session ?? memorySession();
  const told: [number, number, TabRequestOf<'lens/draft-event'>][] = [];
  const changes: [string[] | undefined, number | null][] = [];
  let clock = 1_000_000;
  const drafts = createDraftStore(session, () => clock);
  const router = createRouter({
    ctx,
    self: { id: ID, origin: ORIGIN },
    glossary: GLOSSARY,
    tabs: new TabTerms(),
    openTab: () => Promise.resolve(),
    matcher: { key: 'k', gzipBase64: 'H4sI' },
    glossaryJson: '{}',
    drafts,
    notesChanged: (pages, fromTab) => void changes.push([pages, fromTab]),
    tellFrame: (tabId, frameId, message) => {
      told.push([tabId, frameId, message]);
      return Promise.resolve(true);
    },
    prefs: () => Promise.resolve({ privateWindows: !options.incognito, readingHistory: true }),
  });
  // What crosses the wire is JSON in Chrome: only plain data, never a live object.
  const send = async (message: unknown, sender: SenderInfo): Promise<Answer> =>
    JSON.parse(JSON.stringify(await router.handleMessage(JSON.parse(JSON.stringify(message)) as unknown, sender))) as Answer;
  const open = async (sender: SenderInfo = CONTENT): Promise<string> => {
    const r = await send({ type: 'notes/draft-open', context }, sender);
    expect(r.ok).toBe(true);
    return r.data?.token ?? '';
  };
  return { ctx, send, open, told, changes, session, advance: (ms: number) => void (clock += ms) };
}

describe('the note frame', () => {
  it('saves the note typed in the frame on the page that opened the draft, and tells that page', async () => {
    const { send, open, told, changes, ctx } = setup();
    const token = await open();
    expect(token).toMatch(/^[0-9a-f]{32}$/u);
    expect(await send({ type: 'notes/draft-context', token }, FRAME)).toEqual({ ok: true, data: { quote: '人类命运共同体', title: 'Summit' } });
    const saved = await send({ type: 'notes/draft-save', token, body: 'Typed where the page cannot hear', tags: ['Xi'] }, FRAME);
    expect(saved.ok).toBe(true);
    expect(saved.data?.note).toMatchObject({
      url: PAGE,
      title: 'Summit',
      body: 'Typed where the page cannot hear',
      tags: ['xi'],
      ref: context.ref,
      selectors: context.selectors,
    });
    expect(await ctx.db.notes.count()).toBe(1);
    // Other tabs showing the page follow; the content script in the framing tab's top frame hears
    // it from the frame, which says so once the reader's keys are up.
    expect(changes).toEqual([[[PAGE], 7]]);
    expect(told).toEqual([]);
    expect(await send({ type: 'notes/draft-event', draft: { token, event: 'saved' } }, FRAME)).toEqual({ ok: true, data: { sent: true } });
    expect(told).toEqual([[7, 0, { type: 'lens/draft-event', draft: { token, event: 'saved' } }]]);
  });

  it('says a note was saved only once it was', async () => {
    const { send, open, told } = setup();
    const token = await open();
    expect(await send({ type: 'notes/draft-event', draft: { token, event: 'saved' } }, FRAME)).toEqual({ ok: false, error: 'This note has not been saved.' });
    expect(told).toEqual([]);
  });

  it('saves once however often Save is pressed (a lost answer, a second click)', async () => {
    const { send, open, ctx } = setup();
    const token = await open();
    const first = await send({ type: 'notes/draft-save', token, body: 'Once', tags: [] }, FRAME);
    const again = await send({ type: 'notes/draft-save', token, body: 'Once', tags: [] }, FRAME);
    expect(again.data?.note?.id).toBe(first.data?.note?.id);
    expect(await ctx.db.notes.count()).toBe(1);
  });

  it('accepts the frame at Chrome’s per-session address too', async () => {
    const { send, open } = setup();
    const token = await open();
    expect((await send({ type: 'notes/draft-context', token }, DYNAMIC_FRAME)).ok).toBe(true);
  });

  it('keeps the note on the address the browser reported, not one the page could choose', async () => {
    const { send, open } = setup();
    const token = await open({ ...CONTENT, url: `${PAGE}?utm_source=x`, tab: { id: 7, url: `${PAGE}?utm_source=x` } });
    const saved = await send({ type: 'notes/draft-save', token, body: 'x', tags: [] }, FRAME);
    expect(saved.data?.note?.url).toBe(PAGE);
  });

  it('relays a cancel and the frame’s height to the content script that framed it', async () => {
    const { send, open, told } = setup();
    const token = await open();
    expect(await send({ type: 'notes/draft-event', draft: { token, event: 'resize', height: 312 } }, FRAME)).toEqual({ ok: true, data: { sent: true } });
    expect(await send({ type: 'notes/draft-event', draft: { token, event: 'cancel' } }, FRAME)).toEqual({ ok: true, data: { sent: true } });
    expect(told.map(([tab, frame, m]) => [tab, frame, m.draft])).toEqual([
      [7, 0, { token, event: 'resize', height: 312 }],
      [7, 0, { token, event: 'cancel' }],
    ]);
    // A cancelled draft is gone: nothing can be saved on it any more.
    expect((await send({ type: 'notes/draft-save', token, body: 'late', tags: [] }, FRAME)).ok).toBe(false);
    // A frame whose draft is gone is still closed when the reader cancels it (in its own tab only).
    expect(await send({ type: 'notes/draft-event', draft: { token, event: 'cancel' } }, OTHER_TAB_FRAME)).toEqual({ ok: true, data: { sent: true } });
    expect(told.at(-1)).toEqual([8, 0, { type: 'lens/draft-event', draft: { token, event: 'cancel' } }]);
  });

  it('gives a frame of another tab nothing of the draft, and saves nothing for it', async () => {
    const { send, open, ctx } = setup();
    const token = await open();
    const asked = await send({ type: 'notes/draft-context', token }, OTHER_TAB_FRAME);
    expect(asked).toEqual({ ok: false, error: 'This note was closed or has expired; open the note again.' });
    expect((await send({ type: 'notes/draft-save', token, body: 'x', tags: [] }, OTHER_TAB_FRAME)).ok).toBe(false);
    expect(await ctx.db.notes.count()).toBe(0);
  });

  it('takes drafts only from a page’s top frame, and draft reads and saves only from the frame', async () => {
    const { send, open } = setup();
    for (const sender of [SUB_FRAME, FRAME, POPUP]) expect((await send({ type: 'notes/draft-open', context }, sender)).ok).toBe(false);
    const token = await open();
    for (const sender of [CONTENT, SUB_FRAME, POPUP]) {
      expect((await send({ type: 'notes/draft-context', token }, sender)).ok).toBe(false);
      expect((await send({ type: 'notes/draft-save', token, body: 'x', tags: [] }, sender)).ok).toBe(false);
      expect((await send({ type: 'notes/draft-event', draft: { token, event: 'cancel' } }, sender)).ok).toBe(false);
    }
  });

  it('refuses a malformed token, body or height with a short error', async () => {
    const { send, open } = setup();
    const token = await open();
    for (const message of [
      { type: 'notes/draft-context', token: 'short' },
      { type: 'notes/draft-context', token: `${token}<script>` },
      { type: 'notes/draft-save', token, body: 'x'.repeat(100_001), tags: [] },
      { type: 'notes/draft-event', draft: { token, event: 'resize', height: -1 } },
      { type: 'notes/draft-event', draft: { token, event: 'navigate' } },
    ]) {
      const r = await send(message, FRAME);
      expect(r.ok).toBe(false);
      expect(r.error?.length).toBeLessThanOrEqual(200);
    }
  });

  it('stores nothing typed in a private window unless the reader allowed it', async () => {
    const { send, open, ctx } = setup({ incognito: true });
    const incognito = (s: SenderInfo): SenderInfo => ({ ...s, tab: { ...s.tab, incognito: true } });
    const token = await open(incognito(CONTENT));
    const r = await send({ type: 'notes/draft-save', token, body: 'x', tags: [] }, incognito(FRAME));
    expect(r).toEqual({ ok: false, error: 'Tifa Lens stores nothing from private windows (the options can allow it).' });
    expect(await ctx.db.notes.count()).toBe(0);
  });

  it('keeps a draft across a worker restart, and only a few, briefly', async () => {
    const session = memorySession();
    const first = setup({ session });
    const token = await first.open();
    // A new worker: a new store over the same session area.
    const second = setup({ session });
    expect((await second.send({ type: 'notes/draft-context', token }, FRAME)).ok).toBe(true);

    const store = createDraftStore(memorySession(), () => 0);
    const tokens: string[] = [];
    for (let i = 0; i < MAX_DRAFTS + 3; i++) tokens.push((await store.open(context, { tabId: 7, frameId: 0, url: PAGE })).token);
    expect(await store.get(tokens[0] ?? '', 7)).toBeNull();
    expect(await store.get(tokens.at(-1) ?? '', 7)).not.toBeNull();

    let now = 0;
    const expiring = createDraftStore(null, () => now);
    const old = await expiring.open(context, { tabId: 7, frameId: 0, url: PAGE });
    now = DRAFT_TTL_MS;
    expect(await expiring.get(old.token, 7)).toBeNull();
    const closed = await expiring.open(context, { tabId: 9, frameId: 0, url: PAGE });
    await expiring.forgetTab(9);
    expect(await expiring.get(closed.token, 9)).toBeNull();
  });
});
