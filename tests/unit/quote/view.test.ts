import { describe, expect, it } from 'vitest';
import { quotationAt } from '../../../lib/quote/index';
import { CORPUS } from './support';

/** Each side of a view, read back whole, and its differences. */
function sides(page: string, from: number, to: number) {
  const view = quotationAt(CORPUS, page, from, to)!;
  return {
    verdict: view.verdict,
    page: view.segments.map((s) => s.page).join(''),
    corpus: view.segments.map((s) => s.corpus).join(''),
    differences: view.segments.filter((s) => s.kind !== 'same').map((s) => `${s.kind}:${s.page}/${s.corpus}`),
  };
}

describe('a quotation as the card shows it', () => {
  it('covers the page’s quotation and the corpus passage entirely, punctuation as each writes it', () => {
    const page = '他表示，各方應積極踐行共同、綜合、合作、可持續的新安全觀，聯手打擊「三股勢力」和跨國有組織犯罪、販毒。';
    const at = page.indexOf('積極');
    expect(sides(page, at, at + 12)).toEqual({
      verdict: 'altered',
      page: '積極踐行共同、綜合、合作、可持續的新安全觀，聯手打擊「三股勢力」和跨國有組織犯罪、販毒',
      corpus: '积极践行共同、综合、合作、可持续的新安全观,联手打击“三股势力”和跨国组织犯罪、贩毒',
      differences: ['added:有/'],
    });
  });

  it('picks the quotation the traced run is in when a paragraph holds two', () => {
    const page = '他说，我们顺应潮流、讲信修睦。记者注意到，今天天气很好。积极践行共同、综合、合作、可持续的新安全观。';
    const at = page.indexOf('共同、综合');
    expect(sides(page, at, at + 8).corpus).toBe('积极践行共同、综合、合作、可持续的新安全观');
    expect(sides(page, 3, 10).corpus).toBe('我们顺应潮流、讲信修睦');
  });

  it('shows an omission as a drop on the corpus side only', () => {
    const page = '中国同中亚五国30年合作的成功密码，在于我们始终相互尊重、同舟共济、互利共赢。';
    const s = sides(page, 0, 12);
    expect(s.verdict).toBe('abridged');
    expect(s.differences).toEqual(['dropped:/睦邻友好']);
    expect(s.page).toBe('中国同中亚五国30年合作的成功密码，在于我们始终相互尊重、同舟共济、互利共赢');
  });

  it('finds nothing where the traced run is not in any quotation', () => {
    expect(quotationAt(CORPUS, '今天天气很好，我们去公园散步吧。', 0, 5)).toBeNull();
  });
});
