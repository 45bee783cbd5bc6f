import { describe, expect, it } from 'vitest';
import { noteIdFromHash, noteLink } from '../../../lib/notes/fragment';
import { filterNotes, newestFirst, noteFacets } from '../../../components/popup/note-query';
import { fold, matchesWords, queryWords } from '../../../components/popup/text-fold';
import { splitTags, validateEdit } from '../../../components/popup/NoteEditor';
import { encounterStats } from '../../../entrypoints/popup/live-data';
import { note, threeNotes } from './fixtures';
import { textContaining } from '../support/matchers';

describe('note links', () => {
  it('name the note in the fragment, and read it back', () => {
    const link = noteLink({ url: 'https://news.example.com/a?b=1', id: 'abc-123_X' });
    expect(link).toBe('https://news.example.com/a?b=1#tifa-lens-note=abc-123_X');
    expect(noteIdFromHash(new URL(link).hash)).toBe('abc-123_X');
    expect(noteIdFromHash('tifa-lens-note=abc')).toBe('abc');
  });

  it('leave a single-page app’s route alone', () => {
    expect(noteLink({ url: 'https://app.example.com/#!/story/9', id: 'n1' })).toBe('https://app.example.com/#!/story/9');
  });

  it.each(['', '#', '#other=1', '#tifa-lens-note=', '#tifa-lens-note=a b', '#tifa-lens-note=<x>', `#tifa-lens-note=${'a'.repeat(65)}`])(
    'read no note from %j',
    (hash) => {
      expect(noteIdFromHash(hash)).toBeNull();
    },
  );
});

describe('text folding', () => {
  it('ignores case, tone marks and extra spaces', () => {
    expect(fold('Yī  Dài YĪ lù')).toBe('yi dai yi lu');
    expect(fold('nǚ')).toBe('nu');
    expect(queryWords('  Belt   Road ')).toEqual(['belt', 'road']);
    expect(queryWords('   ')).toEqual([]);
    expect(matchesWords('yi dai yi lu', ['yidaiyilu'])).toBe(true);
    expect(matchesWords('yi dai yi lu', ['dai', 'lu'])).toBe(true);
    expect(matchesWords('yi dai yi lu', ['dai', 'road'])).toBe(false);
  });
});

describe('note queries', () => {
  it('sort newest first by creation, stable on ties', () => {
    const a = note({ id: 'a', createdAt: 5e11, updatedAt: 9e11 });
    const b = note({ id: 'b', createdAt: 6e11, updatedAt: 6e11 });
    const c = note({ id: 'c', createdAt: 6e11, updatedAt: 6e11 });
    expect(newestFirst([a, c, b]).map((n) => n.id)).toEqual(['b', 'c', 'a']);
  });

  it('offer the terms, sites and tags the notes have, counted', () => {
    const facets = noteFacets(threeNotes());
    expect(facets.tags).toEqual([
      { value: 'bri', count: 1 },
      { value: 'odd', count: 1 },
      { value: 'speech', count: 2 },
    ]);
    expect(facets.sites.map((s) => s.value)).toEqual(['economist.example', 'news.example.com']);
    expect(facets.terms.map((t) => t.value)).toEqual(['belt-and-road', 'shared-future-mankind']);
  });

  it('combine every filter', () => {
    const notes = threeNotes();
    const none = new Map();
    expect(filterNotes(notes, { text: 'speech', entryId: '', site: 'news.example.com', tag: '' }, none).map((n) => n.id)).toEqual(['community']);
  });
});

describe('note edits', () => {
  it('split tags on commas, Latin or Chinese', () => {
    expect(splitTags('a, b，c、d')).toEqual(['a', ' b', 'c', 'd']);
  });

  it('check body length and tags as the background does', () => {
    expect(validateEdit('x', '#A, a, b')).toEqual({ ok: true, edit: { body: 'x', tags: ['a', 'b'] } });
    expect(validateEdit('x'.repeat(10_001), '')).toMatchObject({ ok: false });
    expect(validateEdit('x', Array.from({ length: 21 }, (_, i) => `t${i}`).join(','))).toMatchObject({
      ok: false,
      error: textContaining('more than 20 tags'),
    });
  });
});

describe('encounter stats', () => {
  it('count pages and occurrences per entry', () => {
    const stats = encounterStats([
      { entryId: 'a', count: 3 },
      { entryId: 'b', count: 1 },
      { entryId: 'a', count: 2 },
    ]);
    expect(stats.get('a')).toEqual({ pages: 2, count: 5 });
    expect(stats.get('b')).toEqual({ pages: 1, count: 1 });
    expect(stats.has('c')).toBe(false);
  });
});
