import type { Boundary, Match, Matcher } from '../lib/match/index';
import { chunkSpans, crossedBoundaries } from '../lib/page/spans';
import { TextCollector } from './collect-text';
import type { TextBatch } from './collect-text';
import type { PaintScheduler } from './paint-scheduler';
import { LayoutChecks } from './layout-check';
import type { MatchIndex } from './match-index';
import type { PageMatch } from './page-match';
import { isAttached } from './page-match';
import { Slice, SLICE_MS, yieldToMain } from './task-scheduler';

export type ScanReason = 'initial' | 'mutation' | 'navigation';

/** What one scan pass did; also the `detail` of its `tifa-lens:scan` performance measure. */
export interface ScanReport {
  reason: ScanReason;
  roots: number;
  textNodes: number;
  chars: number;
  matches: number;
  removed: number;
  slices: number;
  /** The longest slice of work, ms: what the page's responsiveness feels. */
  longestSliceMs: number;
  /** Time spent working (the rest of the pass the page had the main thread), ms. */
  busyMs: number;
  /** Of which matching (and the checks it needs), ms. */
  matchMs: number;
  /** Of which walking the DOM, ms. */
  walkMs: number;
}

export interface ScannerOptions {
  /** The page's matcher; called when the first text needs matching (it is costly to build). */
  matcher: () => Matcher;
  index: MatchIndex;
  onShadowRoot?: (root: ShadowRoot) => void;
  /** After matches were added or removed. */
  onChange?: () => void;
  sliceMs?: number;
  /** Decides when matches reach the painter (all at once, or near the viewport only). */
  scheduler: PaintScheduler;
}

/** `root.contains(node)`, looking through shadow roots: their text is rescanned with their host's block. */
export function composedContains(root: Node, node: Node): boolean {
  for (let n: Node | null = node; n; ) {
    if (root.contains(n)) return true;
    const top = n.getRootNode();
    n = top instanceof ShadowRoot ? top.host : null;
  }
  return false;
}

/** Most re-match rounds when the page's CSS turns an inline boundary into a block one. */
const VERIFY_ROUNDS = 4;

/**
 * Turns the page's text into painted matches, in slices: walk, match, check, paint. Passes run
 * one after the other; each records a `tifa-lens:scan` User Timing measure.
 */
export class PageScanner {
  private readonly options: ScannerOptions;
  private readonly sliceMs: number;
  private matcher: Matcher | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private generation = 0;

  constructor(options: ScannerOptions) {
    this.options = options;
    this.sliceMs = options.sliceMs ?? SLICE_MS;
  }

  /**
   * Scans `roots` (replacing whatever was painted inside them before) once the passes before
   * it are done; resolves when its matches are painted.
   */
  scan(roots: readonly Node[], reason: ScanReason): Promise<ScanReport> {
    const run = this.queue.then(() => this.pass(roots, reason));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Takes every match off the page and forgets them (before a full rescan). */
  reset(): void {
    this.generation++;
    const removed = this.options.index.clear();
    this.options.scheduler.clear();
    for (const m of removed) m.painted = null;
    if (removed.length > 0) this.options.onChange?.();
  }

  private async pass(roots: readonly Node[], reason: ScanReason): Promise<ScanReport> {
    const { index, scheduler } = this.options;
    const start = performance.now();
    const generation = this.generation;
    const report: ScanReport = {
      reason,
      roots: roots.length,
      textNodes: 0,
      chars: 0,
      matches: 0,
      removed: 0,
      slices: 0,
      longestSliceMs: 0,
      busyMs: 0,
      matchMs: 0,
      walkMs: 0,
    };
    const live = roots.filter((r) => r.isConnected);

    // What was painted inside the roots (or on nodes gone from the page) goes first.
    const removed = index.remove(
      (m) => !isAttached(m) || live.some((root) => m.pieces.some((p) => composedContains(root, p.node))),
    );
    if (removed.length > 0) {
      scheduler.remove(removed);
      report.removed = removed.length;
    }

    // Shadow roots are walked after the tree they sit in: their matches are out of order.
    let inOrder = reason !== 'mutation' && index.size === 0;
    const collector = new TextCollector(live, {
      onShadowRoot: (root) => {
        inOrder = false;
        this.options.onShadowRoot?.(root);
      },
    });
    const checks = new LayoutChecks();
    const endSlice = (startedAt: number): void => {
      const spent = performance.now() - startedAt;
      report.slices++;
      report.busyMs += spent;
      report.longestSliceMs = Math.max(report.longestSliceMs, spent);
    };
    while (!collector.done) {
      const slice = new Slice(this.sliceMs);
      let sliceStart = slice.start;
      const batch = collector.next(() => slice.expired());
      report.walkMs += slice.elapsed();
      if (batch && !this.matcher && batch.chunks.some((c) => /\S/u.test(c))) {
        // Building the matcher is one long step of its own (measured as tifa-lens:compile):
        // it gets a task to itself rather than lengthening a slice.
        endSlice(sliceStart);
        await yieldToMain();
        this.matcher = this.options.matcher();
        await yieldToMain();
        sliceStart = performance.now();
      }
      if (batch) {
        report.textNodes += batch.nodes.length;
        for (const chunk of batch.chunks) report.chars += chunk.length;
        const matchStart = performance.now();
        const found = this.matchBatch(batch, checks);
        report.matchMs += performance.now() - matchStart;
        if (found.length > 0) {
          index.add(found, inOrder);
          report.matches += found.length;
          scheduler.add(found);
        }
      }
      endSlice(sliceStart);
      if (!collector.done) await yieldToMain();
      if (generation !== this.generation) break;
    }
    if (report.matches > 0 || report.removed > 0) this.options.onChange?.();
    performance.measure('tifa-lens:scan', { start, end: performance.now(), detail: { ...report } });
    await scheduler.whenPainted();
    return report;
  }

  /** Matches a batch, double-checks what CSS may have broken, and builds the page matches. */
  private matchBatch(batch: TextBatch, checks: LayoutChecks): PageMatch[] {
    const { nodes, chunks } = batch;
    if (!chunks.some((c) => /\S/u.test(c))) return [];
    const boundaries: Boundary[] = batch.boundaries.slice();
    const matcher = this.matcher ?? this.options.matcher();
    this.matcher = matcher;
    let matches = matcher.match(chunks, boundaries);
    const verified = new Set<number>();
    for (let round = 0; round < VERIFY_ROUNDS; round++) {
      let changed = false;
      for (const m of matches) {
        for (const i of crossedBoundaries(m.start, m.end)) {
          if (boundaries[i] !== 'inline' || verified.has(i)) continue;
          verified.add(i);
          if (checks.separates(nodes[i]!, nodes[i + 1]!)) {
            boundaries[i] = 'block';
            changed = true;
          }
        }
      }
      if (!changed) break;
      matches = matcher.match(chunks, boundaries);
    }
    const found: PageMatch[] = [];
    for (const match of matches) {
      const pageMatch = this.toPageMatch(match, batch);
      if (pageMatch && this.shown(pageMatch, checks)) found.push(pageMatch);
    }
    return found;
  }

  private toPageMatch(match: Match, batch: TextBatch): PageMatch | null {
    const spans = chunkSpans(match.start, match.end, (chunk) => batch.chunks[chunk]?.length ?? 0);
    if (spans.length === 0) return null;
    return {
      match,
      kind: match.kind,
      pieces: spans.map((s) => ({ node: batch.nodes[s.chunk]!, from: s.from, to: s.to })),
      painted: null,
    };
  }

  /** Rendered and not in something the reader is editing. */
  private shown(m: PageMatch, checks: LayoutChecks): boolean {
    let last: Element | null = null;
    for (const piece of m.pieces) {
      const parent = piece.node.parentNode;
      const element = parent instanceof Element ? parent : parent instanceof ShadowRoot ? parent.host : null;
      if (!element) return false;
      if (element === last) continue;
      last = element;
      if (!checks.isVisible(element) || checks.isEditable(element)) return false;
    }
    return true;
  }
}
