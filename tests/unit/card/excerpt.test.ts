import { describe, expect, it } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { citationFor, excerptAt, occurrenceExcerpt } from '../../../lib/card/excerpt';

const { documents, entries } = glossary;

describe('occurrence excerpts', () => {
  it('splits the source sentence at every occurrence of the glossary', () => {
    for (const entry of entries) {
      for (const occ of entry.occurrences) {
        const ex = occurrenceExcerpt(documents, occ, entry.id);
        expect(ex).not.toBeNull();
        const block = documents[occ[0]]!.blocks[occ[1]]!;
        expect(ex!.match).toBe(block.text.slice(occ[2], occ[3]));
        expect(block.text).toContain(ex!.before + ex!.match + ex!.after);
        expect(ex!.location).toEqual({ doc: documents[occ[0]]!.id, block: occ[1], range: { start: occ[2], end: occ[3] }, term: entry.id });
      }
    }
  });

  it('cites paragraphs by number and other blocks by what they are', () => {
    const speech = documents[0]!;
    const p7 = speech.blocks.findIndex((b) => b.n === 7);
    expect(citationFor(speech, p7)?.text).toBe('《携手共命运 一起向未来》, paragraph 7');
    expect(citationFor(speech, 0)?.where).toBe('title');
    const feature = documents[1]!;
    const heading = feature.blocks.findIndex((b) => b.role === 'heading');
    expect(citationFor(feature, heading)?.where).toBe('heading');
  });

  it('gives null for a reference outside the documents', () => {
    expect(excerptAt(documents, 9, 0, 0, 1)).toBeNull();
    expect(excerptAt(documents, 0, 999, 0, 1)).toBeNull();
    expect(excerptAt(documents, 0, 4, 3, 3)).toBeNull();
    expect(excerptAt(documents, 0, 4, 0, 10_000)).toBeNull();
  });
});
