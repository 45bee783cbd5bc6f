import { describe as group, expect, it } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { glossaryGate } from '../../../content/loader/shipped-prefilter';
import { glossaryPatterns, matcherKey } from '../../../lib/glossary/matcher-input';
import { charInfo, F_HAN, F_IGNORE, F_WORD, FLAG_SHIFT, NORM_MASK } from '../../../lib/match/char-table';
import { buildPrefilter, compileMatcher } from '../../../lib/match/index';
import { expandPatterns } from '../../../lib/match/patterns';
import { GATE_MAX_WORD, hanOf, TextGate, WORDISH } from '../../../lib/match/text-gate';
import { CORPUS, prng, realisticPatterns } from './fixtures';
import { randomPage } from './generate';
import { glossaryTools } from '../../../scripts/glossary-tools';

const CASES = Number(process.env.MATCH_PROPERTY_CASES ?? 3_000);

const flags = (unit: number): number => charInfo()[unit]! >>> FLAG_SHIFT;
const folded = (unit: number): number => (unit + charInfo()[unit]!) & NORM_MASK;
const ignorable = (unit: number): boolean => (flags(unit) & F_IGNORE) !== 0;

/** The longest word of each pattern without Han characters: what the prefilter looks such a pattern up by. */
function patternWords(): string[] {
  const words: string[] = [];
  for (const key of expandPatterns(glossaryPatterns(glossary).filter((p) => !p.stop)).keys) {
    if ([...key].some((c) => flags(c.charCodeAt(0)) & F_HAN)) continue;
    const runs = key.split(/[^\p{L}\p{N}_]+/u).filter((w) => w !== '');
    const best = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
    if (best !== '') words.push(best);
  }
  return words;
}

group('the text gate (the whole page read natively, before any walk)', () => {
  const gate = glossaryGate(matcherKey(glossary))!;

  it('keeps every character the prefilter reads as Han, and reads every letter, digit and ignorable in its runs', () => {
    for (let unit = 0; unit < 0x10000; unit++) {
      const c = String.fromCharCode(unit);
      if (!ignorable(unit) && flags(folded(unit)) & F_HAN) expect(hanOf([c]), unit.toString(16)).toBe(c);
      const wordish = ignorable(unit) || (!(flags(folded(unit)) & F_HAN) && (flags(folded(unit)) & F_WORD) !== 0);
      if (wordish && !(unit >= 0xd800 && unit < 0xe000)) expect(new RegExp(`^${WORDISH.source}$`, 'u').test(c), unit.toString(16)).toBe(true);
    }
  });

  it('finds every pattern word as a piece of a longer run (a block boundary the read no longer shows may cut it out)', () => {
    const words = patternWords();
    expect(words.length).toBeGreaterThan(100);
    for (const word of words) {
      expect(word.length).toBeLessThanOrEqual(GATE_MAX_WORD);
      expect(gate.mayHoldCutWord([`zq${word}qz`]), word).toBe(true);
    }
  });

  it('lets through terms split by tags, spacing, punctuation, width, traditional forms and plurals', () => {
    // Inline tags: the read joins the pieces as the walk's chunks would be joined.
    expect(gate.mayMatch(['双方同意共建“一', '带', '一路”。'])).toBe(true);
    expect(gate.mayMatch(['中国 — 中 亚命运共同体'])).toBe(true);
    expect(gate.mayMatch(['ＢＥＬＴ ａｎｄ ＲＯＡＤ'])).toBe(true);
    expect(gate.mayMatch(['Be\u00adlt and Road'])).toBe(true);
    expect(gate.mayMatch(['人類命運共同體'])).toBe(true);
    expect(gate.mayMatch(['一帶一路'])).toBe(true);
    expect(gate.mayMatch(['the five Central Asian states'])).toBe(true);
    expect(gate.mayMatch(['two virtual summits'])).toBe(true);
    // Menu items in blocks with no space between them: `<li>News</li><li>Belt and Road</li>`.
    expect(gate.mayMatch(['NewsBelt and Road'])).toBe(true);
    expect(gate.mayMatch(['Home', 'Central Asia'])).toBe(true);
  });

  it('rules out ordinary news text', () => {
    expect(gate.mayMatch(['苹果公司今天发布了新款手机，搭载更快的芯片和更长的电池续航。', 'Apple released a new phone today.'])).toBe(false);
    expect(gate.mayMatch([''])).toBe(false);
  });

  it('never rules out a text the matcher finds something in, however the read joins its chunks (seeded)', () => {
    const patterns = realisticPatterns(400, 1);
    const options = { minQuoteHan: 6, quoteVariants: glossary.quoteVariants };
    const matcher = compileMatcher(patterns, CORPUS, options);
    const seeded = new TextGate(buildPrefilter(patterns, CORPUS, options));
    let ruledOut = 0;
    for (let c = 0; c < CASES; c++) {
      const rnd = prng(90_000 + c);
      const page = randomPage(rnd, patterns, 1 + Math.floor(rnd() * 4), (r, text) => glossaryTools.traditional(text)[Math.floor(r() * 3)] ?? text);
      // The read: the chunks joined, cut again only at a few random points (skipped elements).
      const joined = page.chunks.join('');
      const cut = Math.floor(rnd() * (joined.length + 1));
      const texts = rnd() < 0.5 ? [joined] : [joined.slice(0, cut), joined.slice(cut)];
      if (seeded.mayMatch(texts)) continue;
      ruledOut++;
      const found = matcher.match(page.chunks, page.boundaries);
      if (found.length > 0) expect({ seed: 90_000 + c, page, found }).toEqual({ seed: 90_000 + c, page, found: [] });
    }
    expect(ruledOut).toBeGreaterThan(CASES / 10);
  });
});
