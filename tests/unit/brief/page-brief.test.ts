import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { compileMatcher } from '../../../lib/match/index';
import { glossaryCorpus, glossaryMatcherOptions, glossaryPatterns } from '../../../lib/glossary/matcher-input';
import { compareBriefs, pageBrief, renderBrief } from '../../../lib/brief/index';
import type { Brief } from '../../../lib/brief/index';
import type { TermCount } from '../../../lib/notes/types';
import { CORPUS } from '../quote/support';
import { ROOT } from '../support/corpus';

const FIXTURES = join(ROOT, 'tests/fixtures/quotes');
const html = readFileSync(join(FIXTURES, 'summit-page.html'), 'utf8');
/** The test page's blocks: its heading and paragraphs (the page is ours, its markup plain). */
const blocks = [...html.matchAll(/<(?:h1|p)>(.*?)<\/(?:h1|p)>/gu)].map((m) => m[1]!);
const title = /<title>(.*?)<\/title>/u.exec(html)![1]!;

const matcher = compileMatcher(glossaryPatterns(glossary), glossaryCorpus(glossary), glossaryMatcherOptions(glossary));

/** Terms per entry in order of first occurrence, as the content script's summary counts them. */
function termCounts(texts: readonly string[]): TermCount[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const m of matcher.matchText(text)) {
      if (m.kind !== 'term') continue;
      const id = glossary.entries[m.entry]!.id;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return [...counts].map(([entryId, count]) => ({ entryId, count }));
}

function briefOf(texts: readonly string[], url: string): Brief {
  return pageBrief(
    {
      title,
      url,
      readOn: '2026-12-07',
      blocks: texts,
      terms: termCounts(texts),
      notes: [{ quote: '跨國有組織犯罪', body: 'The Hong Kong rendering adds 有 ("organised"): *check* the original.' }],
    },
    CORPUS,
    glossary,
  );
}

describe('the analyst’s brief', () => {
  it('matches the checked brief of a page quoting the speech with known edits, in both scripts', () => {
    const brief = renderBrief(briefOf(blocks, 'https://example.test/summit?id=1'));
    const expectedPath = join(FIXTURES, 'summit-page.brief.md');
    if (process.env.UPDATE_BRIEF) writeFileSync(expectedPath, brief);
    expect(brief).toBe(readFileSync(expectedPath, 'utf8'));
  });

  it('gives each quotation its verdict and citation', () => {
    const { quotations } = briefOf(blocks, 'https://example.test/');
    expect(quotations.map((q) => [q.verdict, q.paragraph, q.differences.map((d) => `${d.kind}:${d.page}/${d.corpus}`)])).toEqual([
      ['verbatim', 1, []],
      ['altered', 3, ['changed:双方/我们']],
      ['altered', 5, ['added:有/']],
      ['abridged', 8, ['dropped:/睦邻友好']],
      ['verbatim', 10, []],
      ['paraphrase', 14, expect.any(Array)],
    ]);
  });

  it('compares two pages: the terms and quotations each has, and how each quotes a shared passage', () => {
    const a = briefOf(blocks, 'https://example.test/a');
    const b = briefOf(['30年来，我们顺应潮流、讲信修睦，彻底解决历史遗留的边界问题。', '中国主张共建“一带一路”。'], 'https://example.test/b');
    const text = compareBriefs(a, b);
    expect(text).toContain('- A: altered (changed “我们” to “双方”)');
    expect(text).toContain('- B: abridged (dropped “在互谅互让基础上”)');
    expect(text).toMatch(/Only B \(1\):\n- 一带一路/u);
    expect(text).toContain('Only A (5):');
  });
});
