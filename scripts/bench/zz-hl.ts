import { launchPlainBrowser } from '../../tests/e2e/support/browser';
import { routeSharedPages, sharedPage, SHARED_ORIGIN } from '../../tests/e2e/support/shared-pages';
import { generatedChinesePage } from './generated-page';
const b = await launchPlainBrowser();
await routeSharedPages(b.context, [sharedPage('en-wikipedia-new-zealand-large'), sharedPage('hans-qq-tech')], { '/gen/index.html': { body: generatedChinesePage() } });
for (const name of ['en-wikipedia-new-zealand-large', 'gen', 'hans-qq-tech']) {
  const page = await b.context.newPage();
  await page.goto(`${SHARED_ORIGIN}/${name}/index.html`, { waitUntil: 'domcontentloaded', timeout: 120000 });
  await page.addStyleTag({ content: process.env.DECO ? '::highlight(x){background-color: rgba(255,183,0,0.2); text-decoration: underline solid rgba(214,137,0,0.9)}' : '::highlight(x){background:yellow}' });
  await page.waitForTimeout(1500);
  const r = await page.evaluate(`(async () => {
    const frame = (fn) => new Promise((res) => requestAnimationFrame(() => { const t0 = performance.now(); fn(); const ch = new MessageChannel(); ch.port1.onmessage = () => res(performance.now() - t0); ch.port2.postMessage(0); }));
    const texts = []; const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); for (let n = w.nextNode(); n; n = w.nextNode()) if (n.data.trim().length > 3) texts.push(n);
    const out = {};
    out.idle = [await frame(() => {}), await frame(() => {}), await frame(() => {})];
    const h = new Highlight(); CSS.highlights.set('x', h);
    out.one = [];
    for (let i = 0; i < 3; i++) out.one.push(await frame(() => { const n = texts[(i * 7919) % texts.length]; h.add(new StaticRange({ startContainer: n, startOffset: 0, endContainer: n, endOffset: 2 })); }));
    out.hundred = [];
    for (let i = 0; i < 3; i++) out.hundred.push(await frame(() => { for (let j = 0; j < 100; j++) { const n = texts[(i * 100 + j) * 31 % texts.length]; h.add(new StaticRange({ startContainer: n, startOffset: 0, endContainer: n, endOffset: 2 })); } }));
    out.clear = [await frame(() => h.clear())];
    out.idle2 = [await frame(() => {}), await frame(() => {})];
    return out;
  })()`);
  console.log(name, JSON.stringify(r, (k, v) => typeof v === 'number' ? Number(v.toFixed(1)) : v));
  await page.close();
}
await b.close();
