import type { Boundary, Match, Matcher } from '../lib/match/index';
import { chunkSpans } from '../lib/page/spans';
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
 * Matching cost per character before the scan has measured it, ms: some 60–150 ns in Chromium on
 * two cores (the matcher runs about 15 M chars/s; checks and painting of dense pages add to that).
 */
const INITIAL_MS_PER_CHAR = 0.00015;
/** Batches below this size say too little about the rate to learn from. */
const MIN_LEARN_CHARS = 2000;

/** Whether any chunk holds more than white space (a batch to match). */
function hasText(chunks: readonly string[]): boolean {
  for (const chunk of chunks) if (/\S/u.test(chunk)) return true;
  return false;
}

/**
 * Turns the page's text into painted matches, in slices: walk, match, check, paint. Passes run
 * one after the other; each records a `tifa-lens:scan` User Timing measure.
 */
export class PageScanner {
  private readonly options: ScannerOptions;
  private readonly sliceMs: number;
  private matcher: Matcher | null = null;
  /** What matching (and everything after it) costs per character of text, ms: learnt as the scan goes. */
  private msPerChar = INITIAL_MS_PER_CHAR;
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
      // The walk leaves room for matching what it collects: the slice's budget covers both.
      const budget = this.sliceMs;
      const perChar = this.msPerChar;
      const batch = collector.next((chars) => slice.elapsed() + chars * perChar >= budget);
      report.walkMs += slice.elapsed();
      if (batch && !this.matcher && hasText(batch.chunks)) {
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
        let chars = 0;
        for (const chunk of batch.chunks) chars += chunk.length;
        report.chars += chars;
        const matchStart = performance.now();
        const found = this.matchBatch(batch, checks);
        if (found.length > 0) {
          index.add(found, inOrder);
          report.matches += found.length;
          scheduler.add(found, inOrder);
        }
        const matchEnd = performance.now();
        report.matchMs += matchEnd - matchStart;
        this.learnRate(chars, matchEnd - matchStart);
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

  /** Folds one batch's measured cost into the per-character estimate the walk budgets with. */
  private learnRate(chars: number, ms: number): void {
    if (chars < MIN_LEARN_CHARS) return;
    const measured = ms / chars;
    // Quick to grow (a dense stretch must not overrun the next slices), slower to shrink.
    this.msPerChar = measured > this.msPerChar ? measured : 0.7 * this.msPerChar + 0.3 * measured;
  }

  /** Matches a batch, double-checks what CSS may have broken, and builds the page matches. */
  private matchBatch(batch: TextBatch, checks: LayoutChecks): PageMatch[] {
    const { nodes, chunks } = batch;
    if (!hasText(chunks)) return [];
    const matcher = this.matcher ?? this.options.matcher();
    this.matcher = matcher;
    let boundaries: Boundary[] = batch.boundaries;
    let matches = matcher.match(chunks, boundaries);
    // Boundaries the collector called inline but a match crosses: the page's CSS may make them
    // block edges (flex items, a span made `display: block`); then the batch is matched again.
    let verified: Set<number> | null = null;
    for (let round = 0; round < VERIFY_ROUNDS; round++) {
      let changed = false;
      for (const m of matches) {
        for (let i = m.start.chunk; i < m.end.chunk; i++) {
          if (boundaries[i] !== 'inline') continue;
          verified ??= new Set();
          if (verified.has(i)) continue;
          verified.add(i);
          if (checks.separates(nodes[i]!, nodes[i + 1]!)) {
            if (boundaries === batch.boundaries) boundaries = boundaries.slice();
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
