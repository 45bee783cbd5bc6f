import { describe, expect, it } from 'vitest';
import { createRequestClient } from '../../../lib/protocol/client';
import { ACCESS, REQUEST_TYPES, validateRequest, validateResponse } from '../../../lib/protocol/messages';
import type { Request, RequestType } from '../../../lib/protocol/messages';
import { makeEncounter, makeNote } from '../notes/fixtures';
import { hostileMessages } from './hostile';
import { textContaining, textMatching } from '../support/matchers';

const selectors = {
  quote: { type: 'TextQuoteSelector', exact: '携手共命运', prefix: '我们要', suffix: '，一起向未来' },
  position: { type: 'TextPositionSelector', start: 3, end: 8 },
} as const;
const draft = {
  url: 'https://news.example.com/a?utm_source=x',
  title: 'Summit',
  ref: { kind: 'term', entryId: 'shared-future-mankind' },
  selectors,
  body: 'my note',
  tags: ['Xi'],
} as const;
const TOKEN = '0123456789abcdef0123456789abcdef';
const terms = [{ entryId: 'shared-future-mankind', count: 3 }];
const summary = { notes: { added: 1, changed: 0, unchanged: 0, keptLocal: 0 }, encounters: { added: 0, changed: 0, unchanged: 0 } };

/** One valid request of every type, and a valid response's data for it. */
const VALID: { [T in RequestType]: { request: Extract<Request, { type: T }>; data: unknown } } = {
  'notes/create': { request: { type: 'notes/create', draft: { ...draft, tags: [...draft.tags] } }, data: { note: makeNote() } },
  'notes/update': { request: { type: 'notes/update', id: 'abc-1', changes: { body: 'x' } }, data: { note: makeNote() } },
  'notes/delete': { request: { type: 'notes/delete', id: 'abc-1' }, data: { note: makeNote() } },
  'notes/restore': { request: { type: 'notes/restore', id: 'abc-1' }, data: { note: makeNote() } },
  'notes/list': { request: { type: 'notes/list', filter: { site: 'example.com', limit: 10 } }, data: { notes: [makeNote()] } },
  'notes/for-page': { request: { type: 'notes/for-page', url: 'https://example.com/a' }, data: { url: 'https://example.com/a', notes: [] } },
  'notes/count-for-page': { request: { type: 'notes/count-for-page', url: 'https://example.com/a' }, data: { count: 2 } },
  'notes/draft-open': {
    request: { type: 'notes/draft-open', context: { title: 'Summit', ref: null, selectors, quote: '携手共命运' } },
    data: { token: TOKEN },
  },
  'notes/draft-context': { request: { type: 'notes/draft-context', token: TOKEN }, data: { quote: null, title: 'Summit' } },
  'notes/draft-save': { request: { type: 'notes/draft-save', token: TOKEN, body: 'my note', tags: ['xi'] }, data: { note: makeNote() } },
  'notes/draft-event': { request: { type: 'notes/draft-event', draft: { token: TOKEN, event: 'resize', height: 240 } }, data: { sent: true } },
  'notes/search': { request: { type: 'notes/search', query: '命运', limit: 5 }, data: { notes: [] } },
  'encounters/record': { request: { type: 'encounters/record', url: 'https://example.com/a', title: 'A', terms }, data: { recorded: 1 } },
  'encounters/list': { request: { type: 'encounters/list', filter: { entryId: 'shared-future-mankind' } }, data: { encounters: [makeEncounter()] } },
  'encounters/clear': { request: { type: 'encounters/clear' }, data: { removed: 3 } },
  'backup/export': { request: { type: 'backup/export', format: 'markdown' }, data: { filename: 'a.md', mimeType: 'text/markdown', text: '# x' } },
  'backup/import-preview': { request: { type: 'backup/import-preview', text: '{}' }, data: { summary } },
  'backup/import-commit': { request: { type: 'backup/import-commit', text: '{}' }, data: { summary } },
  'page/terms': { request: { type: 'page/terms', url: 'https://example.com/a', terms }, data: { badge: '1' } },
  'page/terms-for-tab': { request: { type: 'page/terms-for-tab', tabId: 7 }, data: { url: null, terms: [] } },
  'source/open': { request: { type: 'source/open', url: 'chrome-extension://x/source.html' }, data: { opened: true } },
  'matcher/serialized': { request: { type: 'matcher/serialized' }, data: { key: '1:abc:2', gzipBase64: 'H4sI' } },
  'glossary/json': { request: { type: 'glossary/json' }, data: { json: '{}' } },
  'frame/top-site': { request: { type: 'frame/top-site' }, data: { hostname: 'news.example.com' } },
};

/** A value of the wrong type for whatever a field holds. */
const wrong = (value: unknown): unknown => (typeof value === 'string' ? 42 : typeof value === 'number' ? '42' : 'not an object');

describe('validateRequest', () => {
  it('knows every type it declares, and declares who may send each', () => {
    expect(new Set(REQUEST_TYPES)).toEqual(new Set(Object.keys(VALID)));
    // Every request is open to someone, and nothing a content script may do is closed to the extension's pages but the content-only helpers.
    for (const type of REQUEST_TYPES) expect(Object.values(ACCESS[type]).some((a) => a !== 'none')).toBe(true);
  });

  describe.each(REQUEST_TYPES)('%s', (type) => {
    const { request } = VALID[type];
    const fields = Object.keys(request).filter((k) => k !== 'type');

    it('accepts a valid request', () => {
      const r = validateRequest(structuredClone(request));
      expect(r).toMatchObject({ ok: true, value: { type } });
    });

    it('refuses an extra field', () => {
      expect(validateRequest({ ...request, sneaky: 1 })).toEqual({
        ok: false,
        error: `Invalid "${type}" request: unexpected field`,
      });
    });

    it.each(fields)('refuses a wrong type or (when required) a missing %s', (field) => {
      const bad: Record<string, unknown> = { ...request, [field]: wrong(request[field as keyof typeof request]) };
      const r = validateRequest(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toContain(`Invalid "${type}" request: ${field}`);
      const without = Object.fromEntries(Object.entries(request).filter(([key]) => key !== field));
      const m = validateRequest(without);
      const optional = ['filter', 'limit', 'includeEncounteredTerms'].includes(field);
      expect(m.ok).toBe(optional);
      if (!m.ok) expect(m.error).toBe(`Invalid "${type}" request: ${field}: missing`);
    });
  });

  it.each([
    [null, 'Invalid message: expected an object with a "type".'],
    ['notes/list', 'Invalid message: expected an object with a "type".'],
    [[{ type: 'notes/list' }], 'Invalid message: expected an object with a "type".'],
    [{}, 'Invalid message: missing "type".'],
    [{ type: 'notes/drop-all' }, 'Unknown message type.'],
    [{ type: 'constructor' }, 'Unknown message type.'],
    [{ type: '__proto__' }, 'Unknown message type.'],
  ])('refuses %j', (message, error) => {
    expect(validateRequest(message)).toEqual({ ok: false, error });
  });

  it.each([
    ['an oversized body', { ...draft, body: 'x'.repeat(10_001) }, 'draft.body: longer than 10000 characters (10001)'],
    [
      'an oversized quote',
      { ...draft, selectors: { ...selectors, quote: { ...selectors.quote, exact: 'x'.repeat(10_001) } } },
      'draft.selectors.quote.exact: longer than 10000 characters',
    ],
    ['an empty quote', { ...draft, selectors: { ...selectors, quote: { ...selectors.quote, exact: '' } } }, 'draft.selectors.quote.exact: must not be empty'],
    [
      'a reversed position',
      { ...draft, selectors: { ...selectors, position: { type: 'TextPositionSelector', start: 9, end: 3 } } },
      'draft.selectors.position: end is before start',
    ],
    [
      'a fractional offset',
      { ...draft, selectors: { ...selectors, position: { type: 'TextPositionSelector', start: 1.5, end: 3 } } },
      'draft.selectors.position.start: expected an integer, got a fractional number',
    ],
    ['a javascript: URL', { ...draft, url: 'javascript:alert(1)' }, 'draft.url: not a page URL'],
    ['an oversized URL', { ...draft, url: `https://example.com/${'a'.repeat(20_000)}` }, 'draft.url: longer than 16384 characters'],
    ['a bad entry id', { ...draft, ref: { kind: 'term', entryId: 'Not An Id' } }, 'draft.ref.entryId: not a glossary entry id'],
    ['an unknown ref kind', { ...draft, ref: { kind: 'page' } }, 'draft.ref.kind: expected "term" or "quote", got a string'],
    ['too many tags', { ...draft, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'draft.tags: more than 20 tags (21)'],
    ['a non-string tag', { ...draft, tags: [1] }, 'draft.tags[0]: expected a string, got a number'],
    ['a class instance', new Date(), 'draft: expected an object, got an object that is not plain data'],
  ])('refuses a note draft with %s, saying what is wrong', (_name, bad, error) => {
    const r = validateRequest({ type: 'notes/create', draft: bad });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(`Invalid "notes/create" request: ${error}`);
  });

  it('normalizes the draft URL and tags', () => {
    const r = validateRequest({ type: 'notes/create', draft: { ...draft, tags: ['#Xi', 'xi', ' Belt  Road '] } });
    expect(r.ok && r.value.type === 'notes/create' && r.value.draft).toMatchObject({ url: 'https://news.example.com/a', tags: ['xi', 'belt road'] });
  });

  it('refuses an update with no change, and duplicate entries in a page scan', () => {
    expect(validateRequest({ type: 'notes/update', id: 'a', changes: {} })).toMatchObject({ ok: false, error: textContaining('no change given') });
    expect(validateRequest({ type: 'page/terms', url: 'https://e.com/', terms: [...terms, ...terms] })).toMatchObject({
      ok: false,
      error: textContaining('entry "shared-future-mankind" is listed twice'),
    });
  });

  it('treats an optional field sent as undefined as absent (Firefox keeps undefined fields)', () => {
    expect(validateRequest({ type: 'notes/list', filter: undefined })).toEqual({ ok: true, value: { type: 'notes/list' } });
  });
});

describe('validateRequest with hostile values', () => {
  it.each(hostileMessages())('answers %s with a short error that does not echo it', (_name, message) => {
    let r: ReturnType<typeof validateRequest> | undefined;
    expect(() => {
      r = validateRequest(message);
    }).not.toThrow();
    expect(r?.ok).toBe(false);
    const error = r && !r.ok ? r.error : '';
    expect(error.length).toBeGreaterThan(0);
    expect(error.length).toBeLessThanOrEqual(200);
    expect(error).not.toMatch(/SECRET|xxxxxxxx|10n|self|e\+?300/u);
  });
});

describe('validateResponse', () => {
  it.each(REQUEST_TYPES)('accepts valid data for %s', (type) => {
    expect(validateResponse(type, { ok: true, data: structuredClone(VALID[type].data) })).toMatchObject({ ok: true });
  });

  it('passes error responses through and turns malformed ones into errors', () => {
    expect(validateResponse('notes/list', { ok: false, error: 'nope' })).toEqual({ ok: false, error: 'nope' });
    expect(validateResponse('notes/list', undefined)).toEqual({ ok: false, error: 'No valid response to "notes/list".' });
    expect(validateResponse('notes/list', { ok: true, data: { notes: [{ id: 1 }] } })).toMatchObject({
      ok: false,
      error: textMatching(/^Malformed response to "notes\/list": data\.notes\[0\]/u),
    });
    expect(validateResponse('notes/list', { ok: false })).toEqual({ ok: false, error: 'Malformed error response to "notes/list".' });
  });
});

describe('createRequestClient', () => {
  it('sends a valid request and returns the checked response', async () => {
    const sent: unknown[] = [];
    const send = createRequestClient(async (m) => {
      sent.push(m);
      return { ok: true, data: { notes: [makeNote({ id: 'n1' })] } };
    });
    const r = await send({ type: 'notes/list' });
    expect(sent).toEqual([{ type: 'notes/list' }]);
    expect(r.ok && r.data.notes[0]?.id).toBe('n1');
  });

  it('does not send an invalid request', async () => {
    let calls = 0;
    const send = createRequestClient(async () => {
      calls++;
      return undefined;
    });
    // A caller outside TypeScript's reach (or a bug) can still build a bad request.
    const bad: unknown = { type: 'notes/delete', id: 7 };
    const r = await send(bad as { type: 'notes/delete'; id: string });
    expect(r).toEqual({ ok: false, error: 'Invalid "notes/delete" request: id: expected a string, got a number' });
    expect(calls).toBe(0);
  });

  it('never throws when the background cannot be reached', async () => {
    const send = createRequestClient(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await expect(send({ type: 'notes/search', query: 'x' })).resolves.toEqual({
      ok: false,
      error: 'Tifa Lens could not reach its background: Could not establish connection. Receiving end does not exist.',
    });
  });
});
