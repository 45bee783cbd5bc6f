import { describe, expect, it } from 'vitest';
import { MAX_CHANGED_PAGES, validateTabRequest, validateTabResponse } from '../../../lib/protocol/tab-messages';

describe('lens/notes-changed', () => {
  it('names the pages whose notes changed, or none (any page)', () => {
    const some = { type: 'lens/notes-changed', pages: ['https://news.example.com/a'] };
    expect(validateTabRequest(some)).toEqual({ ok: true, value: some });
    expect(validateTabRequest({ type: 'lens/notes-changed' })).toEqual({ ok: true, value: { type: 'lens/notes-changed' } });
  });

  it('refuses what is not a list of page addresses, or too long a list', () => {
    expect(validateTabRequest({ type: 'lens/notes-changed', pages: 'https://news.example.com/a' }).ok).toBe(false);
    expect(validateTabRequest({ type: 'lens/notes-changed', pages: [42] }).ok).toBe(false);
    const many = Array.from({ length: MAX_CHANGED_PAGES + 1 }, (_, i) => `https://news.example.com/${i}`);
    expect(validateTabRequest({ type: 'lens/notes-changed', pages: many }).ok).toBe(false);
    expect(validateTabRequest({ type: 'lens/notes-changed', reload: true }).ok).toBe(false);
  });

  it('is answered with whether the page took its notes again', () => {
    expect(validateTabResponse('lens/notes-changed', { ok: true, data: { reloaded: false } })).toEqual({ ok: true, data: { reloaded: false } });
    expect(validateTabResponse('lens/notes-changed', { ok: true, data: {} }).ok).toBe(false);
  });
});
