import { buildSync } from 'esbuild';
import { launchPlainBrowser } from '../../tests/e2e/support/browser';
import { routeSharedPages, sharedPage, SHARED_ORIGIN } from '../../tests/e2e/support/shared-pages';
import { generatedChinesePage } from './generated-page';
const files = process.argv.slice(2);
const bundles = files.map((f) => buildSync({ entryPoints: [f], bundle: true, format: 'iife', globalName: 'C', write: false, minify: true }).outputFiles[0]!.text);
const b = await launchPlainBrowser();
await routeSharedPages(b.context, ['en-wikipedia-new-zealand-large', 'hans-netease-list-large'].map(sharedPage), { '/gen/index.html': { body: generatedChinesePage() } });
const BARE = `(() => { const t = performance.now(); const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); let c = 0; for (let n = w.nextNode(); n; n = w.nextNode()) c += n.data.length; return [performance.now() - t, c]; })()`;
const RUN = `(() => { const t = performance.now(); const col = new C.TextCollector([document.body]); let n = 0, c = 0; for (let b = col.next(() => false); b; b = col.next(() => false)) { n += b.nodes.length; for (const x of b.chunks) c += x.length; } return [performance.now() - t, c, n]; })()`;
for (const name of ['en-wikipedia-new-zealand-large', 'hans-netease-list-large', 'gen']) {
  const res: Record<string, number[]> = {};
  for (let rep = 0; rep < 4; rep++) {
    for (const [i, code] of [['bare', ''], ...bundles.map((x, j) => [files[j]!.split('/').pop()!, x])] as const) {
      const page = await b.context.newPage();
      const cdp = await b.context.newCDPSession(page);
      await page.goto(`${SHARED_ORIGIN}/${name}/index.html`, { waitUntil: 'domcontentloaded', timeout: 120000 });
      await page.waitForTimeout(700);
      const { frameTree } = await cdp.send('Page.getFrameTree') as any;
      const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'w' }) as any;
      if (code) await cdp.send('Runtime.evaluate', { expression: code, contextId: executionContextId });
      const r = await cdp.send('Runtime.evaluate', { expression: code ? RUN : BARE, returnByValue: true, contextId: executionContextId }) as any;
      if (!r.result.value) console.log(JSON.stringify(r).slice(0, 500));
      (res[i] ??= []).push(r.result.value[0]);
      await page.close();
    }
  }
  console.log(name, Object.entries(res).map(([k, v]) => `${k} min ${Math.min(...v).toFixed(1)} med ${v.sort((a, b) => a - b)[1]!.toFixed(1)}`).join(' | '));
}
await b.close();
