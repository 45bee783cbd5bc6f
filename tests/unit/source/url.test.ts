import { describe, expect, it } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { blockAnchor, paragraphAnchor } from '../../../lib/source/anchors';
import { parseSourceLocation, sourceQuery, sourceUrl } from '../../../lib/source/url';
import type { SourceLocation } from '../../../lib/source/url';

const { documents } = glossary;
const speech = documents[0]!;
const paragraph7 = speech.blocks.findIndex((b) => b.role === 'paragraph' && b.n === 7);
const split = (url: string): [string, string] => {
  const u = new URL(url);
  return [u.search, u.hash];
};

describe('source viewer URLs', () => {
  it('names a paragraph by document and block, the occurrence by offsets, and scrolls by the paragraph anchor', () => {
    const loc: SourceLocation = { doc: 'speech', block: paragraph7, range: { start: 3, end: 9 }, term: 'belt-and-road' };
    expect(sourceQuery(documents, loc)).toBe(`?doc=speech&block=${paragraph7}&start=3&end=9&term=belt-and-road#speech-p7`);
    expect(paragraphAnchor('speech', 7)).toBe('speech-p7');
  });

  it('round-trips every occurrence of the glossary', () => {
    for (const entry of glossary.entries) {
      for (const [d, block, start, end] of entry.occurrences) {
        const loc: SourceLocation = { doc: documents[d]!.id, block, range: { start, end }, term: entry.id };
        const [search, hash] = split(sourceUrl('chrome-extension://abc/source.html', documents, loc));
        expect(parseSourceLocation(search, hash, documents)).toEqual(loc);
      }
    }
  });

  it('replaces an old query and fragment of the page URL', () => {
    expect(sourceUrl('chrome-extension://abc/source.html?x=1#y', documents, { doc: 'report', block: 0 })).toBe(
      'chrome-extension://abc/source.html?doc=report&block=0#report-b0',
    );
  });

  it('gives anchors to unnumbered blocks', () => {
    expect(blockAnchor('speech', 0, { role: 'title', n: 0 })).toBe('speech-b0');
    expect(blockAnchor('feature', 7, { role: 'paragraph', n: 5 })).toBe('feature-p5');
  });

  it('reads a bare paragraph or block anchor', () => {
    expect(parseSourceLocation('', '#speech-p7', documents)).toEqual({ doc: 'speech', block: paragraph7 });
    expect(parseSourceLocation('', '#feature-b0', documents)).toEqual({ doc: 'feature', block: 0 });
    expect(parseSourceLocation('', '#nowhere', documents)).toBeNull();
    expect(parseSourceLocation('', '', documents)).toBeNull();
  });

  it('follows a paragraph link that replaced the fragment of a cited occurrence', () => {
    const p3 = speech.blocks.findIndex((b) => b.n === 3);
    const query = `?doc=speech&block=${paragraph7}&start=3&end=9`;
    expect(parseSourceLocation(query, '#speech-p3', documents)).toEqual({ doc: 'speech', block: p3 });
    expect(parseSourceLocation(query, '#speech-p7', documents)?.range).toEqual({ start: 3, end: 9 });
    expect(parseSourceLocation(query, '#nowhere', documents)?.range).toEqual({ start: 3, end: 9 });
  });

  it('refuses unknown documents and blocks, and drops bad ranges and terms', () => {
    expect(parseSourceLocation('?doc=blog&block=1', '', documents)).toBeNull();
    expect(parseSourceLocation('?doc=speech&block=999', '', documents)).toBeNull();
    expect(parseSourceLocation('?doc=speech&block=-1', '', documents)).toBeNull();
    const len = speech.blocks[paragraph7]!.text.length;
    for (const q of [`start=5&end=5`, `start=9&end=3`, `start=0&end=${len + 1}`, `start=x&end=4`, `start=1.5&end=4`]) {
      expect(parseSourceLocation(`?doc=speech&block=${paragraph7}&${q}`, '', documents)).toEqual({ doc: 'speech', block: paragraph7 });
    }
    expect(parseSourceLocation(`?doc=speech&block=${paragraph7}&term=<img>`, '', documents)).toEqual({ doc: 'speech', block: paragraph7 });
  });
});
