import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/support/browser';
import type { ExtensionBrowser } from '../../scripts/support/browser';
import { readDialog, waitForLens } from '../../scripts/support/page-probe';
import type { AxNode } from '../../scripts/support/page-probe';
import { startServer } from '../../scripts/support/server';
import type { PageServer } from '../../scripts/support/server';

/** Sentences of the speech as news reports quote them: each with known edits, one a paragraph. */
const SIMPLIFIED = [
  // A changed subject: 双方 for 我们.
  '习近平指出，双方顺应潮流、讲信修睦，在互谅互让基础上彻底解决历史遗留的边界问题，使3300多公里共同边界成为友好、互信、合作的纽带。',
  // A report rewording the sentence around what it keeps.
  '报道说，双方顺应潮流、讲信修睦，通过友好协商解决了边界问题，使3300多公里共同边界成为友好、互信、合作的纽带。',
  // Only an omission: 睦邻友好 left out.
  '他说，中国同中亚五国30年合作的成功密码，在于我们始终相互尊重、同舟共济、互利共赢。',
  // Word for word.
  '习近平说，我们正面对着百年变局和世纪疫情交织的严峻形势，加强团结合作、共同应对挑战的呼声更加强烈。',
];

/** A Hong Kong republication: 跨國有組織犯罪 for 跨国组织犯罪, 3300多公里的共同邊界 for 3300 多公里共同边界. */
const TRADITIONAL = [
  '他表示，各方應積極踐行共同、綜合、合作、可持續的新安全觀，聯手打擊「三股勢力」和跨國有組織犯罪、販毒。',
  '他說，30年來，我們順應潮流、講信修睦，在互諒互讓基礎上徹底解決歷史遺留的邊界問題，使3300多公里的共同邊界成為友好、互信、合作的紐帶。',
  '歲月不居，時光如流。無論國際風雲如何變幻，無論未來中國發展到什麼程度，中國都始終是中亞國家值得信任和倚重的好鄰居、好夥伴、好朋友、好兄弟。',
];

const page = (lang: string, title: string, paragraphs: string[]): string =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<style>p { margin: 0 0 420px; font-size: 18px; max-width: 640px; }</style></head>
<body><article>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;

/** What the card says of the quotation, read from the accessibility tree as a screen reader hears it. */
interface Heard {
  text: string;
  /** The text of each insertion and deletion, its spoken label included. */
  inserted: string[];
  deleted: string[];
}

function textOf(node: AxNode, byId: Map<string, AxNode>): string {
  const name = node.name?.value;
  if (node.role?.value === 'StaticText') return typeof name === 'string' ? name : '';
  return (node.childIds ?? [])
    .map((id) => byId.get(id))
    .map((child) => (child ? textOf(child, byId) : ''))
    .join('');
}

describe('quote fidelity in the quotation card', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;

  beforeAll(async () => {
    server = await startServer({
      '/hans.html': { body: page('zh-CN', '中亚峰会综述', SIMPLIFIED) },
      '/hant.html': { body: page('zh-HK', '中亞峰會綜述', TRADITIONAL) },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string): Promise<{ tab: Page; cdp: CDPSession }> {
    const tab = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(tab);
    await tab.goto(server.url(path));
    await waitForLens(tab);
    return { tab, cdp };
  }

  /**
   * Rests the pointer on the quotation traced in paragraph `n`, on a character no term covers
   * (a term there would open its own card), and reads the card that opens.
   */
  async function cardOfParagraph(tab: Page, cdp: CDPSession, n: number): Promise<Heard> {
    await tab.keyboard.press('Escape');
    await tab.mouse.move(5, 5);
    const at = await tab.evaluate((index) => {
      const p = document.querySelectorAll('p')[index];
      if (!p) return null;
      p.scrollIntoView({ block: 'center' });
      const live = (r: AbstractRange): Range => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range;
      };
      const terms = [...(CSS.highlights.get('tifa-lens-term') ?? [])].map(live);
      for (const r of CSS.highlights.get('tifa-lens-quote') ?? []) {
        const quote = live(r);
        if (!p.contains(quote.startContainer)) continue;
        const node = quote.startContainer;
        const end = quote.endContainer === node ? quote.endOffset : (node.textContent ?? '').length;
        for (let i = quote.startOffset; i < end; i++) {
          const probe = document.createRange();
          probe.setStart(node, i);
          probe.setEnd(node, i + 1);
          if (!/\p{Script=Han}/u.test(probe.toString())) continue;
          if (terms.some((t) => t.compareBoundaryPoints(Range.START_TO_START, probe) <= 0 && t.compareBoundaryPoints(Range.END_TO_END, probe) >= 0)) continue;
          const box = probe.getBoundingClientRect();
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
      }
      return null;
    }, n);
    if (!at) throw new Error(`no quotation traced in paragraph ${n}`);
    await tab.mouse.move(at.x, at.y);
    for (let i = 0; i < 60; i++) {
      const dialog = await readDialog(cdp);
      if (dialog && /^Quotation/u.test(dialog.name)) {
        const byId = new Map(dialog.nodes.map((node) => [node.nodeId, node]));
        // Layout drops the space after a hidden label's colon; a screen reader pauses there all the same.
        const of = (role: string): string[] =>
          dialog.nodes.filter((node) => node.role?.value === role).map((node) => textOf(node, byId).replace(/^([^:]+):\s*/u, '$1: '));
        return { text: dialog.text, inserted: of('insertion'), deleted: of('deletion') };
      }
      await tab.waitForTimeout(100);
    }
    throw new Error(`no quotation card for paragraph ${n}`);
  }

  describe('on a simplified-Chinese page', () => {
    let tab: Page;
    let cdp: CDPSession;
    beforeAll(async () => ({ tab, cdp } = await open('/hans.html')));

    it('calls a changed subject altered, and says what changed on each side', async () => {
      const card = await cardOfParagraph(tab, cdp, 0);
      expect(card.text).toContain('Verdict: altered');
      expect(card.inserted).toEqual(['changed to: 双方']);
      expect(card.deleted).toEqual(['changed from: 我们']);
      expect(card.text).toContain('This page');
      expect(card.text).toContain('《携手共命运 一起向未来》, paragraph 3');
    });

    it('calls a reworded sentence a close paraphrase, each difference marked', async () => {
      const card = await cardOfParagraph(tab, cdp, 1);
      expect(card.text).toContain('Verdict: close paraphrase');
      expect(card.inserted).toContain('changed to: 通过友好协商');
      expect(card.deleted).toContain('changed from: 在互谅互让基础上彻底');
    });

    it('calls an omission-only quotation abridged, and reads the dropped words', async () => {
      const card = await cardOfParagraph(tab, cdp, 2);
      expect(card.text).toContain('Verdict: abridged');
      expect(card.deleted).toEqual(['dropped: 睦邻友好']);
      expect(card.inserted).toEqual([]);
    });

    it('calls an exact quotation verbatim and shows its source sentence', async () => {
      const card = await cardOfParagraph(tab, cdp, 3);
      expect(card.text).toContain('Verdict: verbatim');
      expect([...card.inserted, ...card.deleted]).toEqual([]);
      expect(card.text).toContain('加强团结合作、共同应对挑战的呼声更加强烈');
    });
  });

  describe('on a traditional-Chinese page', () => {
    let tab: Page;
    let cdp: CDPSession;
    beforeAll(async () => ({ tab, cdp } = await open('/hant.html')));

    it('finds the added 有 of 跨國有組織犯罪, script and punctuation no difference', async () => {
      const card = await cardOfParagraph(tab, cdp, 0);
      expect(card.text).toContain('Verdict: altered');
      expect(card.inserted).toEqual(['added: 有']);
      expect(card.deleted).toEqual([]);
      expect(card.text).toContain('跨国组织犯罪');
    });

    it('finds the added 的 of 3300多公里的共同邊界, spacing no difference', async () => {
      const card = await cardOfParagraph(tab, cdp, 1);
      expect(card.text).toContain('Verdict: altered');
      expect(card.inserted).toEqual(['added: 的']);
      expect(card.deleted).toEqual([]);
    });

    it('calls a quotation in traditional characters verbatim', async () => {
      const card = await cardOfParagraph(tab, cdp, 2);
      expect(card.text).toContain('Verdict: verbatim');
      expect([...card.inserted, ...card.deleted]).toEqual([]);
    });
  });
});
