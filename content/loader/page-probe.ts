// The first look every page gets: does its text hold anything the glossary or the corpus could
// match? Only the walk and the prefilter run here (the content script's small bundle); the lens —
// matcher, highlights, cards, notes — is loaded when this says "maybe". A page without a term
// never loads it, and the probe keeps watching: text the page adds later gets the same look.
// The whole page is first read natively and tested by the gate (page-text.ts,
// lib/match/text-gate.ts); only a page the gate lets through is walked, exactly as without it.

import type { Prefilter } from '../../lib/match/prefilter';
import type { TextGate } from '../../lib/match/text-gate';
import { hasText, TextCollector } from '../shared/collect-text';
import { MutationWatcher } from '../shared/mutation-watcher';
import { Slice, SLICE_MS, yieldToMain } from '../shared/task-scheduler';
import { traceMeasure } from '../shared/trace';
import { readPageText } from './page-text';

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
  /**
   * What the gate said of the whole page's text before any walk: 'no' (nothing walked), 'maybe'
   * (walked), 'undecided' (a page only the walk can read, walked), 'off' (not a whole-page pass,
   * or no gate).
   */
  gate: 'no' | 'maybe' | 'undecided' | 'off';
  /** The gate's read of the page's text, ms, and the characters it read. */
  gateReadMs: number;
  gateChars: number;
  /** The gate's test of that text, ms. The gate's read and test are a slice of their own, in `busyMs`. */
  gateTestMs: number;
}

export interface ProbeOptions {
  /**
   * The shipped prefilter, asked for when there is text to test (it is made then); null (built
   * for another glossary) makes every text a "maybe".
   */
  prefilter: () => Prefilter | null;
  /**
   * The gate the whole page's text is tested by before it is walked, made on first use; null
   * (built for another glossary) or absent: every page is walked.
   */
  gate?: () => TextGate | null;
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

  /**
   * Tests the whole page's text with the gate, before any walk: true when nothing of it can
   * match (the page is not walked). A mutation pass, of the few blocks that changed, walks them.
   */
  private gateSaysNo(report: ProbeReport): boolean {
    const made = this.options.gate;
    if (!made) return false;
    const start = performance.now();
    const texts = readPageText(this.doc);
    const readAt = performance.now();
    report.gateReadMs = readAt - start;
    let no = false;
    if (texts === null) report.gate = 'undecided';
    else {
      for (const text of texts) report.gateChars += text.length;
      // A page with no text needs no prefilter (a blank frame never decodes it).
      const gate = hasText(texts) ? made() : undefined;
      if (gate === null) report.gate = 'undecided';
      else {
        no = gate === undefined || !gate.mayMatch(texts);
        report.gate = no ? 'no' : 'maybe';
      }
      report.gateTestMs = performance.now() - readAt;
    }
    const spent = performance.now() - start;
    report.slices++;
    report.busyMs += spent;
    report.longestSliceMs = spent;
    return no;
  }

  private async pass(roots: readonly Node[], reason: ProbeReport['reason']): Promise<ProbeReport> {
    const start = performance.now();
    const report: ProbeReport = {
      reason,
      textNodes: 0,
      chars: 0,
      slices: 0,
      longestSliceMs: 0,
      busyMs: 0,
      walkMs: 0,
      prefilterMs: 0,
      maybe: false,
      gate: 'off',
      gateReadMs: 0,
      gateChars: 0,
      gateTestMs: 0,
    };
    if (reason !== 'mutation' && !this.stopped && !this.found && this.options.gate) {
      if (this.gateSaysNo(report)) {
        traceMeasure('tifa-lens:probe', start, { ...report });
        return report;
      }
      // The walk that follows gets slices of its own.
      await yieldToMain();
    }
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
