// DOM fuzzing: seeded random pages (see support/dom-fuzz.ts) loaded with the extension. On each,
// the highlights — their text and where they sit in their run of text — are exactly those the
// generator's model predicts, in the page and in its shadow roots and frames, and the page's DOM
// is exactly what a browser without the extension builds from the same HTML.
//
// `npm test` runs a fixed set of a few hundred cases; TIFA_FULL=1 runs thousands. A failure names
// the seed: `fuzzPage(seed, cases)` rebuilds that page.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchBrowser, launchPlainBrowser } from '../../scripts/support/browser';
import type { ExtensionBrowser, PlainBrowser } from '../../scripts/support/browser';
import { lensTraceOfAllFrames } from '../../scripts/support/lens-trace';
import { fuzzPage } from './support/dom-fuzz';
import type { FuzzPage } from './support/dom-fuzz';
import { routeSharedPages, SHARED_ORIGIN } from '../../scripts/support/shared-pages';
import type { ServedPage } from '../../scripts/support/server';

const FULL = process.env.TIFA_FULL === '1';
const BASE_SEED = Number(process.env.TIFA_FUZZ_SEED ?? 20220125);
const PAGE_COUNT = FULL ? 150 : 15;
const CASES_PER_PAGE = 20;

const PAGES: FuzzPage[] = Array.from({ length: PAGE_COUNT }, (_, i) => fuzzPage(BASE_SEED + i, CASES_PER_PAGE));
const pathOf = (page: FuzzPage): string => `/fuzz/${page.seed}.html`;

/**
 * Every highlight of a frame as `run:offset:kind:text`: the run is the `data-r` span the match
 * starts in, the offset and text are in the run's visible text (text under `data-x` left out).
 */
function frameHighlights(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const visibleText = (run: Element): { text: string; starts: Map<Node, number> } => {
      const starts = new Map<Node, number>();
      let text = '';
      const walker = document.createTreeWalker(run, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const hidden = n.parentElement?.closest('[data-x]');
        if (hidden && run.contains(hidden)) continue;
        starts.set(n, text.length);
        text += (n as Text).data;
      }
      return { text, starts };
    };
    const out: string[] = [];
    for (const [name, kind] of [
      ['tifa-lens-term', 'term'],
      ['tifa-lens-quote', 'quote'],
      ['tifa-lens-dense-term', 'term'],
      ['tifa-lens-dense-quote', 'quote'],
    ] as const) {
      for (const range of CSS.highlights.get(name) ?? []) {
        const startRun = range.startContainer.parentElement?.closest('[data-r]');
        const endRun = range.endContainer.parentElement?.closest('[data-r]');
        if (!startRun || startRun !== endRun) {
          out.push(`outside a run or across runs: ${kind}`);
          continue;
        }
        const { text, starts } = visibleText(startRun);
        const from = starts.get(range.startContainer);
        const to = starts.get(range.endContainer);
        if (from === undefined || to === undefined) {
          out.push(`${startRun.getAttribute('data-r')}: in hidden text: ${kind}`);
          continue;
        }
        const start = from + range.startOffset;
        const end = to + range.endOffset;
        out.push(`${startRun.getAttribute('data-r')}:${start}:${kind}:${text.slice(start, end)}`);
      }
    }
    return out;
  });
}

/** The DOM of the page, its shadow roots and its frames, serialized. */
async function serializeDom(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (const frame of page.frames()) {
    out.push(await frame.evaluate(() => document.documentElement.getHTML({ serializableShadowRoots: true })));
  }
  return out;
}

async function waitReady(page: Page): Promise<void> {
  const ready = async (): Promise<number> => (await lensTraceOfAllFrames(page)).filter((trace) => trace.some((e) => e.name === 'tifa-lens:ready')).length;
  await expect.poll(ready, { timeout: 15_000 }).toBeGreaterThanOrEqual(page.frames().length);
}

describe('DOM fuzzing', () => {
  let plain: PlainBrowser;
  let withLens: ExtensionBrowser;

  beforeAll(async () => {
    [plain, withLens] = await Promise.all([launchPlainBrowser(), launchBrowser()]);
    const routes: Record<string, ServedPage> = Object.fromEntries(PAGES.map((p) => [pathOf(p), { body: p.html }]));
    await routeSharedPages(plain.context, [], routes);
    await routeSharedPages(withLens.context, [], routes);
  });
  afterAll(async () => {
    await plain?.close();
    await withLens?.close();
  });

  it.each(PAGES.map((p) => [p.seed, p] as const))('seed %i: highlights what the model predicts, DOM untouched', async (seed, fuzz) => {
    const url = SHARED_ORIGIN + pathOf(fuzz);
    const a = await plain.context.newPage();
    const b = await withLens.context.newPage();
    try {
      await Promise.all([a.goto(url), b.goto(url)]);
      await waitReady(b);
      const found: string[] = [];
      for (const frame of b.frames()) found.push(...(await frameHighlights(frame)));
      const repro = `seed ${seed} (fuzzPage(${seed}, ${CASES_PER_PAGE}) in tests/e2e/support/dom-fuzz.ts)`;
      expect(found.sort(), repro).toEqual(fuzz.expected);
      expect(await serializeDom(b), repro).toEqual(await serializeDom(a));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('reports no error from the extension', () => {
    expect(withLens.extensionErrors.filter((e) => e.includes(withLens.extensionId))).toEqual([]);
  });
});
