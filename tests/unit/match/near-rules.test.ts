import { describe, expect, it } from 'vitest';
import { compileMatcher, loadMatcher, serializeMatcher } from '../../../lib/match/index';
import type { Boundary, CompiledMatcher, Pattern } from '../../../lib/match/index';

const PATTERNS: Pattern[] = [
  { form: '国家主席', entry: 0, script: 'hans', near: ['习近平', '中华人民共和国'] },
  { form: '主席', entry: 1, script: 'hans' },
  { form: 'sister city', entry: 2, script: 'en', near: ['Central Asia', 'Kazakhstan'] },
  { form: '一带一路', entry: 3, script: 'hans' },
];

const matcher = compileMatcher(PATTERNS, [], { quotes: false });
const forms = (m: CompiledMatcher, chunks: string[], boundaries?: Boundary[]): string[] => m.match(chunks, boundaries).map((x) => x.form);

describe('a form with near words', () => {
  it('matches where its block holds one of them', () => {
    expect(forms(matcher, ['国家主席在北京会见外宾。习近平表示，一带一路前景广阔。'])).toEqual(['国家主席', '一带一路']);
    expect(forms(matcher, ['中华人民共和国国家主席'])).toEqual(['国家主席']);
  });

  it('does not match in a block without them, while other terms there still do', () => {
    // The card would claim Vietnam's president is China's.
    expect(forms(matcher, ['越南国家主席武文赏会见一带一路合作伙伴。'])).toEqual(['主席', '一带一路']);
  });

  it('gives way to a shorter term inside it', () => {
    expect(forms(matcher, ['越南国家主席武文赏'])).toEqual(['主席']);
  });

  it('reads the whole block across inline boundaries, and only it', () => {
    const chunks = ['越南国家主席', '武文赏', '会见习近平'];
    expect(forms(matcher, chunks, ['inline', 'inline'])).toEqual(['国家主席']);
    expect(forms(matcher, chunks, ['inline', 'block'])).toEqual(['主席']);
    expect(forms(matcher, chunks, ['block', 'inline'])).toEqual(['主席']);
  });

  it('looks for near words in the context blocks when they are given apart', () => {
    // The scanner cuts at a span its style makes a block, but the paragraph stays the context.
    const chunks = ['越南国家主席', '武文赏', '会见习近平'];
    expect(forms(matcher, chunks, ['block', 'block'])).toEqual(['主席']);
    expect(matcher.match(chunks, ['block', 'block'], ['inline', 'inline']).map((m) => m.form)).toEqual(['国家主席']);
  });

  it('compares normalized text: width, case and spacing variants count', () => {
    expect(forms(matcher, ['Our SISTER CITY in ＫＡＺＡＫＨＳＴＡＮ'])).toEqual(['sister city']);
    expect(forms(matcher, ['Our sister city in Ohio'])).toEqual([]);
  });

  it('reads a near word with Latin edges as a whole word', () => {
    const xi = compileMatcher([{ form: 'high-quality development', entry: 0, script: 'en', near: ['Xi', 'IOC'] }], [], { quotes: false });
    expect(forms(xi, ['Xi called for high-quality development.'])).toEqual(['high-quality development']);
    expect(forms(xi, ['The IOC’s plan for high-quality development.'])).toEqual(['high-quality development']);
    expect(forms(xi, ['A taxi firm promised high-quality development of biocontrol agents.'])).toEqual([]);
    // A Han edge needs no boundary: CJK text has none.
    expect(forms(matcher, ['中华人民共和国国家主席'])).toEqual(['国家主席']);
  });

  it('keeps its near words through serialization', () => {
    const loaded = loadMatcher(serializeMatcher(matcher));
    expect(forms(loaded, ['越南国家主席武文赏'])).toEqual(['主席']);
    expect(forms(loaded, ['国家主席习近平'])).toEqual(['国家主席']);
  });

  it('costs nothing when no pattern has near words', () => {
    const plain = compileMatcher([{ form: '国家主席', entry: 0, script: 'hans' }], [], { quotes: false });
    expect(forms(plain, ['越南国家主席'])).toEqual(['国家主席']);
  });
});
