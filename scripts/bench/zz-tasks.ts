import { launchBrowser } from '../../tests/e2e/support/browser';
import { routeSharedPages, sharedPage, SHARED_ORIGIN } from '../../tests/e2e/support/shared-pages';
import { startTrace } from './trace';
import type { TraceEvent } from './trace';
const name = process.argv[2] ?? 'en-wikipedia-new-zealand-large';
const b = await launchBrowser();
await routeSharedPages(b.context, [sharedPage(name)]);
const page = await b.context.newPage();
const cdp = await b.context.newCDPSession(page);
const stop = await startTrace(cdp);
const url = `${SHARED_ORIGIN}/${name}/index.html`;
await page.goto(url, { waitUntil: 'domcontentloaded' });
await page.waitForFunction(() => performance.getEntriesByName('tifa-lens:ready').length > 0);
await page.waitForTimeout(300);
const events = await stop();
const ev = events.find((e) => e.name === 'EvaluateScript' && String(e.args?.data?.url).includes('content.js'))!;
const main = events.filter((e) => e.pid === ev.pid && e.tid === ev.tid && e.ts >= ev.ts - 10).sort((a, b) => a.ts - b.ts);
const ready = main.find((e) => e.name === 'tifa-lens:ready')!;
const tasks = main.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.ts <= ready.ts + 1 && (e.dur ?? 0) > 300);
for (const t of tasks) {
  const inner = main.filter((e) => e.ts >= t.ts && e.ts <= t.ts + t.dur! && e !== t && ((e.dur ?? 0) > 200 || e.name.startsWith('tifa') || e.name === 'ScheduleYieldContinuation' || e.name === 'EvaluateScript' || e.name === 'FunctionCall'));
  console.log(((t.ts - ev.ts) / 1000).toFixed(1), (t.dur! / 1000).toFixed(1), inner.slice(0, 8).map((e) => `${e.name}${e.dur ? '(' + (e.dur / 1000).toFixed(1) + ')' : ''}${e.args?.data?.functionName ? ':' + e.args.data.functionName : ''}${e.args?.data?.url ? '@' + String(e.args.data.url).slice(-25) : ''}`).join(' '));
}
await b.close();
