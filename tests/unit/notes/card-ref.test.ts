import { describe, expect, it } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { cardNotes, noteMatchesRef, refOfCard } from '../../../lib/notes/card-ref';
import { noteIdFromHash } from '../../../lib/notes/fragment';
import type { Note } from '../../../lib/notes/types';

const { documents, entries } = glossary;
const entry = entries.find((e) => e.zh === '人类命运共同体');

function note(id: string, over: Partial<Note> = {}): Note {
  return {
    id,
    url: 'https://news.example.com/a',
    title: '峰会报道',
    site: 'news.example.com',
    ref: null,
    selectors: null,
    body: `body ${id}`,
    tags: [],
    createdAt: 1,
    updatedAt: 1,
    ...over,
  };
}

describe('what a note written from a card is about', () => {
  it('is the card’s glossary entry, or the quoted passage with its document’s id', () => {
    if (!entry) throw new Error('no entry');
    expect(refOfCard({ kind: 'term', entry, found: entry.zh }, documents)).toEqual({ kind: 'term', entryId: 'shared-future-mankind' });
    const quote = { kind: 'quote' as const, found: '…', source: { doc: 1, block: 3, start: 2, end: 9, occurrences: 1 } };
    expect(refOfCard(quote, documents)).toEqual({ kind: 'quote', doc: documents[1]?.id, block: 3, start: 2, end: 9 });
    expect(refOfCard({ ...quote, source: { ...quote.source, doc: 99 } }, documents)).toBeNull();
  });

  it('picks the notes about the same term or passage', () => {
    const term = { kind: 'term' as const, entryId: 'shared-future-mankind' };
    const passage = { kind: 'quote' as const, doc: 'speech', block: 3, start: 2, end: 9 };
    expect(noteMatchesRef(note('a', { ref: term }), term)).toBe(true);
    expect(noteMatchesRef(note('b', { ref: { kind: 'term', entryId: 'belt-and-road' } }), term)).toBe(false);
    expect(noteMatchesRef(note('c'), term)).toBe(false);
    expect(noteMatchesRef(note('d', { ref: passage }), passage)).toBe(true);
    expect(noteMatchesRef(note('e', { ref: { ...passage, end: 10 } }), passage)).toBe(false);
    expect(noteMatchesRef(note('f', { ref: passage }), term)).toBe(false);
  });

  it('lists notes from other pages with the page they were written on', () => {
    const here = 'https://news.example.com/a';
    expect(
      cardNotes(
        [
          note('a'),
          note('b', { url: 'https://other.example.org/x', title: '  ', site: 'other.example.org' }),
          note('c', { url: 'https://x.example/y', title: 'Elsewhere' }),
        ],
        here,
      ),
    ).toEqual([
      { id: 'a', body: 'body a' },
      { id: 'b', body: 'body b', where: 'other.example.org' },
      { id: 'c', body: 'body c', where: 'Elsewhere' },
    ]);
  });
});

describe('the note fragment', () => {
  it('names a note id, and nothing else', () => {
    expect(noteIdFromHash('#tifa-lens-note=3f2a-b_9')).toBe('3f2a-b_9');
    expect(noteIdFromHash('tifa-lens-note=abc')).toBe('abc');
    expect(noteIdFromHash('#tifa-lens-note=')).toBeNull();
    expect(noteIdFromHash('#tifa-lens-note=a"><img')).toBeNull();
    expect(noteIdFromHash('#section-2')).toBeNull();
    expect(noteIdFromHash(`#tifa-lens-note=${'a'.repeat(65)}`)).toBeNull();
  });
});
