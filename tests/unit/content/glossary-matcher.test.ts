import { describe, expect, it } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { bytesOfBase64, createGlossaryMatcher, glossaryCorpus, glossaryPatterns, matcherKey } from '../../../content/glossary-matcher';
import { compileMatcher, serializeMatcher } from '../../../lib/match/index';

const TEXT = ['双方愿共建“一带一路”，构建中国—中亚命运共同体。'];

function serialized(key = matcherKey(glossary)): { key: string; base64: string } {
  const bytes = serializeMatcher(compileMatcher(glossaryPatterns(glossary), glossaryCorpus(glossary), { quotes: true }));
  return { key, base64: Buffer.from(bytes).toString('base64') };
}

describe('the page matcher', () => {
  const compiled = createGlossaryMatcher(glossary, null).match(TEXT);

  it('is loaded from the serialized automata when they were built for this glossary', () => {
    expect(compiled.length).toBeGreaterThan(0);
    expect(createGlossaryMatcher(glossary, serialized()).match(TEXT)).toEqual(compiled);
  });

  it('is compiled when the serialized automata are for another glossary or unreadable', () => {
    expect(createGlossaryMatcher(glossary, serialized('0:other:1')).match(TEXT)).toEqual(compiled);
    expect(createGlossaryMatcher(glossary, { key: matcherKey(glossary), base64: 'AAAA' }).match(TEXT)).toEqual(compiled);
  });

  it('decodes base64 to the same bytes as Node does', () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256);
    expect(bytesOfBase64(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
  });
});
