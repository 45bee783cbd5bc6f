import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearTrace, TRACE_GLOBAL, TRACE_LIMIT, traceEntries, traceMark, traceMeasure } from '../../../../content/shared/trace';

afterEach(() => {
  vi.restoreAllMocks();
  for (const e of traceEntries()) clearTrace(e.name);
});

describe('the content script trace (what tests read instead of the page timeline)', () => {
  it('records marks and measures with their detail, and leaves the page timeline empty', () => {
    const mark = vi.spyOn(performance, 'mark');
    const measure = vi.spyOn(performance, 'measure');
    const start = performance.now();
    traceMeasure('tifa-lens:scan', start, { matches: 3 });
    traceMark('tifa-lens:ready', { terms: 2 });
    expect(traceEntries().map((e) => [e.name, e.entryType, e.detail])).toEqual([
      ['tifa-lens:scan', 'measure', { matches: 3 }],
      ['tifa-lens:ready', 'mark', { terms: 2 }],
    ]);
    expect(traceEntries('tifa-lens:scan')[0]!.startTime).toBe(start);
    expect(traceEntries('tifa-lens:scan')[0]!.duration).toBeGreaterThanOrEqual(0);
    expect(mark).not.toHaveBeenCalled();
    expect(measure).not.toHaveBeenCalled();
    expect(performance.getEntries().filter((e) => e.name.startsWith('tifa-lens:'))).toEqual([]);
  });

  it('keeps a bounded log, dropping the oldest', () => {
    for (let i = 0; i < TRACE_LIMIT + 20; i++) traceMark('tifa-lens:scan', { i });
    const kept = traceEntries('tifa-lens:scan');
    expect(kept).toHaveLength(TRACE_LIMIT);
    expect(kept[0]!.detail).toEqual({ i: 20 });
  });

  it('clears one name only, and the log is one per global (shared by the loader and the lens bundles)', () => {
    traceMark('tifa-lens:notes', { notes: 1 });
    traceMark('tifa-lens:load-lens', { reason: 'text' });
    clearTrace('tifa-lens:notes');
    expect(traceEntries().map((e) => e.name)).toEqual(['tifa-lens:load-lens']);
    const global = (globalThis as unknown as Record<string, { entries: unknown[] }>)[TRACE_GLOBAL];
    expect(global?.entries).toHaveLength(1);
  });
});
