import { expect, it } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { glossaryCorpus, glossaryMatcherOptions, glossaryPatterns } from '../../../lib/glossary/matcher-input';
import { compileMatcher } from '../../../lib/match/index';
import type { Boundary } from '../../../lib/match/index';

const matcher = compileMatcher(glossaryPatterns(glossary), glossaryCorpus(glossary), glossaryMatcherOptions(glossary));

/** The forms found, with where each ends. */
function found(chunks: string[], boundaries: Boundary[] = chunks.slice(1).map(() => 'inline')): string[] {
  return matcher.match(chunks, boundaries).map((m) => `${m.kind === 'term' ? m.form : 'quote'}@${m.end.chunk}:${m.end.offset}`);
}

it('finds "Central Asia" and its plural across a chunk edge in full-width text as in ASCII', () => {
  expect(found(['ｃｅｎｔｒａｌ ａｓｉａ', 'ｓ'])).toEqual(found(['central asia', 's']));
  expect(found(['ｃｅｎｔｒａｌ ａｓｉａ', 'ｓ'])).toEqual(['Central Asia@1:1']);
  expect(found(['ｃｅｎｔｒａｌ ａｓｉａｓ'])).toEqual(found(['central asias']));
  expect(found(['ｔｈｅ ＣＥＮＴＲＡＬ ＡＳ', 'ＩＡ states'])).toEqual(['Central Asia@1:2']);
  expect(found(['ｔｈｅ ＣＥＮＴＲＡＬ ＡＳＩＡ', 'Ｎ ｃｏｕｎｔｒｉｅｓ'])).toEqual(found(['the Central Asia', 'n countries']));
  // A block boundary ends the word: "Central Asia" then a word of its own.
  expect(found(['central asia', 's'], ['block'])).toEqual(['Central Asia@0:12']);
});
