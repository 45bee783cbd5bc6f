import { describe, expect, it } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { glossaryCorpus, glossaryPatterns } from '../../../lib/glossary/matcher-input';
import { readTraditionalRules } from '../../../lib/glossary/traditional-rules';
import { traditionalBlock } from '../../../lib/glossary/traditional-text';
import { compileMatcher, normalizeKey } from '../../../lib/match/index';
import { readTraditionalSources } from '../../../scripts/build-glossary';
import { glossaryTools } from '../../../scripts/glossary-tools';

const rules = readTraditionalRules(readTraditionalSources(), glossaryTools.simplified, []);
const hantForms = glossary.entries.flatMap((entry) => entry.forms.filter((f) => f.script === 'hant').map((f) => ({ id: entry.id, text: f.text })));

/** The entry a written form belongs to. */
function entryOf(text: string): string | undefined {
  const key = normalizeKey(text);
  return glossary.entries.find((e) => e.forms.some((f) => normalizeKey(f.text) === key))?.id;
}

describe('the traditional forms of the glossary', () => {
  it('hold no listed artifact', () => {
    for (const artifact of rules.artifacts) {
      expect(
        hantForms.filter((f) => f.text.includes(artifact.text)),
        artifact.origin,
      ).toEqual([]);
    }
  });

  it.each([
    ['一個中國原則', 'one-china-principle'],
    ['一中原則', 'one-china-principle'],
    ['中國同中亞五國建交30週年視訊峰會', 'china-central-asia-virtual-summit-2022'],
    ['中國同中亞五國建交三十周年視像峰會', 'china-central-asia-virtual-summit-2022'],
    ['中國同中亞五國領導人關於建交30週年的聯合聲明', 'china-central-asia-joint-statement-2022'],
    ['托卡葉夫', 'kassym-jomart-tokayev'],
    ['托卡葉夫總統', 'kassym-jomart-tokayev'],
    ['國際奧會', 'international-olympic-committee'],
    ['國際奧會主席', 'ioc-president'],
    ['帕運', 'paralympic-games'],
    ['冬季帕運', 'winter-paralympics'],
    ['北京冬季帕運', 'winter-paralympics'],
    ['數位絲路', 'digital-silk-road'],
    ['戰略夥伴關係', 'strategic-partnership'],
    ['戰略夥伴集群', 'strategic-partner-cluster'],
    ['中國—吉爾吉斯—烏茲別克鐵路', 'china-kyrgyzstan-uzbekistan-railway'],
    ['休戚與共', 'share-weal-and-woe'],
    ['文明交流互鑒', 'exchanges-mutual-learning-civilizations'],
    ['1200個中國政府獎學金名額', 'scholarships-1200'],
    ['三億人參與冰雪運動', 'three-hundred-million-winter-sports'],
    ['民生項目', 'livelihood-projects'],
    ['全球數據安全倡議', 'global-initiative-on-data-security'],
  ])('%s is a form of %s', (form, id) => {
    expect(entryOf(form)).toBe(id);
  });

  it('are found in a Taiwanese and a Hong Kong sentence', () => {
    const matcher = compileMatcher(glossaryPatterns(glossary), glossaryCorpus(glossary), { quotes: false });
    const ids = (text: string): string[] => matcher.matchText(text).map((m) => glossary.entries[m.entry]?.id ?? '?');
    expect(ids('哈薩克總統托卡葉夫出席中國同中亞五國建交30週年視訊峰會，重申支持一中原則，國際奧會亦表歡迎。')).toEqual([
      'kazakhstan',
      'kassym-jomart-tokayev',
      'china-central-asia-virtual-summit-2022',
      'one-china-principle',
      'international-olympic-committee',
    ]);
    expect(ids('習近平主持中國同中亞五國建交30周年視像峰會，倡議文明交流互鑒。')).toEqual([
      'xi-jinping',
      'china-central-asia-virtual-summit-2022',
      'exchanges-mutual-learning-civilizations',
    ]);
  });

  it('each add a form some entry holds (no override is dead)', () => {
    for (const override of rules.overrides) {
      const added = [...override.forms.tw, ...override.forms.hk].some((form) => hantForms.some((f) => f.text.includes(form)));
      expect(added, override.origin).toBe(true);
    }
  });
});

describe('the corpus in traditional characters', () => {
  it('has every block in both standards, of its length and without an artifact', () => {
    for (const region of ['tw', 'hk'] as const) {
      glossary.documents.forEach((doc, d) =>
        doc.blocks.forEach((block, b) => {
          // Null only for a block with nothing to convert (a date).
          const text = traditionalBlock(glossary.traditional, glossary.documents, region, d, b) ?? block.text;
          if (text === block.text)
            expect(
              glossaryTools.traditional(block.text).every((t) => t === block.text),
              `${doc.id} ${b}`,
            ).toBe(true);
          expect(text.length).toBe(block.text.length);
          for (const artifact of rules.artifacts) expect(text).not.toContain(artifact.text);
        }),
      );
    }
  });

  it('reads the corpus as each region writes it', () => {
    const speech = (region: 'tw' | 'hk', needle: string): string => {
      for (const [d, doc] of glossary.documents.entries()) {
        for (const [b, block] of doc.blocks.entries()) {
          const at = block.text.indexOf(needle);
          if (at >= 0) return traditionalBlock(glossary.traditional, glossary.documents, region, d, b)?.slice(at, at + needle.length) ?? '';
        }
      }
      return '';
    };
    expect(speech('tw', '坚定支持一个中国原则')).toBe('堅定支持一個中國原則');
    expect(speech('tw', '建交 30 周年视频峰会')).toBe('建交 30 週年視頻峰會');
    expect(speech('hk', '建交 30 周年视频峰会')).toBe('建交 30 周年視頻峯會');
    expect(speech('tw', '休戚与共')).toBe('休戚與共');
  });
});
