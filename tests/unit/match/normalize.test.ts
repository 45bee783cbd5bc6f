import { describe, expect, it } from 'vitest';
import { edgeIsWordChar, isHanChar, isWordChar, normalize, normalizeKey } from '../../../lib/match/index';

describe('normalizeKey', () => {
  it('folds full-width ASCII forms to ASCII', () => {
    expect(normalizeKey('，：；！？（）')).toBe(',:;!?()');
    expect(normalizeKey('ＡＢＣ１２３ｘ')).toBe('abc123x');
    expect(normalizeKey('道虽迩，不行不至；事虽小，不为不成')).toBe(normalizeKey('道虽迩,不行不至;事虽小,不为不成'));
  });

  it('folds half-width CJK punctuation and full-width signs', () => {
    expect(normalizeKey('｡､｢｣･')).toBe(normalizeKey('。、「」・'));
    expect(normalizeKey('￥￡')).toBe('¥£');
  });

  it('folds the ideographic full stop and comma to their ASCII twins', () => {
    expect(normalizeKey('中国。美国、日本')).toBe('中国.美国,日本');
  });

  it('treats every dash variant as one, and a run of dashes as one dash', () => {
    const dashes = ['—', '–', '―', '‐', '‑', '‒', '-', '－', '⸺', '⸻', '−', '——', '--', '—―'];
    for (const d of dashes) expect(normalizeKey(`中国${d}中亚`)).toBe('中国-中亚');
    expect(normalizeKey('更强——更团结')).toBe('更强-更团结');
    // Dashes apart are two dashes.
    expect(normalizeKey('a - - b')).toBe('a - - b');
  });

  it('drops double quotation marks, corner brackets and book-title marks: pages set them anywhere in a term', () => {
    const marks = ['“', '”', '「', '」', '『', '』', '"', '＂', '《', '》', '〈', '〉', '«', '»', '｢', '｣'];
    for (const q of marks) expect(normalizeKey(`${q}一带一路${q}倡议`)).toBe('一带一路倡议');
    expect(normalizeKey('the “Belt and Road” Initiative')).toBe('the belt and road initiative');
  });

  it('treats single quotation marks, which are also apostrophes, as one class', () => {
    for (const q of ['‘', '’', "'", '＇']) expect(normalizeKey(`China${q}s`)).toBe("china's");
  });

  it('drops whitespace next to a CJK character and collapses it elsewhere', () => {
    expect(normalizeKey('建交 30 周年')).toBe('建交30周年');
    expect(normalizeKey('建交\u00a030\u3000周年')).toBe('建交30周年');
    expect(normalizeKey('共建\n“一带一路”\n倡议')).toBe('共建一带一路倡议');
    expect(normalizeKey('Belt \t and\n\nRoad')).toBe('belt and road');
    expect(normalizeKey('Belt\u00a0and\u2009Road')).toBe('belt and road');
    expect(normalizeKey('  leading and trailing  ')).toBe('leading and trailing');
    expect(normalizeKey('习近平 Xi Jinping')).toBe('习近平xi jinping');
  });

  it('ignores soft hyphens, zero-width and format characters', () => {
    expect(normalizeKey('一\u200b带\u200c一\u200d路\u2060\ufeff')).toBe('一带一路');
    expect(normalizeKey('multi\u00adlateralism')).toBe('multilateralism');
    expect(normalizeKey('中国\u200e—\u200f中亚')).toBe('中国-中亚');
  });

  it('is case-insensitive for Latin, Greek and Cyrillic', () => {
    expect(normalizeKey('BELT And ROAD')).toBe('belt and road');
    expect(normalizeKey('ÉLYSÉE Ωμέγα МОСКВА')).toBe('élysée ωμέγα москва');
  });

  it('maps Kangxi radicals and compatibility ideographs to unified ideographs', () => {
    expect(normalizeKey('\u2f00\u2f08')).toBe('一人');
    expect(normalizeKey('\uf900')).toBe('\u8c48');
  });

  it('keeps traditional characters as they are (forms come from the patterns)', () => {
    expect(normalizeKey('人類命運共同體')).toBe('人類命運共同體');
  });

  it('is idempotent', () => {
    const samples = ['建交 30 周年', 'Ｂｅｌｔ　ａｎｄ　Ｒｏａｄ', '“更快、更高、更强——更团结”', 'a\u00ad-b', '中国，美国。'];
    for (const s of samples) expect(normalizeKey(normalizeKey(s))).toBe(normalizeKey(s));
  });

  it('returns an empty key for text that normalizes to nothing', () => {
    expect(normalizeKey(' \u200b\n ')).toBe('');
  });
});

describe('normalize', () => {
  it('maps each normalized character back to its original offset', () => {
    const source = ' 建交\u200b 30 周年——\u00adBelt  and ';
    const r = normalize(source);
    expect(r.text).toBe('建交30周年-belt and');
    expect([...r.offsets]).toEqual([1, 2, 5, 6, 8, 9, 10, 13, 14, 15, 16, 17, 19, 20, 21]);
    for (let i = 0; i < r.text.length; i++) {
      expect(normalizeKey(source[r.offsets[i]!]!)).toBe(r.text[i] === ' ' ? '' : r.text[i]);
    }
  });
});

describe('character classes', () => {
  it('knows letters and digits', () => {
    expect(isWordChar('a'.charCodeAt(0))).toBe(true);
    expect(isWordChar('7'.charCodeAt(0))).toBe(true);
    expect(isWordChar('é'.charCodeAt(0))).toBe(true);
    expect(isWordChar('-'.charCodeAt(0))).toBe(false);
    expect(isWordChar('中'.charCodeAt(0))).toBe(false);
  });

  it('judges a text’s edges past zero-width and format characters', () => {
    expect(edgeIsWordChar('Road\u00ad', true)).toBe(true);
    expect(edgeIsWordChar('\u200bmap', false)).toBe(true);
    expect(edgeIsWordChar('Road\u00ad', false)).toBe(true);
    expect(edgeIsWordChar('Road.\u00ad', true)).toBe(false);
    expect(edgeIsWordChar('\u00ad 中', false)).toBe(false);
    expect(edgeIsWordChar('\u00ad\u200b', true)).toBe(false);
    expect(edgeIsWordChar('', false)).toBe(false);
  });

  it('knows Han characters, including extension B via its high surrogate', () => {
    expect(isHanChar('中'.charCodeAt(0))).toBe(true);
    expect(isHanChar('〇'.charCodeAt(0))).toBe(true);
    expect(isHanChar('𠀀'.charCodeAt(0))).toBe(true);
    expect(isHanChar('，'.charCodeAt(0))).toBe(false);
    expect(isHanChar('あ'.charCodeAt(0))).toBe(false);
  });
});
