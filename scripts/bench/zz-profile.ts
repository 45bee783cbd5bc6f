import { launchBrowser } from '../../tests/e2e/support/browser';
import { routeSharedPages, sharedPage, SHARED_ORIGIN } from '../../tests/e2e/support/shared-pages';
import { generatedChinesePage } from './generated-page';
const name = process.argv[2] ?? 'gen';
const b = await launchBrowser();
await routeSharedPages(b.context, ['en-wikipedia-new-zealand-large', 'hans-netease-list-large', 'hans-qq-tech'].map(sharedPage), { '/gen/index.html': { body: generatedChinesePage() } });
const page = await b.context.newPage();
const cdp = await b.context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto(`${SHARED_ORIGIN}/${name}/index.html`, { waitUntil: 'domcontentloaded', timeout: 120000 });
await page.waitForFunction(() => performance.getEntriesByName('tifa-lens:ready').length > 0, undefined, { timeout: 120000 });
await page.waitForTimeout(500);
const { profile } = await cdp.send('Profiler.stop') as any;
const entries = await page.evaluate(() => performance.getEntries().filter((e) => e.name.startsWith('tifa')).map((e) => `${e.name} ${e.startTime.toFixed(0)} ${e.duration.toFixed(1)} ${JSON.stringify((e as any).detail)?.slice(0, 300)}`));
console.log(entries.join('\n'));
const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<string, number>(); const incl = new Map<string, number>();
let total = 0;
const key = (x: any) => `${x.callFrame.functionName || '(anon)'} ${x.callFrame.url.includes('chrome-extension') ? 'EXT' : x.callFrame.url.slice(-20)}:${x.callFrame.lineNumber}:${x.callFrame.columnNumber}`;
for (let i = 0; i < profile.samples.length; i++) {
  const d = profile.timeDeltas[i + 1] ?? 0;
  const n = byId.get(profile.samples[i]);
  let inExt = false; for (let m: any = n; m; m = byId.get(parent.get(m.id)!)) if (m.callFrame.url.includes('chrome-extension')) { inExt = true; break; }
  if (!inExt) continue;
  total += d;
  self.set(key(n), (self.get(key(n)) ?? 0) + d);
  const seen = new Set<string>();
  for (let m: any = n; m; m = byId.get(parent.get(m.id)!)) { const k = key(m); if (seen.has(k)) continue; seen.add(k); incl.set(k, (incl.get(k) ?? 0) + d); }
}
console.log('total ext ms', (total / 1000).toFixed(1));
console.log('SELF\n' + [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1000).toFixed(1)} ${k}`).join('\n'));
console.log('INCL\n' + [...incl].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${(v / 1000).toFixed(1)} ${k}`).join('\n'));
await b.close();
