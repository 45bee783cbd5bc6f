import { describe, expect, it } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { normalizeKey } from '../../../lib/match/index';
import { writePinyin } from '../../../lib/glossary/pinyin-orthography';
import { readPinyinWordList } from '../../../lib/glossary/pinyin-word-list';
import { CATEGORIES } from '../../../lib/glossary/types';
import { readGlossarySources, readPinyinWords } from '../../../scripts/build-glossary';
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

  it('points every occurrence at text that is one of the entry’s forms, or that implies it', () => {
    const impliedBy = new Map(
      readGlossarySources().flatMap((file) =>
        (Array.isArray(file.content) ? (file.content as unknown[]) : []).flatMap((raw) =>
          typeof raw === 'object' && raw !== null && 'id' in raw && 'implied_by' in raw && Array.isArray(raw.implied_by)
            ? [[String(raw.id), raw.implied_by.map(String)] as const]
            : [],
        ),
      ),
    );
    for (const entry of glossary.entries) {
      const forms = new Set([...entry.forms.map((f) => f.text), ...(impliedBy.get(entry.id) ?? [])].map(normalizeKey));
      for (const [doc, block, start, end] of entry.occurrences) {
        const text = glossary.documents[doc]?.blocks[block]?.text ?? '';
        expect(forms.has(normalizeKey(text.slice(start, end))), `${entry.id} at ${doc}/${block}`).toBe(true);
      }
    }
  });

  it('locates the Central Asian states the corpus only abbreviates where their abbreviation stands', () => {
    const kyrgyzstan = glossary.entries.find((e) => e.id === 'kyrgyzstan');
    expect(kyrgyzstan?.implied).toBe(true);
    const quoted = (kyrgyzstan?.occurrences ?? []).map(([doc, block, start, end]) => glossary.documents[doc]?.blocks[block]?.text.slice(start, end));
    expect(quoted).toEqual(['中吉乌公路', '中吉乌铁路']);
  });

  it('generates traditional forms for Chinese terms', () => {
    const byId = new Map(glossary.entries.map((e) => [e.id, e]));
    const withHant = glossary.entries.filter((e) => e.forms.some((f) => f.script === 'hant'));
    expect(withHant.length).toBeGreaterThan(100);
    expect([...byId.values()].flatMap((e) => e.forms).some((f) => f.text === '人類命運共同體')).toBe(true);
  });

  it('gives one ruby syllable per Han character', () => {
    for (const entry of glossary.entries) {
      const syllables = entry.syllables.split(' ').filter((s) => /[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]/u.test(s));
      expect(syllables.length, entry.id).toBe(entry.zh.match(HAN)?.length ?? 0);
      expect(syllables.join(' '), entry.id).toBe(syllables.join(' ').toLowerCase());
    }
  });
});

describe('pinyin as a dictionary prints it', () => {
  const pinyinOf = (zh: string): string | undefined => glossary.entries.find((e) => e.zh === zh)?.pinyin;

  it('reads a surname only in a personal name, never in a title', () => {
    expect(pinyinOf('外交部副部长')).toBe('Wàijiāobù fùbùzhǎng');
    expect(pinyinOf('国家主席')).toBe('guójiā zhǔxí');
    expect(pinyinOf('驻哈萨克斯坦大使')).toBe('zhù Hāsàkèsītǎn dàshǐ');
  });

  it('writes names as their bearers do, surname and given name apart', () => {
    expect(pinyinOf('习近平')).toBe('Xí Jìnpíng');
    // He romanizes his own name Le Yucheng: 乐 is Lè here, not the Yuè the surname often has.
    expect(pinyinOf('乐玉成')).toBe('Lè Yùchéng');
    expect(glossary.entries.find((e) => e.zh === '乐玉成')?.syllables).toBe('lè yù chéng');
    expect(pinyinOf('托卡耶夫')).toBe('Tuōkǎyēfū');
  });

  it('capitalizes proper nouns and writes words together, with an apostrophe before a, o, e', () => {
    expect(pinyinOf('哈萨克斯坦')).toBe('Hāsàkèsītǎn');
    expect(pinyinOf('北京冬奥会')).toBe("Běijīng Dōng'àohuì");
    expect(pinyinOf('中华人民共和国')).toBe('Zhōnghuá Rénmín Gònghéguó');
    expect(pinyinOf('人类命运共同体')).toBe('rénlèi mìngyùn gòngtóngtǐ');
    expect(pinyinOf('多边主义')).toBe('duōbiān zhǔyì');
  });

  it('writes the Central Asian states and the SCO as proper nouns', () => {
    expect(pinyinOf('吉尔吉斯斯坦')).toBe("Jí'ěrjísīsītǎn");
    expect(pinyinOf('塔吉克斯坦')).toBe('Tǎjíkèsītǎn');
    expect(pinyinOf('土库曼斯坦')).toBe('Tǔkùmànsītǎn');
    expect(pinyinOf('上海合作组织')).toBe('Shànghǎi Hézuò Zǔzhī');
  });

  it('capitalizes a title word by word', () => {
    expect(pinyinOf('赓续传统友谊 共谱美好明天')).toBe('Gēngxù Chuántǒng Yǒuyì Gòng Pǔ Měihǎo Míngtiān');
  });

  it('writes the words of a phrase together, suffixes and ordinals included', () => {
    expect(pinyinOf('历史性、标志性、突破性')).toBe('lìshǐxìng, biāozhìxìng, tūpòxìng');
    expect(pinyinOf('历史遗留的边界问题')).toBe('lìshǐ yíliú de biānjiè wèntí');
    expect(pinyinOf('第一贸易伙伴')).toBe('dì-yī màoyì huǒbàn');
    expect(pinyinOf('3300多公里共同边界')).toBe('3300 duō gōnglǐ gòngtóng biānjiè');
    expect(pinyinOf('中国的超级大市场就是我们的‘大海’')).toBe('Zhōngguó de chāojí dà shìchǎng jiù shì wǒmen de ‘dàhǎi’');
  });

  it('writes dictionary tones, not spoken sandhi', () => {
    expect(pinyinOf('一带一路')).toBe('yīdài yīlù');
    expect(pinyinOf('不遗余力')).toBe('bùyí-yúlì');
  });

  it('writes a four-character idiom as two halves joined by a hyphen', () => {
    expect(pinyinOf('同舟共济')).toBe('tóngzhōu-gòngjì');
    expect(pinyinOf('冰天雪地也是金山银山')).toBe('bīngtiān-xuědì yě shì jīnshān-yínshān');
  });

  it('writes punctuation as in English text, never spaced into the pinyin', () => {
    expect(pinyinOf('道虽迩，不行不至；事虽小，不为不成')).toBe('dào suī ěr, bù xíng bù zhì; shì suī xiǎo, bù wéi bù chéng');
    expect(pinyinOf('主权、独立、领土完整')).toBe('zhǔquán, dúlì, lǐngtǔ wánzhěng');
    expect(pinyinOf('中国—中亚命运共同体')).toBe('Zhōngguó–Zhōngyà mìngyùn gòngtóngtǐ');
    expect(pinyinOf('更快、更高、更强——更团结')).toBe('gèng kuài, gèng gāo, gèng qiáng—gèng tuánjié');
    expect(pinyinOf('“中国+中亚五国”外长会晤')).toBe('“Zhōngguó + Zhōngyà wǔ guó” wàizhǎng huìwù');
  });

  it('keeps digits and Latin letters as written, numbers in characters as words', () => {
    expect(pinyinOf('5点建议')).toBe('5 diǎn jiànyì');
    expect(pinyinOf('中国—中亚天然气管道D线')).toBe('Zhōngguó–Zhōngyà tiānránqì guǎndào D xiàn');
    expect(pinyinOf('带动三亿人参与冰雪运动')).toBe('dàidòng sānyì rén cānyù bīngxuě yùndòng');
    expect(pinyinOf('第一方阵')).toBe('dì-yī fāngzhèn');
  });

  it('reads polyphonic characters by their context', () => {
    expect(pinyinOf('行稳致远')).toBe('xíngwěn-zhìyuǎn');
    expect(pinyinOf('双重标准')).toBe('shuāngchóng biāozhǔn');
    expect(pinyinOf('开花结果')).toBe('kāihuā-jiēguǒ');
    expect(pinyinOf('以人权为借口')).toBe('yǐ rénquán wéi jièkǒu');
  });
});

describe('pinyin overrides', () => {
  const words = readPinyinWordList(readPinyinWords(), []);
  const overrides = readGlossarySources().flatMap((file) =>
    (Array.isArray(file.content) ? (file.content as unknown[]) : []).flatMap((raw) =>
      typeof raw === 'object' && raw !== null && 'pinyin' in raw && 'id' in raw && 'zh' in raw
        ? [{ id: String(raw.id), zh: String(raw.zh), pinyin: String(raw.pinyin), category: file.name }]
        : [],
    ),
  );

  it('exist where the generated pinyin needs correcting', () => {
    expect(overrides.length).toBeGreaterThan(0);
  });

  it.each(overrides.map((raw) => [raw.id, raw.zh, raw.pinyin, raw.category]))(
    '%s: %s is written %s, which the word list and pinyin-pro do not give',
    (id, zh, expected, category) => {
      const compiled = glossary.entries.find((e) => e.id === id);
      expect(compiled?.pinyin).toBe(expected);
      const read = (text: string, surname: boolean): string[] => glossaryTools.pinyin(text, { surname });
      const generated = writePinyin(zh, CATEGORIES.find((c) => c === category) ?? 'concept', words, read);
      expect(typeof generated === 'string' ? generated : generated.pinyin).not.toBe(expected);
    },
  );
});

describe('the pinyin word list', () => {
  it('lists only words some term has', () => {
    const terms = glossary.entries.map((e) => e.zh).join('\n');
    const items = readPinyinWordList(readPinyinWords(), []).items;
    expect(items.size).toBeGreaterThan(100);
    for (const key of items.keys()) expect(terms.includes(key), key).toBe(true);
  });
});
