// Reading written pinyin back into syllables, so the build can check a curator's pinyin against
// the characters it spells: `Hāsàkèsītǎn` is five syllables, `Xī'ān` two.

/** Every syllable of standard Mandarin, toneless, ü written as ü. */
const SYLLABLES = new Set(
  `a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang
  cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang
  chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao
  die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai
  gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei
  hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu
  ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la
  lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lü
  lüe ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao
  ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nü nüe o ou pa pai pan
  pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong
  qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang
  sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang
  shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting
  tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing
  xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan
  zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai
  zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo`.split(/\s+/u),
);
const LONGEST = 6;
const TONE_MARK = /[\u0300\u0301\u030C\u0304]/u;

/** One letter without its tone mark, lower case: `Ǎ` → `a`, `ǘ` → `ü`. */
function baseLetter(char: string): string {
  return char
    .normalize('NFD')
    .replace(/[\u0300\u0301\u030C\u0304]/gu, '')
    .normalize('NFC')
    .toLowerCase();
}

/** Whether a syllable starts with a, o or e: inside a word it follows an apostrophe. */
export function startsWithVowel(syllable: string): boolean {
  return /^[aoe]/u.test(baseLetter(syllable.charAt(0)));
}

/**
 * The syllables of one run of pinyin letters (`Hāsàkèsītǎn`, no apostrophe or hyphen inside), as
 * written; null when it is not pinyin. Longest syllables first, as readers parse it, and a syllable
 * starting with a, o or e never follows another without the apostrophe that would have split the run.
 */
export function splitSyllables(run: string): string[] | null {
  const chars = Array.from(run);
  const bases = chars.map(baseLetter);
  const at = (start: number): number[] | null => {
    if (start === chars.length) return [];
    for (let end = Math.min(chars.length, start + LONGEST); end > start; end--) {
      const base = bases.slice(start, end).join('');
      if (!SYLLABLES.has(base) || (start > 0 && /^[aoe]/u.test(base))) continue;
      if (chars.slice(start, end).filter((c) => TONE_MARK.test(c.normalize('NFD'))).length > 1) continue;
      const rest = at(end);
      if (rest) return [end, ...rest];
    }
    return null;
  };
  const ends = chars.length === 0 ? null : at(0);
  if (!ends) return null;
  let start = 0;
  return ends.map((end) => {
    const syllable = chars.slice(start, end).join('');
    start = end;
    return syllable;
  });
}
