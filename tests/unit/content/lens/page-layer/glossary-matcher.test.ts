import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../../../../assets/generated/glossary';
import { MATCHER_GZIP_BASE64, MATCHER_KEY } from '../../../../../assets/generated/matcher';
import { bytesOfBase64 } from '../../../../../lib/match/base64';
import { createGlossaryMatcher, gunzip } from '../../../../../content/lens/page-layer/glossary-matcher';
import { glossaryCorpus, glossaryMatcherOptions, glossaryPatterns, matcherKey } from '../../../../../lib/glossary/matcher-input';
import { compileMatcher, serializeMatcher } from '../../../../../lib/match/index';

const TEXT = ['双方愿共建“一带一路”，构建中国—中亚命运共同体。“道虽迩，不行不至；事虽小，不为不成。”'];

function serialized(key = matcherKey(glossary), bytes?: Uint8Array): { key: string; gzipBase64: string } {
  const raw = bytes ?? serializeMatcher(compileMatcher(glossaryPatterns(glossary), glossaryCorpus(glossary), glossaryMatcherOptions(glossary)));
  return { key, gzipBase64: gzipSync(raw).toString('base64') };
}

describe('the page matcher', () => {
  const compiled = createGlossaryMatcher(glossary, null).then((m) => m.match(TEXT));

  it('finds terms and quotes', async () => {
    const found = await compiled;
    expect(found.some((m) => m.kind === 'term')).toBe(true);
    expect(found.some((m) => m.kind === 'quote')).toBe(true);
  });

  it('is loaded from the automata the build serialized for this glossary', async () => {
    expect(MATCHER_KEY).toBe(matcherKey(glossary));
    const bundled = await createGlossaryMatcher(glossary, Promise.resolve({ key: MATCHER_KEY, gzipBase64: MATCHER_GZIP_BASE64 }));
    expect(bundled.match(TEXT)).toEqual(await compiled);
    expect((await createGlossaryMatcher(glossary, serialized())).match(TEXT)).toEqual(await compiled);
  });

  it('is compiled when the serialized automata are missing, for another glossary, not gzip, or unreadable', async () => {
    const expected = await compiled;
    expect((await createGlossaryMatcher(glossary, Promise.reject(new Error('no background')))).match(TEXT)).toEqual(expected);
    expect((await createGlossaryMatcher(glossary, serialized('0:other:1'))).match(TEXT)).toEqual(expected);
    expect((await createGlossaryMatcher(glossary, { key: matcherKey(glossary), gzipBase64: 'AAAA' })).match(TEXT)).toEqual(expected);
    expect((await createGlossaryMatcher(glossary, serialized(undefined, new Uint8Array(16)))).match(TEXT)).toEqual(expected);
  });

  it('decodes base64 and gzip to the same bytes as Node does', async () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256);
    expect(bytesOfBase64(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
    expect(await gunzip(bytesOfBase64(gzipSync(bytes).toString('base64')))).toEqual(bytes);
    expect((await gunzip(bytesOfBase64(MATCHER_GZIP_BASE64))).length).toBeGreaterThan(MATCHER_GZIP_BASE64.length);
  });
});
