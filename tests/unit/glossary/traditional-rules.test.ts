import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGlossary, GlossaryBuildError } from '../../../lib/glossary/compile';
import type { TraditionalSources } from '../../../lib/glossary/traditional-rules';
import { readTraditionalSources } from '../../../scripts/build-glossary';
import { glossaryTools } from '../../../scripts/glossary-tools';
import { corpusDocuments } from '../support/corpus';

const documents = corpusDocuments();
const files = [
  { name: 'concept', content: [{ id: 'one-china-principle', zh: '一个中国原则', en: 'one-China principle', explanation: 'Beijing’s position.' }] },
];
const SOURCE = 'CNA https://www.cna.com.tw/';
const ARTIFACTS = [{ text: '箇', why: 'a phrase fires across words' }];

function problemsOf(sources: TraditionalSources): string[] {
  try {
    compileGlossary(documents, files, glossaryTools, 'sha', sources);
  } catch (error) {
    if (error instanceof GlossaryBuildError) return error.problems;
    throw error;
  }
  return [];
}

describe('the traditional overrides and artifacts', () => {
  it('compile a glossary with their forms', () => {
    const glossary = compileGlossary(documents, files, glossaryTools, 'sha', {
      overrides: [{ zh: '一个中国原则', tw: ['一中原則'], source: SOURCE }],
      artifacts: ARTIFACTS,
    });
    expect(glossary.entries[0]?.forms.filter((f) => f.script === 'hant').map((f) => f.text)).toEqual(['一個中國原則', '一中原則']);
  });

  it('fail the build with a message naming each malformed override or artifact', () => {
    const problems = problemsOf({
      overrides: [
        { zh: '一个中国原则', tw: ['一中原則'], source: SOURCE },
        { zh: '一个中国原则', tw: ['一中原則'], source: SOURCE },
        { zh: '視頻', tw: ['視訊'], source: SOURCE },
        { zh: '视频', source: SOURCE },
        { zh: '托卡耶夫', tw: ['托卡葉夫'] },
        { zh: '国际奥委会', tw: ['國際奧會'], source: 'CNA, somewhere' },
        { zh: '数字', tw: '數位', source: SOURCE },
        { zh: '一个', tw: ['一箇'], standard: 'none' },
        { zh: '周年', hk: ['周年'], source: SOURCE, region: 'hk' },
        'not a mapping',
      ],
      artifacts: [{ text: '箇', why: 'a phrase fires across words' }, { text: '蔘' }, { text: '箇', why: 'again' }],
    });
    const expected = [
      /^traditional\/overrides\.yaml#2 \(一个中国原则\): "一个中国原则" is also overridden by traditional\/overrides\.yaml#1/u,
      /^traditional\/overrides\.yaml#3 \(視頻\): zh "視頻" is not simplified Chinese/u,
      /^traditional\/overrides\.yaml#4 \(视频\): names no Taiwan \(tw\) or Hong Kong \(hk\) form/u,
      /^traditional\/overrides\.yaml#5 \(托卡耶夫\): names neither the standard it follows \(standard:\) nor where the usage was seen \(source:\)/u,
      /^traditional\/overrides\.yaml#6 \(国际奥委会\): source must give the address it was seen at/u,
      /^traditional\/overrides\.yaml#7 \(数字\) tw: must be a list of Chinese forms/u,
      /^traditional\/overrides\.yaml#8 \(一个\): tw form "一箇" holds "箇", listed in traditional\/artifacts\.yaml#1 \(箇\)/u,
      /^traditional\/overrides\.yaml#9 \(周年\): unknown field "region"/u,
      /^traditional\/overrides\.yaml#10: an override must be a mapping/u,
      /^traditional\/artifacts\.yaml#2 \(蔘\): says not why it is wrong/u,
      /^traditional\/artifacts\.yaml#3 \(箇\): listed twice/u,
    ];
    for (const pattern of expected)
      expect(
        problems.some((p) => pattern.test(p)),
        `${String(pattern)} in\n${problems.join('\n')}`,
      ).toBe(true);
    expect(problems).toHaveLength(expected.length);
  });

  it('fail the build when a file is not a list', () => {
    expect(problemsOf({ overrides: { zh: '伙伴' }, artifacts: null })).toEqual([
      'traditional/overrides.yaml: must be a YAML list of overrides',
      'traditional/artifacts.yaml: must be a YAML list of artifacts',
    ]);
  });

  it('fail the build when a file is not YAML, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'traditional-'));
    try {
      writeFileSync(join(dir, 'overrides.yaml'), '- zh: 伙伴\n  tw: [夥伴\n');
      writeFileSync(join(dir, 'artifacts.yaml'), '[]\n');
      expect(() => readTraditionalSources(dir)).toThrow(GlossaryBuildError);
      expect(() => readTraditionalSources(dir)).toThrow(/traditional\/overrides\.yaml: /u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
