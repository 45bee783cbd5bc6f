import type { Boundary, CompiledMatcher, Match, Matcher } from '../../../lib/match/index';
import { edgeIsWordChar } from '../../../lib/match/index';
import { hasText, TextCollector } from '../../shared/collect-text';
import type { TextBatch } from '../../shared/collect-text';
import type { PaintScheduler } from './paint-scheduler';
import { LayoutChecks } from './layout-check';
import type { ElementChecks } from './layout-check';
import type { MatchIndex } from './match-index';
import type { MatchRows, PageMatch, TextPiece } from './page-match';
import { isAttached, RowPageMatch, someNode } from './page-match';
import { Slice, SLICE_MS, yieldToMain } from '../../shared/task-scheduler';
import { traceMeasure } from '../../shared/trace';

export type ScanReason = 'initial' | 'mutation' | 'navigation';

/** What one scan pass did; also the `detail` of its `tifa-lens:scan` trace entry (content/shared/trace.ts). */
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
  /** Of which the prefilter (before the matcher is loaded), ms. */
  prefilterMs: number;
}

export interface ScannerOptions {
  /** The page's matcher; called when the first text needs matching (it is costly to load). */
  matcher: () => Matcher | Promise<Matcher>;
  /**
   * Whether a batch's text may hold a match (lib/match/prefilter.ts): until one may, the matcher
   * is not loaded at all. Everything may when absent.
   */
  mayMatch?: (chunks: readonly string[]) => boolean;
  index: MatchIndex;
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Each custom element met that the page has not defined yet (see CollectOptions). */
  onUndefinedHost?: (element: Element) => void;
  /** After a pass, the elements holding a match that were not rendered (the page may show them later). */
  onHidden?: (elements: readonly Element[]) => void;
  /** After matches were added or removed. */
  onChange?: () => void;
  sliceMs?: number;
  /** Decides when matches reach the painter (all at once, or near the viewport only). */
  scheduler: PaintScheduler;
}

/** `root.contains(node)`, looking through shadow roots: their text is rescanned with their host's block. */
export function composedContains(root: Node, node: Node): boolean {
  for (let n: Node | null = node; n;) {
    if (root.contains(n)) return true;
    const top = n.getRootNode();
    n = top instanceof ShadowRoot ? top.host : null;
  }
  return false;
}

/** Most re-match rounds when the page's CSS turns an inline boundary into a block one. */
const VERIFY_ROUNDS = 4;

/**
 * Matching cost per character before the scan has measured it, ms. Warm, some 60–150 ns in
 * Chromium on two cores (the matcher runs about 15 M chars/s; checks and painting of dense pages
 * add to that); but the first batch runs on code the engine has not optimized yet, several times
 * slower, and budgeted at the warm rate it made a 50 ms task on a dense page. The rate learnt
 * from the first batches replaces this one.
 */
const INITIAL_MS_PER_CHAR = 0.0006;
/** Batches below this size say too little about the rate to learn from. */
const MIN_LEARN_CHARS = 2000;

/** A compiled or loaded matcher (unfiltered): its `scan` table is read without an object per match. */
function hasTable(matcher: Matcher): matcher is CompiledMatcher {
  return 'scan' in matcher && 'describe' in matcher && 'entryOf' in matcher;
}

/**
 * Turns the page's text into painted matches, in slices: walk, match, check, paint. Passes run
 * one after the other; each records a `tifa-lens:scan` trace entry.
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
      prefilterMs: 0,
    };
    const live = roots.filter((r) => r.isConnected);

    // What was painted inside the roots (or on nodes gone from the page) goes first.
    const removed = index.remove((m) => !isAttached(m) || live.some((root) => someNode(m, (node) => composedContains(root, node))));
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
      ...(this.options.onUndefinedHost ? { onUndefinedHost: this.options.onUndefinedHost } : {}),
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
      if (batch && !this.matcher && hasText(batch.chunks) && this.mayMatch(batch.chunks, report)) {
        // Building the matcher is one long step of its own (measured as tifa-lens:compile):
        // it gets a task to itself rather than lengthening a slice.
        endSlice(sliceStart);
        await yieldToMain();
        this.matcher = await this.options.matcher();
        await yieldToMain();
        sliceStart = performance.now();
      }
      if (batch) {
        report.textNodes += batch.nodes.length;
        let chars = 0;
        for (const chunk of batch.chunks) chars += chunk.length;
        report.chars += chars;
        const matchStart = performance.now();
        // Before the matcher is loaded, a batch passed over above has nothing to find.
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
    if (checks.hidden.length > 0) this.options.onHidden?.(checks.hidden);
    traceMeasure('tifa-lens:scan', start, { ...report });
    await scheduler.whenPainted();
    return report;
  }

  /** The prefilter's verdict on a batch (true without one), its time added to the report. */
  private mayMatch(chunks: readonly string[], report: ScanReport): boolean {
    const { mayMatch } = this.options;
    if (!mayMatch) return true;
    const start = performance.now();
    const may = mayMatch(chunks);
    report.prefilterMs += performance.now() - start;
    return may;
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
    const { chunks } = batch;
    const matcher = this.matcher;
    if (!matcher || !hasText(chunks)) return [];
    if (hasTable(matcher)) {
      // The columnar path: no object per match until one is painted or asked about.
      let table = matcher.scan(chunks, batch.boundaries);
      const boundaries = verifyBoundaries(batch, checks, table.count, table.startChunk, table.endChunk);
      // Near words keep the blocks of the markup: a span its style makes a block is no new context.
      if (boundaries) table = matcher.scan(chunks, boundaries, batch.boundaries);
      for (let round = 1; boundaries && round < VERIFY_ROUNDS; round++) {
        if (!verifyBoundaries(batch, checks, table.count, table.startChunk, table.endChunk, boundaries)) break;
        table = matcher.scan(chunks, boundaries, batch.boundaries);
      }
      const rows: MatchRows = { describe: (row) => matcher.describe(table, row), sourceOf: (row) => matcher.sourceOf(table, row) };
      return shownMatches(
        batch,
        checks,
        table.count,
        table.startChunk,
        table.startOffset,
        table.endChunk,
        table.endOffset,
        (row, node, from, to, pieces) =>
          new RowPageMatch(rows, row, table.kind[row] === 0 ? 'term' : 'quote', matcher.entryOf(table, row), node, from, to, pieces),
      );
    }
    let matches = matcher.match(chunks, batch.boundaries);
    const columns = (list: readonly Match[]): ExtentColumns => ({
      startChunk: list.map((m) => m.start.chunk),
      startOffset: list.map((m) => m.start.offset),
      endChunk: list.map((m) => m.end.chunk),
      endOffset: list.map((m) => m.end.offset),
    });
    let extents = columns(matches);
    const boundaries = verifyBoundaries(batch, checks, matches.length, extents.startChunk, extents.endChunk);
    for (let round = 1; boundaries; round++) {
      matches = matcher.match(chunks, boundaries, batch.boundaries);
      extents = columns(matches);
      if (round >= VERIFY_ROUNDS || !verifyBoundaries(batch, checks, matches.length, extents.startChunk, extents.endChunk, boundaries)) break;
    }
    const list = matches;
    return shownMatches(
      batch,
      checks,
      list.length,
      extents.startChunk,
      extents.startOffset,
      extents.endChunk,
      extents.endOffset,
      (row, node, from, to, pieces) => {
        const match = list[row]!;
        return { match, kind: match.kind, pieces: pieces ?? [{ node, from, to }], painted: null };
      },
    );
  }
}

interface ExtentColumns {
  startChunk: ArrayLike<number>;
  startOffset: ArrayLike<number>;
  endChunk: ArrayLike<number>;
  endOffset: ArrayLike<number>;
}

/**
 * Boundaries the collector called inline but a match crosses: the page's CSS may make them block
 * edges (flex items, a span made `display: block`); then the batch must be matched again. Checks
 * each crossed inline boundary once per batch (`into`: the boundaries of an earlier round, which
 * it updates) and returns the corrected boundaries, or null when every crossed one holds.
 *
 * The first round also checks every inline boundary with a letter or digit on both sides, crossed
 * or not: there the matcher judged an English word edge across it (`Asia` refused as part of
 * `Asian`), which a box edge between the two would reverse.
 */
export function verifyBoundaries(
  batch: TextBatch,
  checks: Pick<LayoutChecks, 'separates'>,
  count: number,
  startChunk: ArrayLike<number>,
  endChunk: ArrayLike<number>,
  into?: Boundary[],
): Boundary[] | null {
  const { nodes, chunks } = batch;
  const boundaries = into ?? batch.boundaries;
  let changed: Boundary[] | null = null;
  const verified = verifiedOf.get(batch) ?? markVerified(batch);
  /** Checks inline boundary i once per batch; a box edge there becomes a block boundary. */
  const check = (i: number): void => {
    if (boundaries[i] !== 'inline' || verified[i] === 1) return;
    verified[i] = 1;
    if (checks.separates(nodes[i]!, nodes[i + 1]!)) {
      changed ??= into ?? boundaries.slice();
      changed[i] = 'block';
    }
  };
  if (into === undefined) {
    for (let i = 0; i < boundaries.length; i++) {
      if (edgeIsWordChar(chunks[i]!, true) && edgeIsWordChar(chunks[i + 1]!, false)) check(i);
    }
  }
  for (let k = 0; k < count; k++) {
    const last = endChunk[k]!;
    for (let i = startChunk[k]!; i < last; i++) check(i);
  }
  return changed;
}

/** Per batch, the inline boundaries already checked (a batch is verified over several rounds). */
const verifiedOf = new WeakMap<TextBatch, Uint8Array>();

function markVerified(batch: TextBatch): Uint8Array {
  const verified = new Uint8Array(batch.boundaries.length);
  verifiedOf.set(batch, verified);
  return verified;
}

/**
 * The page matches of a batch's matches (given as extent columns), those the reader sees
 * (rendered, not being edited). The hot path of a dense page (100k+ matches): one piece per match
 * in one text node, the element checks looked up once per run of matches in the same element.
 */
export function shownMatches(
  batch: TextBatch,
  checks: ElementChecks,
  count: number,
  startChunk: ArrayLike<number>,
  startOffset: ArrayLike<number>,
  endChunk: ArrayLike<number>,
  endOffset: ArrayLike<number>,
  make: (row: number, node: Text, from: number, to: number, pieces: TextPiece[] | null) => PageMatch,
): PageMatch[] {
  const { nodes, chunks } = batch;
  const found: PageMatch[] = [];
  let lastNode: Text | null = null;
  let lastElement: Element | null = null;
  let lastShown = false;
  // Whether the text of `node` is shown: asked once per run of matches in the same node.
  const shows = (node: Text): boolean => {
    if (node === lastNode) return lastShown;
    lastNode = node;
    const parent = node.parentNode;
    const element = parent === null ? null : parent.nodeType === 1 ? (parent as Element) : parent instanceof ShadowRoot ? parent.host : null;
    if (element !== lastElement) {
      lastElement = element;
      lastShown = element !== null && checks.shows(element);
    }
    return lastShown;
  };
  for (let row = 0; row < count; row++) {
    const sc = startChunk[row]!;
    const so = startOffset[row]!;
    const ec = endChunk[row]!;
    const eo = endOffset[row]!;
    if (sc === ec) {
      if (eo <= so) continue;
      const node = nodes[sc]!;
      if (shows(node)) found.push(make(row, node, so, eo, null));
      continue;
    }
    const pieces: TextPiece[] = [];
    let shown = true;
    for (let chunk = sc; chunk <= ec && shown; chunk++) {
      const from = chunk === sc ? so : 0;
      const to = chunk === ec ? eo : (chunks[chunk]?.length ?? 0);
      if (to <= from) continue;
      const node = nodes[chunk]!;
      pieces.push({ node, from, to });
      shown = shows(node);
    }
    const first = pieces[0];
    if (first && shown) found.push(make(row, first.node, first.from, first.to, pieces));
  }
  return found;
}
