import { describe, expect, it } from 'vitest';
import { readPinyin, writePinyin } from '../../../lib/glossary/pinyin-orthography';
import { readPinyinWordList } from '../../../lib/glossary/pinyin-word-list';
import type { Category } from '../../../lib/glossary/types';
import { glossaryTools } from '../../../scripts/glossary-tools';
import { textMatching } from '../support/matchers';

const read = (text: string, surname: boolean): string[] => glossaryTools.pinyin(text, { surname });
const list = readPinyinWordList(
  {
    names: ['习 近平'],
    proper: ['中国', '中亚', '中-哈', '冬奥会', '丝绸 之 路', '吉尔吉斯斯坦', '上海 合作 组织', '赓续 传统 友谊', '共 谱 美好 明天'],
    words: [
      '合作',
      '组织',
      '传统',
      '友谊',
      '岁月',
      '时光',
      '多彩',
      '线上',
      '艺术节',
      '可持续',
      '发展',
      '议程',
      '全国',
      '运动会',
      '原油',
      '管道',
      '贸易额',
      '外长',
      '会晤',
    ],
  },
  [],
);

function written(zh: string, category: Category = 'concept'): string {
  const forms = writePinyin(zh, category, list, read);
  return typeof forms === 'string' ? forms : forms.pinyin;
}

describe('writePinyin', () => {
  it('writes listed words together, proper nouns and names capitalized', () => {
    expect(written('习近平')).toBe('Xí Jìnpíng');
    expect(written('冬奥会')).toBe("Dōng'àohuì");
    expect(written('贸易额')).toBe("màoyì'é");
    expect(written('中哈原油管道')).toBe('Zhōng-Hā yuányóu guǎndào');
    expect(written('丝绸之路')).toBe('Sīchóu zhī Lù');
  });

  it('writes a foreign name as one word and a listed name over the common words it holds', () => {
    expect(written('吉尔吉斯斯坦')).toBe("Jí'ěrjísīsītǎn");
    expect(written('上海合作组织')).toBe('Shànghǎi Hézuò Zǔzhī');
    expect(written('合作组织')).toBe('hézuò zǔzhī');
  });

  it('capitalizes each half of a title listed word by word, keeping the space between them', () => {
    expect(written('赓续传统友谊 共谱美好明天', 'initiative')).toBe('Gēngxù Chuántǒng Yǒuyì Gòng Pǔ Měihǎo Míngtiān');
  });

  it('writes each character no word covers as a word', () => {
    expect(written('亲诚惠容')).toBe('qīn chéng huì róng');
  });

  it('writes punctuation as in English, attached to the words', () => {
    expect(written('岁月不居，时光如流')).toBe('suìyuè bù jū, shíguāng rú liú');
    expect(written('中国—中亚')).toBe('Zhōngguó–Zhōngyà');
    expect(written('更快、更高——更强')).toBe('gèng kuài, gèng gāo—gèng qiáng');
    expect(written('“多彩中亚”线上艺术节')).toBe('“duōcǎi Zhōngyà” xiànshàng yìshùjié');
    expect(written('中国+中亚')).toBe('Zhōngguó + Zhōngyà');
    expect(written('《中国》')).toBe('“Zhōngguó”');
  });

  it('keeps digits as written and writes numbers in characters as words', () => {
    expect(written('2030年可持续发展议程')).toBe('2030 nián kěchíxù fāzhǎn yìchéng');
    expect(written('两个一百年')).toBe('liǎng gè yībǎi nián');
    expect(written('第十三届全国运动会')).toBe('dì-shísān jiè quánguó yùndònghuì');
  });

  it('halves a four-character idiom with a hyphen, only in the idiom category', () => {
    expect(written('同舟共济', 'idiom')).toBe('tóngzhōu-gòngjì');
    expect(written('同舟共济', 'concept')).toBe('tóng zhōu gòng jì');
  });

  it('gives the ruby one lower-case syllable per Han character, other runs as written', () => {
    const forms = writePinyin('“中国+中亚五国”外长会晤', 'initiative', list, read);
    expect(typeof forms === 'string' ? forms : forms.syllables).toBe('“ zhōng guó + zhōng yà wǔ guó ” wài zhǎng huì wù');
  });
});

describe('readPinyin', () => {
  it('reads written pinyin back into the syllables of its characters', () => {
    expect(readPinyin("Běijīng Dōng'àohuì", '北京冬奥会')).toEqual({ syllables: 'běi jīng dōng ào huì', count: 5, needs: 5 });
    expect(readPinyin('5 diǎn jiànyì', '5点建议')).toEqual({ syllables: '5 diǎn jiàn yì', count: 3, needs: 3 });
    expect(readPinyin('dào suī ěr, bù xíng bù zhì', '道虽迩，不行不至')).toMatchObject({ count: 7, needs: 7 });
  });

  it('counts the syllables of pinyin that does not fit its term', () => {
    expect(readPinyin('Xí Jìn', '习近平')).toMatchObject({ count: 2, needs: 3 });
  });

  it('names what is wrong with pinyin it cannot read', () => {
    expect(readPinyin('Xīān', '西安')).toEqual({ problem: 'pinyin "Xīān" is not pinyin at "Xīān"' });
    expect(readPinyin('dào suī ěr，bù xíng', '道虽迩，不行')).toMatchObject({ problem: textMatching(/Chinese punctuation/u) });
    expect(readPinyin('wǔ diǎn jiànyì', '5点建议')).toMatchObject({ problem: textMatching(/must write 5 as the term does/u) });
  });
});
