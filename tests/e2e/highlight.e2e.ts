import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchBrowser, launchPlainBrowser } from '../../scripts/support/browser';
import type { ExtensionBrowser, PlainBrowser } from '../../scripts/support/browser';
import { startServer } from '../../scripts/support/server';
import type { PageServer } from '../../scripts/support/server';
import { lensTrace, waitForTrace } from '../../scripts/support/lens-trace';
import { highlightedTexts, waitForLens } from '../../scripts/support/page-probe';

const QUOTE = '道虽迩，不行不至；事虽小，不为不成';

const MAIN = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>峰会</title>
<style>.flex { display: flex; gap: 1em; } .blocky { display: block; }</style></head>
<body>
<h1 id="title">中国同中亚五国建交 30 周年视频峰会</h1>
<p id="split">双方愿共建“<b>一带</b>一路”，推动高质量发展。</p>
<p id="dash">打造中国-中亚命运共同体。</p>
<p id="quote">正如古人所说：“${QUOTE}。”</p>
<p>一带</p><p>一路</p>
<div id="flex" class="flex"><span>丝绸之路</span><span>经济带</span></div>
<p id="blocky"><span class="blocky">多边</span><span>主义</span></p>
<textarea>人类命运共同体</textarea>
<input value="人类命运共同体">
<div contenteditable="true"><p>人类命运共同体</p></div>
<div contenteditable="plaintext-only">人类命运共同体</div>
<div style="display:none">人类命运共同体</div>
<p hidden>人类命运共同体</p>
<p style="visibility:hidden">人类命运共同体</p>
<script>window.sample = "人类命运共同体";</script>
<noscript>人类命运共同体</noscript>
<term-box id="box"></term-box>
<iframe id="frame" src="/frame.html" width="400" height="120"></iframe>
<script>
customElements.define('term-box', class extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const p = document.createElement('p');
    p.textContent = '坚持多边主义。';
    root.append(p);
  }
});
setTimeout(() => {
  const p = document.createElement('p');
  p.id = 'late';
  p.textContent = '我们要弘扬全人类共同价值。';
  document.body.insertBefore(p, document.getElementById('frame'));
}, 1000);
</script>
</body></html>`;

const FRAME = `<!doctype html><html lang="zh"><head><meta charset="utf-8"></head>
<body><p>携手构建人类命运共同体。</p></body></html>`;

const HANT = `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"><title>峰會</title></head>
<body><p>雙方願共建「一帶一路」，構建更加緊密的中國—中亞命運共同體。</p></body></html>`;

/** A sentence of the Xinhua feature in traditional characters, on a page with no glossary term. */
const HANT_QUOTE = '體育之於中國，是國家強盛的重要標識，是民族凝聚力的鮮明象徵';
const HANT_QUOTED = `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"><title>評論</title></head>
<body><p>一篇特稿寫道：「${HANT_QUOTE}。」</p></body></html>`;

const EN = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Summit</title></head>
<body><p>Xi said the <a href="#">Belt and Road</a> Initiative has borne fruit, and called for a
China-Central Asia community with a shared future.</p></body></html>`;

/**
 * Shadow roots on a div (declarative) and a span (from a script), and on custom elements the page
 * defines after load: one that gets a shadow root then, one that keeps its light DOM.
 */
const SHADOWS = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>组件</title></head>
<body>
<div id="div-host"><template shadowrootmode="open"><p>坚持多边主义。</p></template></div>
<p>文中：<span id="span-host"></span></p>
<section><late-box id="late-box"></late-box></section>
<light-box><p>共商共建共享</p></light-box>
<script>
document.getElementById('span-host').attachShadow({ mode: 'open' }).textContent = '高质量发展';
setTimeout(() => {
  customElements.define('late-box', class extends HTMLElement {
    constructor() {
      super();
      this.attachShadow({ mode: 'open' }).innerHTML = '<p>构建人类命运共同体</p>';
    }
  });
  customElements.define('light-box', class extends HTMLElement {});
}, 1500);
</script>
</body></html>`;

/** A page whose only term is in a component defined after load: the loader finds nothing at first. */
const LATE_ONLY = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>组件</title></head>
<body><p>今天天气很好。</p><news-card></news-card>
<script>
setTimeout(() => customElements.define('news-card', class extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = '<p>推动共建“一带一路”高质量发展</p>';
  }
}), 1500);
</script>
</body></html>`;

/** Text a page hides until the reader asks for it: a "read more" (a class), and a `<details>`. */
const REVEAL = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>全文</title>
<style>.more { display: none; } .open .more { display: block; }</style></head>
<body>
<article id="story"><p>开头的文字。</p><div class="more"><p id="more">坚持多边主义。</p></div>
<button id="expand" onclick="document.getElementById('story').classList.add('open')">展开全文</button></article>
<details id="faq"><summary>背景</summary><p id="answer">共建“一带一路”</p></details>
</body></html>`;

const ROUTES = {
  '/reveal.html': { body: REVEAL },
  '/shadows.html': { body: SHADOWS },
  '/late-only.html': { body: LATE_ONLY },
  '/main.html': { body: MAIN },
  '/frame.html': { body: FRAME },
  '/hant.html': { body: HANT },
  '/hant-quote.html': { body: HANT_QUOTED },
  '/en.html': { body: EN },
};

/** Where a highlighted range sits, by the id of its closest element. */
function highlightedIn(page: Page, name: string): Promise<string[]> {
  return page.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName);
    return [...(highlight ?? [])].map((r) => {
      const node = r.startContainer;
      const element = node instanceof Element ? node : node.parentElement;
      return element?.closest('[id]')?.id ?? element?.localName ?? '';
    });
  }, name);
}

function waitReady(target: Page | Frame): Promise<unknown> {
  return waitForLens(target, 15_000);
}

async function snapshot(page: Page): Promise<{ html: string; text: string }> {
  await page.waitForSelector('#late', { state: 'attached' });
  return page.evaluate(() => ({ html: document.documentElement.outerHTML, text: document.body.innerText }));
}

describe('highlighting on the page', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(ROUTES);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(server.url('/main.html'));
    await waitReady(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('highlights the terms of the page, through inline tags, dashes and spaces', async () => {
    const terms = await highlightedTexts(page, 'tifa-lens-term');
    expect(await highlightedIn(page, 'tifa-lens-term')).toEqual(expect.arrayContaining(['title', 'split', 'split', 'dash', 'quote', 'p']));
    expect(terms).toContain('中国同中亚五国建交 30 周年视频峰会');
    expect(terms).toContain('一带一路');
    expect(terms).toContain('高质量发展');
    expect(terms).toContain('中国-中亚命运共同体');
  });

  it('paints the terms in their colour (the style sheet reaches the page)', async () => {
    // The box of the first term on the page (at the top: no scrolling).
    const box = await page.evaluate(() => {
      const first = [...(CSS.highlights.get('tifa-lens-term') ?? [])][0] as AbstractRange;
      const range = document.createRange();
      range.setStart(first.startContainer, first.startOffset);
      range.setEnd(first.endContainer, first.endOffset);
      const r = range.getClientRects()[0]!;
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    });
    const png = (await page.screenshot({ clip: box })).toString('base64');
    // Decoded by the browser (no image library here): the share of pixels of the term's amber underline.
    const underline = await page.evaluate(async (data) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { data: px } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      let amber = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i]! > 180 && px[i + 1]! > 110 && px[i + 1]! < 170 && px[i + 2]! < 70) amber++;
      return amber / (px.length / 4);
    }, png);
    expect(underline).toBeGreaterThan(0.01);
  });

  it('does not join text across blocks, including blocks made by CSS', async () => {
    const terms = await highlightedTexts(page, 'tifa-lens-term');
    expect(terms.filter((t) => t === '一带一路')).toHaveLength(1);
    expect(terms).not.toContain('丝绸之路经济带');
    const places = await highlightedIn(page, 'tifa-lens-term');
    expect(places).not.toContain('flex');
    expect(places).not.toContain('blocky');
  });

  it('leaves form fields, editable regions, scripts and hidden text alone', async () => {
    const terms = await highlightedTexts(page, 'tifa-lens-term');
    // 人类命运共同体 is only written in places that must not be painted (the frame has its own).
    expect(terms.filter((t) => t === '人类命运共同体')).toEqual([]);
  });

  it('paints a quotation of the corpus as a quote', async () => {
    const quotes = await highlightedTexts(page, 'tifa-lens-quote');
    expect(quotes.some((q) => q.includes(QUOTE))).toBe(true);
  });

  it('scans open shadow roots of the page', async () => {
    const places = await page.evaluate(
      () => [...(CSS.highlights.get('tifa-lens-term') ?? [])].filter((r) => r.startContainer.getRootNode() instanceof ShadowRoot).length,
    );
    expect(places).toBe(1);
    // Still once after the page changed around the host and the body was rescanned.
    await page.waitForSelector('#late', { state: 'attached' });
    await waitForTrace(page, 'tifa-lens:scan', { count: 2 });
    const after = await page.evaluate(
      () => [...(CSS.highlights.get('tifa-lens-term') ?? [])].filter((r) => r.startContainer.getRootNode() instanceof ShadowRoot).length,
    );
    expect(after).toBe(1);
  });

  it('highlights a term inserted after load', async () => {
    await page.waitForFunction(() => [...(CSS.highlights.get('tifa-lens-term') ?? [])].some((r) => r.startContainer.parentElement?.id === 'late'), undefined, {
      timeout: 5_000,
    });
  });

  it('scans a same-origin iframe', async () => {
    const frame = page.frames().find((f) => f.url().endsWith('/frame.html'));
    expect(frame).toBeDefined();
    await waitReady(frame!);
    expect(await highlightedTexts(frame!, 'tifa-lens-term')).toEqual(['人类命运共同体']);
  });

  it('records each scan pass in its trace', async () => {
    const scans = await lensTrace(page, 'tifa-lens:scan');
    expect(scans.length).toBeGreaterThanOrEqual(1);
  });

  it('activates a term the pointer rests on', async () => {
    const box = await page.evaluate(() => {
      const target = document.querySelector('#dash')!.firstChild!;
      const r = [...(CSS.highlights.get('tifa-lens-term') ?? [])].find((x) => x.startContainer === target)!;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    const [mark] = await waitForTrace(page, 'tifa-lens:activate', { timeout: 5_000 });
    const detail = mark?.detail as { via: string; text: string };
    expect(detail).toMatchObject({ via: 'pointer', text: '中国-中亚命运共同体' });
  });

  it('takes the highlights of removed text off', async () => {
    await page.evaluate(() => document.getElementById('dash')!.remove());
    await page.waitForFunction(() => ![...(CSS.highlights.get('tifa-lens-term') ?? [])].some((r) => !r.startContainer.isConnected), undefined, {
      timeout: 5_000,
    });
    expect(await highlightedTexts(page, 'tifa-lens-term')).not.toContain('中国-中亚命运共同体');
  });

  it('rescans after a single-page-app navigation', async () => {
    await page.evaluate(() => {
      history.pushState({}, '', '/article-2.html');
      const p = document.createElement('p');
      p.id = 'spa';
      p.textContent = '坚持共商共建共享。';
      document.getElementById('title')!.replaceChildren('新文章');
      document.body.prepend(p);
    });
    await waitForTrace(page, 'tifa-lens:scan', { timeout: 5_000, where: (e) => (e.detail as { reason?: string }).reason === 'navigation' });
    await page.waitForFunction(() => [...(CSS.highlights.get('tifa-lens-term') ?? [])].some((r) => r.startContainer.parentElement?.id === 'spa'), undefined, {
      timeout: 5_000,
    });
    expect(await highlightedTexts(page, 'tifa-lens-term')).not.toContain('中国同中亚五国建交 30 周年视频峰会');
  });

  it('reports no error', () => {
    expect(browser.extensionErrors).toEqual([]);
  });
});

describe('other scripts and languages', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;

  beforeAll(async () => {
    server = await startServer(ROUTES);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('highlights a traditional-Chinese page', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/hant.html'));
    await waitReady(page);
    expect(await highlightedTexts(page, 'tifa-lens-term')).toEqual(['一帶一路', '中國—中亞命運共同體']);
    await page.close();
  });

  it('traces a quotation written in traditional characters, on a page with no term', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/hant-quote.html'));
    await waitReady(page);
    expect(await highlightedTexts(page, 'tifa-lens-quote')).toEqual([HANT_QUOTE]);
    expect(await highlightedTexts(page, 'tifa-lens-term')).toEqual([]);
    await page.close();
  });

  it('scans the shadow roots of any element that may hold one, also those a late definition adds', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/shadows.html'));
    await waitReady(page);
    const inShadows = (): Promise<string[]> =>
      page.evaluate(() =>
        [...(CSS.highlights.get('tifa-lens-term') ?? [])]
          .filter((r) => r.startContainer.getRootNode() instanceof ShadowRoot)
          .map((r) => `${(r.startContainer.getRootNode() as ShadowRoot).host.id}:${(r.startContainer as Text).data.slice(r.startOffset, r.endOffset)}`)
          .sort(),
      );
    expect(await inShadows()).toEqual(['div-host:多边主义', 'span-host:高质量发展']);
    await page.waitForFunction(() => customElements.get('late-box') !== undefined);
    await expect.poll(inShadows, { timeout: 5_000 }).toEqual(['div-host:多边主义', 'late-box:人类命运共同体', 'span-host:高质量发展']);
    expect(await highlightedTexts(page, 'tifa-lens-term')).toContain('共商共建共享');
    await page.close();
  });

  it('loads the lens for a term that only a component defined after load shows', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/late-only.html'));
    await waitReady(page);
    expect(await highlightedTexts(page, 'tifa-lens-term')).toEqual([]);
    await expect.poll(() => highlightedTexts(page, 'tifa-lens-term'), { timeout: 6_000 }).toEqual(['一带一路', '高质量发展']);
    await page.close();
  });

  it('highlights hidden text once the page shows it: a "read more", an opened <details>', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/reveal.html'));
    await waitReady(page);
    const places = (): Promise<string[]> => highlightedIn(page, 'tifa-lens-term').then((ids) => ids.sort());
    expect(await places()).toEqual([]);
    await page.click('#expand');
    await expect.poll(places, { timeout: 5_000 }).toEqual(['more']);
    await page.click('#faq summary');
    await expect.poll(places, { timeout: 5_000 }).toEqual(['answer', 'more']);
    expect(await highlightedTexts(page, 'tifa-lens-term')).toEqual(expect.arrayContaining(['多边主义', '一带一路']));
    await page.close();
  });

  it('highlights an English page', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/en.html'));
    await waitReady(page);
    // "Xi" alone is Xi Jinping where China is named in the same paragraph.
    expect(await highlightedTexts(page, 'tifa-lens-term')).toEqual(['Xi', 'Belt and Road Initiative', 'China-Central Asia community with a shared future']);
    await page.close();
  });
});

describe('the page is left as it was', () => {
  it('has the same DOM and text with and without the extension', async () => {
    const server = await startServer(ROUTES);
    const plain: PlainBrowser = await launchPlainBrowser();
    const withLens: ExtensionBrowser = await launchBrowser();
    try {
      const a = await plain.context.newPage();
      await a.goto(server.url('/main.html'));
      const b = await withLens.context.newPage();
      await b.goto(server.url('/main.html'));
      await waitReady(b);
      const [without, withExtension] = await Promise.all([snapshot(a), snapshot(b)]);
      expect(withExtension.html).toBe(without.html);
      expect(withExtension.text).toBe(without.text);
    } finally {
      await plain.close();
      await withLens.close();
      await server.close();
    }
  });
});
