import { describe, expect, it } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { normalizeKey } from '../../../lib/match/index';
import { readGlossarySources } from '../../../scripts/build-glossary';
import { glossaryTools } from '../../../scripts/glossary-tools';

const HAN = /\p{Script=Han}/gu;

describe('the curated glossary', () => {
  it('has at least 150 entries, each complete and found in the corpus', () => {
    expect(glossary.entries.length).toBeGreaterThanOrEqual(150);
    for (const entry of glossary.entries) {
      expect(entry.pinyin, entry.id).not.toBe('');
      expect(entry.en, entry.id).not.toBe('');
      expect(entry.explanation, entry.id).not.toBe('');
      expect(entry.occurrences.length, entry.id).toBeGreaterThan(0);
    }
  });

  it('covers all three documents and every category', () => {
    const docs = new Set(glossary.entries.flatMap((e) => e.occurrences.map(([doc]) => doc)));
    expect([...docs].sort()).toEqual([0, 1, 2]);
    expect(new Set(glossary.entries.map((e) => e.category)).size).toBe(11);
  });

  it('points every occurrence at text that is one of the entry’s forms', () => {
    for (const entry of glossary.entries) {
      const forms = new Set(entry.forms.map((f) => normalizeKey(f.text)));
      for (const [doc, block, start, end] of entry.occurrences) {
        const text = glossary.documents[doc]?.blocks[block]?.text ?? '';
        expect(forms.has(normalizeKey(text.slice(start, end))), `${entry.id} at ${doc}/${block}`).toBe(true);
      }
    }
  });

  it('generates traditional forms for Chinese terms', () => {
    const byId = new Map(glossary.entries.map((e) => [e.id, e]));
    const withHant = glossary.entries.filter((e) => e.forms.some((f) => f.script === 'hant'));
    expect(withHant.length).toBeGreaterThan(100);
    expect([...byId.values()].flatMap((e) => e.forms).some((f) => f.text === '人類命運共同體')).toBe(true);
  });

  it('gives one pinyin syllable per Han character', () => {
    for (const entry of glossary.entries) {
      const syllables = entry.pinyin.split(' ').filter((s) => /[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]/u.test(s));
      expect(syllables.length, entry.id).toBe(entry.zh.match(HAN)?.length ?? 0);
    }
  });
});

describe('pinyin', () => {
  const pinyinOf = (zh: string): string | undefined => glossary.entries.find((e) => e.zh === zh)?.pinyin;

  it('reads surnames as surnames', () => {
    expect(pinyinOf('乐玉成')).toBe('yuè yù chéng');
  });

  it('reads polyphonic characters by their context', () => {
    expect(pinyinOf('行稳致远')).toBe('xíng wěn zhì yuǎn');
    expect(pinyinOf('相濡以沫')).toBe('xiāng rú yǐ mò');
  });

  it('writes dictionary tones, not spoken sandhi', () => {
    expect(pinyinOf('一带一路')).toBe('yī dài yī lù');
  });
});

describe('pinyin overrides', () => {
  const overrides = readGlossarySources().flatMap((file) =>
    (Array.isArray(file.content) ? (file.content as unknown[]) : []).flatMap((raw) =>
      typeof raw === 'object' && raw !== null && 'pinyin' in raw && 'id' in raw && 'zh' in raw
        ? [{ id: String(raw.id), zh: String(raw.zh), pinyin: String(raw.pinyin), category: file.name }]
        : [],
    ),
  );

  it('exist where pinyin-pro needs correcting', () => {
    expect(overrides.length).toBeGreaterThan(0);
  });

  it.each(overrides.map((raw) => [raw.id, raw.zh, raw.pinyin, raw.category]))(
    '%s: %s is read %s, which pinyin-pro gets wrong',
    (id, zh, expected, category) => {
      const compiled = glossary.entries.find((e) => e.id === id);
      expect(compiled?.pinyin).toBe(expected);
      expect(glossaryTools.pinyin(zh, { surname: category === 'person' }).join(' ')).not.toBe(expected);
    },
  );
});
