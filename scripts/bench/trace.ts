// Chromium's own trace of a page load, read for what the content script cost the page's main
// thread: when it started, which tasks were its own, the longest of them, and the frame that
// first painted its highlights.

import type { CDPSession } from 'playwright-core';

/** One Chrome trace event (the fields read here). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; frame?: string };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'v8.execute',
];

/** Starts tracing the page behind `cdp`; the returned function stops it and yields the events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const collect = (payload: { value: unknown[] }): void => {
    for (const e of payload.value) events.push(e as TraceEvent);
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

export interface ContentScriptCost {
  /** Trace time (µs) the content script started evaluating in the top frame. */
  startUs: number;
  /**
   * Evaluating the content script's bundle (module top level, before any work on the page), ms:
   * in every frame of the page (an about:blank iframe's instance runs on the same main thread).
   */
  evaluateMs: number;
  /** Annotated: the last `tifa-lens:highlighted` mark before `tifa-lens:ready` (or ready), ms after start. */
  annotatedMs: number;
  /**
   * Every main-thread task of the content script (all frames), from its first evaluation in any
   * frame of the page to the end of the trace (which runs on after ready, to take in the badge
   * report and the notes request), summed, ms.
   */
  totalTaskMs: number;
  /** The longest main-thread task of the content script, ms. */
  longestTaskMs: number;
  /** The longest main-thread task of any kind while the content script worked, ms. */
  longestAnyTaskMs: number;
  /**
   * Main-thread time from the first highlights registered (the first `tifa-lens:highlighted` mark)
   * to the end of the frame that paints them, ms.
   */
  firstFrameMs: number | null;
  /** The first `tifa-lens:highlighted` mark, ms after the content script started in the top frame; null without one. */
  firstHighlightMs: number | null;
  /** The same for every `tifa-lens:highlighted` mark until ready: the costliest such frame, ms. */
  worstFrameMs: number | null;
  /** How many of the content script's tasks ran. */
  tasks: number;
}

function data(e: TraceEvent): Record<string, unknown> {
  return e.args?.data ?? {};
}

const CONTENT_SCRIPT = '/loader.js';

/** Whether an event inside a task shows the content script at work there. */
function isOwnEvent(e: TraceEvent): boolean {
  if (e.name === 'ScheduleYieldContinuation') return true;
  const url = data(e).url;
  return typeof url === 'string' && url.startsWith('chrome-extension://');
}

/** Main-thread steps of a rendering update (the frame's BeginMainFrame task). */
const RENDERING = new Set(['BeginMainThreadFrame', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);

/** An entry of the content script's own trace (content/shared/trace.ts) of the top frame. */
export interface OwnMark {
  name: string;
  /** ms since the document's time origin. */
  startTime: number;
}

/**
 * Reads the content script's cost in the top frame loaded from `pageUrl` out of a trace, with the
 * marks its own trace recorded (kept in its isolated world, they are not in Chrome's trace): their
 * times since the document's time origin are placed on the trace's clock from its navigation start.
 */
export function contentScriptCost(events: readonly TraceEvent[], pageUrl: string, marks: readonly OwnMark[]): ContentScriptCost {
  const nav = events.find((e) => e.name === 'navigationStart' && data(e).documentLoaderURL === pageUrl && data(e).isOutermostMainFrame === true);
  if (!nav) throw new Error(`trace: no navigation to ${pageUrl}`);
  const frame = nav.args?.frame;
  const { pid, tid } = nav;
  const onMain = events.filter((e) => e.pid === pid && e.tid === tid).sort((a, b) => a.ts - b.ts);
  const evaluations = onMain.filter((e) => e.name === 'EvaluateScript' && e.ts >= nav.ts && String(data(e).url).endsWith(CONTENT_SCRIPT));
  const evaluate = evaluations.find((e) => data(e).frame === frame);
  if (!evaluate) throw new Error('trace: the content script never ran in the top frame');
  // Frames of the page may evaluate it first (the first evaluation compiles it): counting starts there.
  const first = evaluations[0]!;
  const placed = marks.map((m) => ({ name: m.name, ts: nav.ts + m.startTime * 1000 }));
  const ownMark = (name: string): Array<{ ts: number }> => placed.filter((m) => m.name === name);
  const ready = ownMark('tifa-lens:ready')[0];
  if (!ready) throw new Error('trace: no tifa-lens:ready mark');
  const highlighted = ownMark('tifa-lens:highlighted').filter((e) => e.ts <= ready.ts);
  const annotated = highlighted[highlighted.length - 1] ?? ready;

  // Top-level tasks of the main thread, each with the events nested in it.
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined);
  const windowEnd = ready.ts + 1;
  let cursor = 0;
  let totalTaskMs = 0;
  let longestTaskMs = 0;
  let longestAnyTaskMs = 0;
  let count = 0;
  // For each highlighted mark, the frame that paints what it registered.
  const frameAfter: Array<number | null> = highlighted.map(() => null);
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    if (end < first.ts) continue;
    while (cursor < onMain.length && onMain[cursor]!.ts < task.ts) cursor++;
    const inner: TraceEvent[] = [];
    for (let i = cursor; i < onMain.length && onMain[i]!.ts <= end; i++) inner.push(onMain[i]!);
    const ms = (task.dur ?? 0) / 1000;
    if (task.ts <= windowEnd) longestAnyTaskMs = Math.max(longestAnyTaskMs, ms);
    if (inner.some(isOwnEvent) || placed.some((m) => m.ts >= task.ts && m.ts <= end)) {
      totalTaskMs += ms;
      longestTaskMs = Math.max(longestTaskMs, ms);
      count++;
    }
    highlighted.forEach((mark, i) => {
      if (frameAfter[i] !== null || end < mark.ts) return;
      if (inner.some((e) => RENDERING.has(e.name) && e.ts >= mark.ts)) frameAfter[i] = (end - Math.max(task.ts, mark.ts)) / 1000;
    });
  }
  const frames = frameAfter.filter((f): f is number => f !== null);
  return {
    startUs: evaluate.ts,
    evaluateMs: evaluations.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000,
    annotatedMs: (annotated.ts - evaluate.ts) / 1000,
    firstHighlightMs: highlighted[0] ? (highlighted[0].ts - evaluate.ts) / 1000 : null,
    totalTaskMs,
    longestTaskMs,
    longestAnyTaskMs,
    firstFrameMs: frameAfter[0] ?? null,
    worstFrameMs: frames.length > 0 ? Math.max(...frames) : null,
    tasks: count,
  };
}
