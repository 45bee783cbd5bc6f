// The first look every page gets: does its text hold anything the glossary or the corpus could
// match? Only the walk and the prefilter run here (the content script's small bundle); the lens —
// matcher, highlights, cards, notes — is loaded when this says "maybe". A page without a term
// never loads it, and the probe keeps watching: text the page adds later gets the same look.

import type { Prefilter } from '../../lib/match/prefilter';
import { hasText, TextCollector } from '../shared/collect-text';
import { MutationWatcher } from '../shared/mutation-watcher';
import { Slice, SLICE_MS, yieldToMain } from '../shared/task-scheduler';
import { traceMeasure } from '../shared/trace';

/** What one probe pass did; the `detail` of its `tifa-lens:probe` trace entry. */
export interface ProbeReport {
  reason: 'initial' | 'mutation' | 'navigation';
  textNodes: number;
  chars: number;
  slices: number;
  longestSliceMs: number;
  /** Time spent working, ms: walking plus the prefilter. */
  busyMs: number;
  walkMs: number;
  prefilterMs: number;
  /** Whether some text may match (the lens was asked for). */
  maybe: boolean;
}

export interface ProbeOptions {
  /**
   * The shipped prefilter, asked for when there is text to test (it is made then); null (built
   * for another glossary) makes every text a "maybe".
   */
  prefilter: () => Prefilter | null;
  /** Called once, when some text may match. */
  onMaybe: () => void;
  sliceMs?: number;
}

/** Walks the page and what changes in it, until the prefilter lets some text through. */
export class PageProbe {
  private readonly options: ProbeOptions;
  private readonly doc: Document;
  private readonly watcher: MutationWatcher;
  private readonly shadowRoots = new Set<ShadowRoot>();
  private stopped = false;
  private found = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(doc: Document, options: ProbeOptions) {
    this.doc = doc;
    this.options = options;
    this.watcher = new MutationWatcher({
      onDirty: (roots) => void this.probe(roots, 'mutation'),
      onNavigate: () => void this.probe([this.root()], 'navigation'),
    });
  }

  /** Probes the whole page and starts watching it; resolves with the first pass's report. */
  start(): Promise<ProbeReport> {
    this.watcher.observe(this.doc);
    return this.probe([this.root()], 'initial');
  }

  /** Stops watching (the lens takes over, or the site was disabled). */
  stop(): void {
    this.stopped = true;
    this.watcher.disconnect();
  }

  private root(): Node {
    return this.doc.body ?? this.doc.documentElement;
  }

  private probe(roots: readonly Node[], reason: ProbeReport['reason']): Promise<ProbeReport> {
    const run = this.queue.then(() => this.pass(roots, reason));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async pass(roots: readonly Node[], reason: ProbeReport['reason']): Promise<ProbeReport> {
    const start = performance.now();
    const report: ProbeReport = { reason, textNodes: 0, chars: 0, slices: 0, longestSliceMs: 0, busyMs: 0, walkMs: 0, prefilterMs: 0, maybe: false };
    const sliceMs = this.options.sliceMs ?? SLICE_MS;
    const collector = new TextCollector(
      roots.filter((r) => r.isConnected),
      {
        onShadowRoot: (shadow) => {
          if (this.shadowRoots.has(shadow)) return;
          this.shadowRoots.add(shadow);
          this.watcher.observe(shadow);
        },
        onUndefinedHost: (element) => this.watcher.watchHost(element),
      },
    );
    while (!collector.done && !this.stopped && !this.found) {
      const slice = new Slice(sliceMs);
      const batch = collector.next(() => slice.expired());
      report.walkMs += slice.elapsed();
      if (batch) {
        report.textNodes += batch.nodes.length;
        for (const chunk of batch.chunks) report.chars += chunk.length;
        const checkedAt = performance.now();
        let maybe = false;
        if (hasText(batch.chunks)) {
          const prefilter = this.options.prefilter();
          maybe = prefilter === null || prefilter.mayMatch(batch.chunks);
        }
        report.prefilterMs += performance.now() - checkedAt;
        if (maybe) report.maybe = true;
      }
      const spent = slice.elapsed();
      report.slices++;
      report.busyMs += spent;
      report.longestSliceMs = Math.max(report.longestSliceMs, spent);
      if (report.maybe) break;
      if (!collector.done) await yieldToMain();
    }
    traceMeasure('tifa-lens:probe', start, { ...report });
    if (report.maybe && !this.found && !this.stopped) {
      this.found = true;
      this.stop();
      this.options.onMaybe();
    }
    return report;
  }
}
