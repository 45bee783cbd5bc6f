import { describe, expect, it } from 'vitest';
import { glossary } from '../../../assets/generated/glossary';
import { findQuotations } from '../../../lib/quote/index';
import { CORPUS, differencesOf } from './support';

const corpusOf = (q: { passage: number; corpus: readonly [number, number] }): string => CORPUS.passages[q.passage]!.text.slice(...q.corpus);

describe('a quotation aligned with the corpus', () => {
  it('finds the qualifier a traditional-Chinese page adds: 跨國有組織犯罪 for 跨国组织犯罪', () => {
    const page = '積極踐行共同、綜合、合作、可持續的新安全觀，聯手打擊「三股勢力」和跨國有組織犯罪、販毒。';
    const [q, ...rest] = findQuotations(CORPUS, page);
    expect(rest).toEqual([]);
    expect(q?.verdict).toBe('altered');
    expect(differencesOf(q!, page)).toEqual([{ kind: 'added', page: '有', corpus: '' }]);
    expect(corpusOf(q!)).toBe('积极践行共同、综合、合作、可持续的新安全观,联手打击“三股势力”和跨国组织犯罪、贩毒');
    expect(glossary.documents[q!.doc]!.blocks[q!.para]!.n).toBeGreaterThan(0);
  });

  it('finds an added 的, and takes neither the space nor the script for a difference', () => {
    const page = '使3300多公里的共同邊界成為友好、互信、合作的紐帶。';
    const [q] = findQuotations(CORPUS, page);
    expect(q?.verdict).toBe('altered');
    expect(differencesOf(q!, page)).toEqual([{ kind: 'added', page: '的', corpus: '' }]);
    expect(corpusOf(q!)).toBe('使 3300 多公里共同边界成为友好、互信、合作的纽带');
  });

  it('finds a changed subject at the start of a quoted sentence: 双方 for 我们', () => {
    const page = '习近平指出，双方顺应潮流、讲信修睦，在互谅互让基础上彻底解决历史遗留的边界问题。';
    const [q] = findQuotations(CORPUS, page);
    expect(q?.verdict).toBe('altered');
    expect(differencesOf(q!, page)).toEqual([{ kind: 'changed', page: '双方', corpus: '我们' }]);
    // The page's own words before the quotation are not part of it.
    expect(page.slice(...q!.page)).toBe('双方顺应潮流、讲信修睦，在互谅互让基础上彻底解决历史遗留的边界问题');
  });

  it('calls an exact quotation verbatim, whatever its punctuation, width and spacing', () => {
    const page = '我們順應潮流，講信修睦；在互諒互讓基礎上徹底解決歷史遺留的邊界問題，使３３００多公里 共同邊界成為友好互信合作的紐帶';
    const [q] = findQuotations(CORPUS, page);
    expect(q?.verdict).toBe('verbatim');
    expect(q?.ops.map((op) => op.kind)).toEqual(['same']);
  });

  it('calls a quotation that only leaves words out abridged', () => {
    const page = '我们顺应潮流、讲信修睦，彻底解决历史遗留的边界问题，使3300多公里共同边界成为友好、互信、合作的纽带。';
    const [q] = findQuotations(CORPUS, page);
    expect(q?.verdict).toBe('abridged');
    expect(differencesOf(q!, page)).toEqual([{ kind: 'dropped', page: '', corpus: '在互谅互让基础上' }]);
  });

  it('reports a clause the page moved as dropped there and added here', () => {
    const page = '联手打击“三股势力”和贩毒、跨国组织犯罪，坚决反对外部干涉和策动“颜色革命”。';
    const [q] = findQuotations(CORPUS, page);
    expect(q?.verdict).toBe('altered');
    expect(differencesOf(q!, page)).toEqual([
      { kind: 'added', page: '贩毒', corpus: '', moved: true },
      { kind: 'dropped', page: '', corpus: '贩毒', moved: true },
    ]);
  });

  it('reports a reworded sentence that keeps most of the corpus sentence as a paraphrase', () => {
    const page = '在互谅互让的基础上，中国同中亚各国彻底解决了历史遗留的边界问题，让3300多公里边境成为友好合作的纽带。';
    const found = findQuotations(CORPUS, page);
    expect(found.map((q) => q.verdict)).toEqual(['paraphrase']);
  });

  it('finds each of two quotations in one paragraph, and nothing in text the corpus does not hold', () => {
    const page = '他说，我们顺应潮流、讲信修睦。记者注意到，今天天气很好。积极践行共同、综合、合作、可持续的新安全观。';
    expect(findQuotations(CORPUS, page).map((q) => q.verdict)).toEqual(['verbatim', 'verbatim']);
    expect(findQuotations(CORPUS, '今天天气很好，我们去公园散步吧。')).toEqual([]);
  });
});
