// What the content script did, for tests, the benchmark and DevTools: a small log kept in the
// content script's isolated world. The page's own `performance` timeline is shared with the page
// (User Timing marks would tell it the extension runs, that the reader has notes here, what they
// hover), so nothing goes there. Readers evaluate `globalThis[TRACE_GLOBAL]` in the extension's
// isolated world over the DevTools protocol (scripts/support/lens-trace.ts). The loader and the
// lens are separate bundles run in the same world, hence one log on its global object.

/** The isolated world's global under which the log lives; the main world has no such property. */
export const TRACE_GLOBAL = '__tifaLensTrace';

/** Entries kept: the oldest go first (a page that keeps changing rescans without end). */
export const TRACE_LIMIT = 500;

export interface TraceEntry {
  name: string;
  /** `mark`: a moment; `measure`: a span from `startTime` lasting `duration`. */
  entryType: 'mark' | 'measure';
  /** ms since the document's time origin (`performance.now()`, read only). */
  startTime: number;
  duration: number;
  detail: unknown;
}

interface TraceLog {
  entries: TraceEntry[];
}

function log(): TraceLog {
  const global = globalThis as unknown as Record<string, TraceLog | undefined>;
  let found = global[TRACE_GLOBAL];
  if (!found) {
    found = { entries: [] };
    Object.defineProperty(globalThis, TRACE_GLOBAL, { value: found, configurable: true });
  }
  return found;
}

function push(entry: TraceEntry): void {
  const { entries } = log();
  entries.push(entry);
  if (entries.length > TRACE_LIMIT) entries.splice(0, entries.length - TRACE_LIMIT);
}

/** Records that `name` happened now. */
export function traceMark(name: string, detail: unknown = null): void {
  push({ name, entryType: 'mark', startTime: performance.now(), duration: 0, detail });
}

/** Records a span of work that began at `start` (a `performance.now()` reading) and ends now. */
export function traceMeasure(name: string, start: number, detail: unknown = null): void {
  const now = performance.now();
  push({ name, entryType: 'measure', startTime: start, duration: now - start, detail });
}

/** Drops the entries named `name` (for events of which only the latest matters). */
export function clearTrace(name: string): void {
  const current = log();
  current.entries = current.entries.filter((e) => e.name !== name);
}

/** The entries named `name` (all when omitted), oldest first. */
export function traceEntries(name?: string): readonly TraceEntry[] {
  const { entries } = log();
  return name === undefined ? [...entries] : entries.filter((e) => e.name === name);
}
