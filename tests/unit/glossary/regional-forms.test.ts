import { describe, expect, it } from 'vitest';
import { regionalForms, regionalPassage } from '../../../lib/glossary/regional-forms';
import type { TraditionalConverter } from '../../../lib/glossary/regional-forms';
import { readTraditionalRules } from '../../../lib/glossary/traditional-rules';
import { readTraditionalSources } from '../../../scripts/build-glossary';
import { glossaryTools } from '../../../scripts/glossary-tools';

const problems: string[] = [];
const rules = readTraditionalRules(readTraditionalSources(), glossaryTools.simplified, problems);
const { converters } = glossaryTools;

function formsOf(simplified: string): { forms: string[]; reported: string[] } {
  const reported: string[] = [];
  const forms = regionalForms(simplified, rules, converters, (p) => reported.push(p));
  return { forms, reported };
}

describe('the reviewed lists', () => {
  it('read without a problem', () => {
    expect(problems).toEqual([]);
    expect(rules.overrides.length).toBeGreaterThan(10);
    expect(rules.artifacts.length).toBeGreaterThan(5);
  });
});

describe('regionalForms', () => {
  it('repairs what opencc’s phrase tables misread, character by character', () => {
    // opencc reads 一个中国 as 一 + 个中 ("therein") and writes 一箇中國.
    expect(converters[0]!.convert('一个中国原则')).toBe('一箇中國原則');
    const { forms, reported } = formsOf('一个中国原则');
    expect(forms).toEqual(['一個中國原則', '一中原則']);
    expect(reported).toEqual([]);
    expect(formsOf('三亿人参与冰雪运动').forms).toEqual(['三億人參與冰雪運動']);
    expect(formsOf('战略伙伴集群').forms).not.toContain('戰略伙伴叢集');
  });

  it('writes an overridden part as each region does, without mixing the regions', () => {
    const { forms } = formsOf('中国同中亚五国建交30周年视频峰会');
    expect(forms).toEqual(
      expect.arrayContaining([
        '中國同中亞五國建交30週年視訊峰會', // Taiwan
        '中國同中亞五國建交30周年視像峰會', // Hong Kong
        '中國同中亞五國建交30週年視頻峰會', // opencc's own rendering stays
      ]),
    );
    expect(forms).not.toContain('中國同中亞五國建交30周年視訊峰會');
    expect(forms).not.toContain('中國同中亞五國建交30週年影片峰會');
  });

  it('applies an override wherever a form holds its text', () => {
    expect(formsOf('托卡耶夫总统').forms).toContain('托卡葉夫總統');
    expect(formsOf('国际奥委会总部').forms).toContain('國際奧會總部');
    expect(formsOf('北京冬残奥会').forms).toEqual(expect.arrayContaining(['北京冬殘奧會', '北京冬季帕運']));
  });

  it('reports a rendering it cannot line up with its simplified form, and leaves it out', () => {
    const lengthening: TraditionalConverter = { region: 'tw', name: 'test', vocabulary: true, convert: (s) => s.replace('个', '箇箇') };
    const reported: string[] = [];
    const forms = regionalForms('一个', rules, [converters[0]!, lengthening], (p) => reported.push(p));
    expect(forms).toEqual(['一個']);
    expect(reported).toEqual([expect.stringMatching(/^opencc test writes "一个" as "一箇箇", which holds "箇" .*add an override$/u)]);
  });
});

describe('regionalPassage', () => {
  it('converts the characters only, at the same length, with the overrides that only change characters', () => {
    const text = '托卡耶夫总统出席视频峰会，双方是战略伙伴，纪念建交30周年。';
    const tw = regionalPassage(text, 'tw', rules, converters, glossaryTools.simplified);
    const hk = regionalPassage(text, 'hk', rules, converters, glossaryTools.simplified);
    expect(tw).toBe('托卡耶夫總統出席視頻峰會，雙方是戰略夥伴，紀念建交30週年。');
    expect(hk).toBe('托卡耶夫總統出席視頻峯會，雙方是戰略夥伴，紀念建交30周年。');
    expect(tw?.length).toBe(text.length);
  });

  it('repairs artifacts in a passage too', () => {
    expect(regionalPassage('坚定支持一个中国原则', 'tw', rules, converters, glossaryTools.simplified)).toBe('堅定支持一個中國原則');
  });
});
