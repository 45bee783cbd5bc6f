// One measured load of a page: with the extension (its own trace and Chrome's), or
// without it (the bare TreeWalker floor, mark.js 8).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { lensTrace, waitForTrace } from '../support/lens-trace';
import type { TraceEntry } from '../support/lens-trace';
import { ROOT } from '../support/paths';
import { contentScriptCost, startTrace } from './trace';
import type { ContentScriptCost } from './trace';

/**
 * The `tifa-lens:scan` measure's detail (see content/lens/page-layer/page-scanner.ts); on a page where the lens
 * was never loaded, the loader's `tifa-lens:probe` (content/loader/page-probe.ts) in its shape.
 */
export interface ScanDetail {
  reason: string;
  textNodes: number;
  chars: number;
  matches: number;
  slices: number;
  longestSliceMs: number;
  busyMs: number;
  matchMs: number;
  walkMs: number;
  prefilterMs: number;
}

export interface ExtensionRun extends ContentScriptCost {
  scan: ScanDetail;
  /** Whether the loader loaded the lens (`tifa-lens:load-lens` mark): false on a page with nothing to match. */
  lensLoaded: boolean;
  compileMs: number;
  /** Terms and quotes the page summary counts. */
  terms: number;
  quotes: number;
  /** JS heap used after a forced GC, bytes (the whole page's isolate). */
  heapBytes: number;
}

export interface PlainRun {
  heapBytes: number;
  /**
   * A bare TreeWalker over the body's text nodes, reading each one's length, in an isolated world:
   * first (cold) and best of two more; and the first in the page's own world.
   */
  walkColdMs: number;
  walkWarmMs: number;
  walkMainColdMs: number;
  textNodes: number;
  chars: number;
}

export interface MarkRun {
  /** ms, or null when it ran past the timeout or failed. */
  ms: number | null;
  marks: number;
  /** What mark.js threw, if it did. */
  error?: string;
}

async function settledHeap(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Loads `url` in a browser with the extension, traced; reads what the content script cost. */
export async function measureExtension(context: BrowserContext, url: string, settleMs: number): Promise<ExtensionRun> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const stop = await startTrace(cdp);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await waitForTrace(page, 'tifa-lens:ready', { timeout: 120_000 });
    // Let the frame that paints the highlights, the badge report (400 ms after ready) and the
    // answer to the notes request happen before the trace stops: they are the content script's work too.
    await page.waitForTimeout(700);
    const events = await stop();
    const trace = await lensTrace(page);
    const cost = contentScriptCost(events, url, trace);
    const first = (name: string): TraceEntry | undefined => trace.find((e) => e.name === name);
    const scan = first('tifa-lens:scan') ?? first('tifa-lens:probe');
    const summary = first('tifa-lens:ready')?.detail as { terms?: number; quotes?: number } | null | undefined;
    const entries = {
      scan: { matches: 0, matchMs: 0, ...(scan?.detail as object) } as unknown,
      lensLoaded: first('tifa-lens:load-lens') !== undefined,
      compileMs: first('tifa-lens:compile')?.duration ?? 0,
      terms: summary?.terms ?? 0,
      quotes: summary?.quotes ?? 0,
    };
    await page.waitForTimeout(settleMs);
    const heapBytes = await settledHeap(cdp);
    return {
      ...cost,
      scan: entries.scan as ScanDetail,
      lensLoaded: entries.lensLoaded,
      compileMs: entries.compileMs,
      terms: entries.terms,
      quotes: entries.quotes,
      heapBytes,
    };
  } finally {
    await page.close();
  }
}

interface Walk {
  ms: number;
  nodes: number;
  chars: number;
}

/** A string, not a function: the bundler's name helpers don't exist in the page. */
const BARE_WALKS = `(() => {
  const out = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let nodes = 0;
    let chars = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes++;
      chars += n.data.length;
    }
    out.push({ ms: performance.now() - start, nodes, chars });
  }
  return out;
})()`;

async function bareWalks(cdp: CDPSession, contextId: number | undefined): Promise<Walk[]> {
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: BARE_WALKS,
    returnByValue: true,
    ...(contextId === undefined ? {} : { contextId }),
  });
  return result.value as Walk[];
}

/** Loads `url` without the extension: heap after the same settling, then the bare walks. */
export async function measurePlain(context: BrowserContext, url: string, settleMs: number): Promise<PlainRun> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    // As long as the extension's run waited for its content script (document_idle) and scan.
    await page.waitForTimeout(1000 + settleMs);
    const heapBytes = await settledHeap(cdp);
    // The floor in an isolated world, as a content script walks (its node wrappers are its own),
    // then in the page's world; each the first walk of its world, then the best of two more.
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'bench-floor' });
    const isolated = await bareWalks(cdp, executionContextId);
    const main = await bareWalks(cdp, undefined);
    return {
      heapBytes,
      walkColdMs: isolated[0]!.ms,
      walkWarmMs: Math.min(...isolated.slice(1).map((w) => w.ms)),
      walkMainColdMs: main[0]!.ms,
      textNodes: isolated[0]!.nodes,
      chars: isolated[0]!.chars,
    };
  } finally {
    await page.close();
  }
}

const MARK_JS = join(ROOT, 'node_modules/mark.js/dist/mark.min.js');

/** Every form in one alternation, longest first (what leftmost-longest needs). */
function alternation(forms: readonly string[]): string {
  return [...forms]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    .join('|');
}

/**
 * The mark.js calls compared with: `mark` of every term (one DOM pass each), the same with
 * `acrossElements`, and one RegExp of all terms across elements (one pass).
 */
export type MarkMode = 'terms' | 'termsAcross' | 'regexpAcross';

/**
 * Loads `url` without the extension, injects mark.js 8 into the page and times one marking of
 * every form of the glossary. Stops the page's script after `timeoutMs`.
 */
export async function measureMarkJs(context: BrowserContext, url: string, forms: readonly string[], mode: MarkMode, timeoutMs: number): Promise<MarkRun> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.waitForTimeout(1000);
    await page.addScriptTag({ content: readFileSync(MARK_JS, 'utf8') });
    const run = page.evaluate<{ ms: number; marks: number }>(`(() => {
      const terms = ${JSON.stringify(forms)};
      const instance = new Mark(document.body);
      let marks = 0;
      const options = { separateWordSearch: false, diacritics: false, each() { marks++; } };
      const start = performance.now();
      const mode = ${JSON.stringify(mode)};
      if (mode === 'regexpAcross') {
        instance.markRegExp(new RegExp(${JSON.stringify(alternation(forms))}, 'gmiu'), Object.assign({}, options, { acrossElements: true }));
      } else {
        // One call per term: given the array, mark.js starts each term's pass from the callback of
        // the one before, and ~1,000 nested passes can overflow the stack (it did, now and then).
        const perTerm = Object.assign({}, options, { acrossElements: mode === 'termsAcross' });
        for (const term of terms) instance.mark(term, perTerm);
      }
      return { ms: performance.now() - start, marks };
    })()`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
    });
    let result: { ms: number; marks: number } | null;
    try {
      result = await Promise.race([run, timeout]);
    } catch (error) {
      clearTimeout(timer);
      return { ms: null, marks: 0, error: error instanceof Error ? error.message.split('\n')[0]!.replace(/^page\.evaluate: /u, '') : String(error) };
    }
    clearTimeout(timer);
    if (result === null) {
      await cdp.send('Runtime.terminateExecution').catch(() => undefined);
      await run.catch(() => undefined);
      return { ms: null, marks: 0 };
    }
    return result;
  } finally {
    await page.close();
  }
}
