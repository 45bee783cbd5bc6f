import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/support/browser';
import type { ExtensionBrowser } from '../../scripts/support/browser';
import { axText, centreOfHighlight, clickInDialog, highlightedTexts, readDialog, waitForLens } from '../../scripts/support/page-probe';
import type { AxNode } from '../../scripts/support/page-probe';
import { startServer } from '../../scripts/support/server';
import type { PageServer } from '../../scripts/support/server';

/** A Taiwanese report: Taiwan's names and words for the summit's terms. */
const TAIWAN = `<!doctype html><html lang="zh-TW"><head><meta charset="utf-8"><title>中亞視訊峰會</title></head>
<body><article>
<h1>習近平主持中國同中亞五國建交30週年視訊峰會</h1>
<p>哈薩克總統托卡葉夫在會中表示，哈方堅定奉行一中原則，盼與北京深化戰略夥伴關係。</p>
<p>國際奧會日前與北京討論冬奧及冬季帕運的籌備，中方也提議共建數位絲路。</p>
</article></body></html>`;

/** A Hong Kong report: Hong Kong's words and characters. */
const HONG_KONG = `<!doctype html><html lang="zh-HK"><head><meta charset="utf-8"><title>視像峰會</title></head>
<body><article>
<h1>習近平主持中國同中亞五國建交30周年視像峰會</h1>
<p>習近平表示，中國與中亞國家休戚與共，要推動文明交流互鑒。</p>
</article></body></html>`;

const pressed = (node: AxNode | undefined): unknown => node?.properties?.find((p) => p.name === 'pressed')?.value.value;

describe('Taiwanese and Hong Kong pages', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;

  beforeAll(async () => {
    server = await startServer({ '/tw.html': { body: TAIWAN }, '/hk.html': { body: HONG_KONG } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string): Promise<{ page: Page; cdp: CDPSession }> {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await page.goto(server.url(path));
    await waitForLens(page);
    return { page, cdp };
  }

  /** Rests the pointer on a highlighted term and reads the card that opens, named `name`. */
  async function cardOf(page: Page, cdp: CDPSession, text: string, name: string): Promise<{ name: string; text: string; nodes: AxNode[] }> {
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    const at = await centreOfHighlight(page, text);
    if (!at) throw new Error(`${text} is not highlighted`);
    await page.mouse.move(at.x, at.y);
    for (let i = 0; i < 60; i++) {
      const dialog = await readDialog(cdp);
      if (dialog?.name === name) return dialog;
      await page.waitForTimeout(100);
    }
    throw new Error(`no card named ${name} for ${text}`);
  }

  it('highlights Taiwan’s forms and opens their entries’ cards', async () => {
    const { page, cdp } = await open('/tw.html');
    expect(await highlightedTexts(page)).toEqual(
      expect.arrayContaining(['中國同中亞五國建交30週年視訊峰會', '托卡葉夫', '一中原則', '戰略夥伴關係', '國際奧會', '冬季帕運', '數位絲路']),
    );
    expect((await cardOf(page, cdp, '托卡葉夫', '托卡耶夫')).text).toContain('Kassym-Jomart Tokayev');
    expect((await cardOf(page, cdp, '國際奧會', '国际奥委会')).text).toContain('International Olympic Committee');
    expect((await cardOf(page, cdp, '冬季帕運', '冬残奥会')).text).toContain('Paralympic Winter Games');
    await page.close();
  });

  it('shows the source sentence in Taiwan’s characters, the simplified original behind a toggle', async () => {
    const { page, cdp } = await open('/tw.html');
    const card = await cardOf(page, cdp, '一中原則', '一个中国原则');
    const citation = /《[^》]+》, paragraph \d+/u.exec(card.text)?.[0];
    expect(citation).toBeDefined();
    expect(card.text).toContain('堅定支持一個中國原則');
    expect(card.text).not.toContain('坚定支持一个中国原则');
    const toggle = (nodes: AxNode[]): AxNode | undefined => nodes.find((n) => n.name?.value === 'Show original (simplified)');
    expect(pressed(toggle(card.nodes))).toBe('false');
    await clickInDialog(page, cdp, axText(toggle(card.nodes)?.role, 'button'), /^Show original \(simplified\)$/u);
    await expect.poll(async () => (await readDialog(cdp))?.text ?? '', { timeout: 5_000 }).toContain('坚定支持一个中国原则');
    const after = await readDialog(cdp);
    expect(pressed(toggle(after?.nodes ?? []))).toBe('true');
    expect(after?.text).toContain(citation);
    await page.close();
  });

  it('highlights Hong Kong’s forms and quotes the source in Hong Kong’s characters', async () => {
    const { page, cdp } = await open('/hk.html');
    expect(await highlightedTexts(page)).toEqual(expect.arrayContaining(['中國同中亞五國建交30周年視像峰會', '休戚與共', '文明交流互鑒']));
    const card = await cardOf(page, cdp, '中國同中亞五國建交30周年視像峰會', '中国同中亚五国建交30周年视频峰会');
    expect(card.text).toContain('主持中國同中亞五國建交 30 周年視頻峯會');
    const mutual = await cardOf(page, cdp, '文明交流互鑒', '文明交流互鉴');
    expect(mutual.text).toContain('文明交流互鑒的新篇章');
    expect(browser.extensionErrors).toEqual([]);
    await page.close();
  });
});
