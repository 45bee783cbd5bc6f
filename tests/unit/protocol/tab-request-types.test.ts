import { describe, expect, it } from 'vitest';
import { MAX_URL } from '../../../lib/notes/limits';
import { validateTabRequest } from '../../../lib/protocol/tab-messages';
import { MAX_CHANGED_PAGES, readTabRequestHead, TAB_REQUEST_TYPES } from '../../../lib/protocol/tab-request-types';

// What the loader reads of a tab message before the lens (and the full validators) are loaded.
describe('readTabRequestHead', () => {
  it('knows every tab message the protocol declares, and nothing else', () => {
    for (const type of TAB_REQUEST_TYPES) {
      expect(readTabRequestHead({ type })).toEqual({ type });
    }
    // Each name is one the full validator knows (with its required fields).
    expect(
      TAB_REQUEST_TYPES.filter(
        (type) =>
          validateTabRequest({ type, entryId: 'yidai-yilu' }).ok ||
          validateTabRequest({ type }).ok ||
          validateTabRequest({ type, draft: { token: '0123456789abcdef0123456789abcdef', event: 'saved' } }).ok,
      ),
    ).toEqual([...TAB_REQUEST_TYPES]);
    for (const message of [null, 'lens/summary', ['lens/summary'], {}, { type: 'lens/unknown' }, { type: 'notes/list' }, { type: 7 }]) {
      expect(readTabRequestHead(message)).toBeNull();
    }
  });

  it('reads the pages of lens/notes-changed, and refuses a list the validator would refuse', () => {
    const pages = ['https://news.example.com/a', 'https://news.example.com/b'];
    expect(readTabRequestHead({ type: 'lens/notes-changed', pages })).toEqual({ type: 'lens/notes-changed', pages });
    expect(readTabRequestHead({ type: 'lens/notes-changed' })).toEqual({ type: 'lens/notes-changed' });
    const refused = [
      'https://news.example.com/a',
      [42],
      [null],
      ['x'.repeat(MAX_URL + 1)],
      Array.from({ length: MAX_CHANGED_PAGES + 1 }, (_, i) => `https://news.example.com/${i}`),
    ];
    for (const bad of refused) {
      expect(readTabRequestHead({ type: 'lens/notes-changed', pages: bad })).toBeNull();
      expect(validateTabRequest({ type: 'lens/notes-changed', pages: bad }).ok).toBe(false);
    }
  });
});
