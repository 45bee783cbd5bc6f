import { describe, expect, it } from 'vitest';
import { normalizeTag, normalizeTags } from '../../../lib/notes/tags';

describe('tags', () => {
  it.each([
    ['  Belt and Road ', 'belt and road'],
    ['#Xi', 'xi'],
    ['＃外交', '外交'],
    ['a\n\tb', 'a b'],
    ['   ', ''],
    ['Cafe\u0301', 'café'],
  ])('%j → %j', (raw, tag) => {
    expect(normalizeTag(raw)).toBe(tag);
  });

  it('drops empty and duplicate tags, keeping the first order', () => {
    expect(normalizeTags(['B', 'a', '#b', '', ' A '])).toEqual({ ok: true, tags: ['b', 'a'] });
  });

  it('refuses more than 20 tags or a tag over 40 characters', () => {
    expect(normalizeTags(Array.from({ length: 21 }, (_, i) => `t${i}`))).toMatchObject({ ok: false, error: 'more than 20 tags (21)' });
    expect(normalizeTags(Array.from({ length: 25 }, () => 'same'))).toEqual({ ok: true, tags: ['same'] });
    expect(normalizeTags(['x'.repeat(41)])).toMatchObject({ ok: false });
    expect(normalizeTags(['中'.repeat(40)])).toMatchObject({ ok: true });
  });
});
