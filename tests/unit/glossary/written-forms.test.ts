// The glossary finds its terms as pages really write them: enumerated, without the dash of a
// compound, partly inside quotation marks, and distinctive English words on their own.
import { describe, expect, it } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { glossaryCorpus, glossaryMatcherOptions, glossaryPatterns } from '../../../lib/glossary/matcher-input';
import { compileMatcher } from '../../../lib/match/index';

const matcher = compileMatcher(glossaryPatterns(glossary), glossaryCorpus(glossary), glossaryMatcherOptions(glossary));
const found = (text: string): Array<[string, string]> =>
  matcher
    .match([text])
    .filter((m) => m.kind === 'term')
    .map((m) => [glossary.entries[m.entry]!.id, text.slice(m.start.offset, m.end.offset)]);

describe('terms as pages write them', () => {
  it('reads an enumeration with commas as the run-on term', () => {
    expect(found('坚持亲、诚、惠、容的周边外交理念')).toContainEqual(['amity-sincerity-benefit-inclusiveness', '亲、诚、惠、容']);
    expect(found('秉持共商、共建、共享原则')).toContainEqual(['consultation-contribution-shared-benefits', '共商、共建、共享']);
  });

  it('reads a compound without its dash', () => {
    expect(found('携手构建更加紧密的中国中亚命运共同体')).toContainEqual(['china-central-asia-community', '中国中亚命运共同体']);
    expect(found('中國中亞命運共同體')).toContainEqual(['china-central-asia-community', '中國中亞命運共同體']);
  });

  it('reads a term whose first part is quoted, in either script', () => {
    expect(found('高质量共建“一带一路”倡议')).toContainEqual(['belt-and-road', '一带一路”倡议']);
    expect(found('共建「一帶一路」倡議')).toContainEqual(['belt-and-road', '一帶一路」倡議']);
  });

  it('finds a distinctive English word as a whole word only', () => {
    expect(found('Both sides pledged to uphold multilateralism.')).toEqual([['multilateralism', 'multilateralism']]);
    expect(found('a multilateralist approach')).toEqual([]);
  });
});
