import { describe as group, expect, it } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { PREFILTER, PREFILTER_KEY } from '../../../assets/generated/prefilter';
import { glossaryPrefilter, prefilterData } from '../../../content/loader/shipped-prefilter';
import { glossaryCorpus, glossaryMatcherOptions, glossaryPatterns, matcherKey } from '../../../lib/glossary/matcher-input';
import { buildPrefilter, compileMatcher, Prefilter } from '../../../lib/match/index';
import type { Boundary, CorpusPassage, Pattern } from '../../../lib/match/index';
import { CORPUS, prng, realisticPatterns } from './fixtures';
import { randomPage } from './generate';
import { glossaryTools } from '../../../scripts/glossary-tools';

const CASES = Number(process.env.MATCH_PROPERTY_CASES ?? 10_000);

function prefilterOf(forms: readonly string[], corpus: readonly CorpusPassage[] = [], minQuoteHan?: number): Prefilter {
  const patterns: Pattern[] = forms.map((form, entry) => ({ form, entry, script: /[a-z]/i.test(form) ? 'en' : 'hans' }));
  return new Prefilter(buildPrefilter(patterns, corpus, minQuoteHan === undefined ? {} : { minQuoteHan }));
}

group('the prefilter', () => {
  const terms = prefilterOf(['Belt and Road', 'the Kazakh side', '一带一路', '中国—中亚命运共同体', '华']);

  it('rules out text with no term', () => {
    expect(terms.mayMatch(['The roadmap of the belts is long.', '今天天气很好，我们去公园散步。'])).toBe(false);
    expect(terms.mayMatch([''])).toBe(false);
    expect(terms.mayMatch([])).toBe(false);
  });

  it('lets through a term split by tags, punctuation, spacing and width variants', () => {
    expect(terms.mayMatch(['共建“一带', '一路”倡议'])).toBe(true);
    expect(terms.mayMatch(['中国 — 中 亚命运'])).toBe(true);
    expect(terms.mayMatch(['the ', 'Kaz', 'akh side'])).toBe(true);
    expect(terms.mayMatch(['ＢＥＬＴ and Road'])).toBe(true);
    expect(terms.mayMatch(['Be\u00adlt and Road'])).toBe(true);
    // A single Han character of a pattern, and Kangxi radicals folded to the ideograph.
    expect(terms.mayMatch(['中华'])).toBe(true);
    expect(terms.mayMatch(['⼀带⼀路'])).toBe(true);
  });

  it('lets through a word that a block boundary may cut out of a longer one', () => {
    // "xyz" | "Belt and Road": as one word "xyzbelt" no pattern's, as two the pattern starts.
    expect(terms.mayMatch(['xyz', 'Kazakh people'])).toBe(true);
    expect(terms.mayMatch(['The Kazakh', 'people'])).toBe(true);
    expect(terms.mayMatch(['xyz', 'Kazakhs'])).toBe(false);
    // A word cut into more pieces than it tracks: let through rather than hash every piece.
    expect(terms.mayMatch([...'abcdefghijklmnopqrstuvwxyz'])).toBe(true);
    expect(terms.mayMatch([...'abcdefghijklmn'])).toBe(false);
  });

  it('lets through a run of the corpus long enough to be a quote', () => {
    const corpus: CorpusPassage[] = [{ doc: 0, para: 0, text: '中国古人云：“道虽迩，不行不至；事虽小，不为不成。”' }];
    const quotes = prefilterOf(['Belt and Road'], corpus);
    expect(quotes.mayMatch(['他说：道虽迩，不行不至；事虽小，不为', '不成。'])).toBe(true);
    // Eleven Han characters of the run only.
    expect(quotes.mayMatch(['他说：道虽迩，不行不至；事虽小，不'])).toBe(false);
    expect(prefilterOf([], corpus, 4).mayMatch(['不行不至'])).toBe(true);
    expect(prefilterOf([], corpus, 4).mayMatch(['不行不'])).toBe(false);
    // Quotes off: only terms count.
    expect(new Prefilter(buildPrefilter([], corpus, { quotes: false })).mayMatch(['道虽迩，不行不至；事虽小，不为不成'])).toBe(false);
  });

  it('lets everything through when a pattern has neither Han characters nor words', () => {
    expect(prefilterOf(['——']).mayMatch(['nothing here'])).toBe(true);
    expect(prefilterOf([], CORPUS, 1).mayMatch(['a'])).toBe(true);
  });

  it('never rules out a text the matcher finds something in (seeded, windows of random pages)', () => {
    const patterns = realisticPatterns(400, 1);
    // Quotes in traditional characters too: the prefilter reads their variants as the matcher does.
    const options = { minQuoteHan: 6, quoteVariants: glossary.quoteVariants };
    const matcher = compileMatcher(patterns, CORPUS, options);
    const prefilter = new Prefilter(buildPrefilter(patterns, CORPUS, options));
    let ruledOut = 0;
    let windows = 0;
    for (let c = 0; c < CASES; c++) {
      const rnd = prng(70_000 + c);
      const page = randomPage(rnd, patterns, 1 + Math.floor(rnd() * 4), (r, text) => glossaryTools.traditional(text)[Math.floor(r() * 3)] ?? text);
      // Every window of one to three chunks: many hold nothing, which the prefilter must see.
      for (let from = 0; from < page.chunks.length; from++) {
        for (let to = from + 1; to <= Math.min(page.chunks.length, from + 3); to++) {
          const chunks = page.chunks.slice(from, to);
          const boundaries: Boundary[] = page.boundaries.slice(from, to - 1);
          windows++;
          if (prefilter.mayMatch(chunks)) continue;
          ruledOut++;
          const found = matcher.match(chunks, boundaries);
          if (found.length > 0) expect({ seed: 70_000 + c, chunks, boundaries, found }).toEqual({ seed: 70_000 + c, chunks, boundaries, found: [] });
        }
      }
    }
    // It must rule out a fair share, or the test proves nothing.
    expect(ruledOut).toBeGreaterThan(windows / 10);
  });

  it('is the one the build shipped for this glossary', () => {
    expect(PREFILTER_KEY).toBe(matcherKey(glossary));
    expect(prefilterData(PREFILTER)).toEqual(buildPrefilter(glossaryPatterns(glossary), glossaryCorpus(glossary), glossaryMatcherOptions(glossary)));
    expect(/^[\x20-\x7e]*$/.test(JSON.stringify(PREFILTER))).toBe(true);
    expect(glossaryPrefilter(matcherKey(glossary))).not.toBeNull();
    expect(glossaryPrefilter(matcherKey(glossary), { key: '0:other:1', data: PREFILTER })).toBeNull();
  });

  it('lets through a quotation written in traditional characters, with the variants the matcher takes', () => {
    const options = { quoteVariants: glossary.quoteVariants };
    const quote = glossaryTools.traditional('道虽迩，不行不至；事虽小，不为不成')[0]!;
    expect(quote).toBe('道雖邇，不行不至；事雖小，不為不成');
    expect(new Prefilter(buildPrefilter([], CORPUS, options)).mayMatch(['古語說：', quote])).toBe(true);
    expect(new Prefilter(buildPrefilter([], CORPUS, {})).mayMatch(['古語說：', quote])).toBe(false);
    // Ordinary traditional text stays ruled out.
    expect(new Prefilter(buildPrefilter([], CORPUS, options)).mayMatch(['蘋果公司今天發佈了新款手機，搭載更快的晶片和更長的電池續航。'])).toBe(false);
  });

  it('rules out ordinary news text with the real glossary, and lets its terms through', () => {
    const prefilter = glossaryPrefilter(matcherKey(glossary))!;
    expect(prefilter.mayMatch(['苹果公司今天发布了新款手机，搭载更快的芯片和更长的电池续航。', 'Apple released a new phone today.'])).toBe(false);
    expect(prefilter.mayMatch(['双方同意共建', '“一带一路”。'])).toBe(true);
    expect(prefilter.mayMatch(['He spoke of a community with a shared future for mankind.'])).toBe(true);
  });
});
