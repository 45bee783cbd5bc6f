import type { Match, Matcher, Prefilter } from '../../../lib/match/index';
import { summarizeMatches } from '../../../lib/page/summary';
import type { PageSummary } from '../../../lib/page/summary';
import { createGlossaryMatcher } from './glossary-matcher';
import type { SerializedMatcher } from './glossary-matcher';
import type { LazyGlossary } from '../lazy-glossary';
import { HighlightPainter } from './highlight-painter';
import type { Painter } from './highlight-painter';
import { HitTester } from './hit-test';
import { isRendered } from './layout-check';
import { MatchIndex } from './match-index';
import { isAttached, toRange } from './page-match';
import { MutationWatcher } from '../../shared/mutation-watcher';
import { TermNavigator } from './navigation';
import { PageScanner } from './page-scanner';
import { PaintScheduler } from './paint-scheduler';
import type { TermHit } from '../term-events';
import { traceMark } from '../../shared/trace';

/** The page summary the popup and the badge show, with the entries' ids. */
export interface PageLayerSummary extends PageSummary {
  entries: Array<{ entry: number; id: string; count: number }>;
}

/** The page layer of one frame, as the rest of the content script drives it. */
export interface PageLayer {
  /** Settles when the first scan's matches are painted (the `tifa-lens:ready` trace entry is recorded then). */
  readonly ready: Promise<void>;
  nextTerm(): TermHit | null;
  previousTerm(): TermHit | null;
  /** Scrolls to the next occurrence of glossary entry `entry` (an index into glossary.entries) and flashes it. */
  scrollToEntry(entry: number): TermHit | null;
  summary(): PageLayerSummary;
  /** A live Range over each traced quotation still on the page, in document order. */
  quotes(): Range[];
  /** Calls `listener` after the page's matches changed (rescans, navigations). Returns an unsubscribe. */
  onChange(listener: () => void): () => void;
  /** Takes everything off the page and stops watching it. */
  stop(): void;
}

function scanRoot(doc: Document): Node {
  return doc.body ?? doc.documentElement;
}

/**
 * Starts the page layer: scans the page in slices, paints matches, follows DOM changes and SPA
 * navigations, resolves the pointer to matches and offers keyboard navigation.
 */
export interface PageLayerOptions {
  /** Which matches to paint (the reader's scripts and categories); all when absent. */
  keep?: (match: Match) => boolean;
  /** What opens a match's card; hovering when absent. */
  trigger?: () => 'hover' | 'hover-alt' | 'click';
  /**
   * Tells from a batch's text alone whether the matcher could find anything (the loader's, see
   * content/loader/shipped-prefilter.ts): until it says maybe, the matcher is not loaded. Everything is matched
   * when absent.
   */
  prefilter?: Prefilter | null;
  /** Fetches the build's serialized matcher (from the background); compiled in the page when absent. */
  serializedMatcher?: () => Promise<SerializedMatcher | null>;
}

export function startPageLayer(glossary: LazyGlossary, doc: Document = document, options: PageLayerOptions = {}): PageLayer {
  let matcher: Promise<Matcher> | null = null;
  const getMatcher = (): Promise<Matcher> => {
    matcher ??= glossary
      .load()
      .then((loaded) => createGlossaryMatcher(loaded, options.serializedMatcher?.() ?? null))
      .then((full): Matcher => {
        const { keep } = options;
        // Unfiltered, the scanner reads the matcher's table and makes Match objects on demand.
        return keep ? { match: (chunks, boundaries, context) => full.match(chunks, boundaries, context).filter(keep) } : full;
      });
    return matcher;
  };

  const listeners = new Set<() => void>();
  const changed = (): void => {
    for (const listener of [...listeners]) listener();
  };

  const index = new MatchIndex();
  const shadowRoots: ShadowRoot[] = [];
  let scanner: PageScanner | null = null;
  const watcher = new MutationWatcher({
    onDirty: (roots) => void scanner?.scan(roots, 'mutation'),
    isShown: isRendered,
    onNavigate: () => {
      navigator.reset();
      scanner?.reset();
      void scanner?.scan([scanRoot(doc)], 'navigation');
    },
  });
  // Every browser the manifest admits has the Highlight API (ARCHITECTURE.md, "Browsers").
  const painter: Painter = new HighlightPainter();
  const navigator = new TermNavigator({ index, painter });
  const scheduler = new PaintScheduler({ painter, onRepointed: (m, oldNodes) => index.relink(m, oldNodes) });
  const prefilter = options.prefilter ?? null;
  scanner = new PageScanner({
    matcher: getMatcher,
    ...(prefilter ? { mayMatch: (chunks: readonly string[]) => prefilter.mayMatch(chunks) } : {}),
    scheduler,
    index,
    onChange: changed,
    onShadowRoot: (root) => {
      if (shadowRoots.includes(root)) return;
      shadowRoots.push(root);
      painter.styleShadowRoot(root);
      watcher.observe(root);
    },
    onUndefinedHost: (element) => watcher.watchHost(element),
    onHidden: (elements) => watcher.watchHidden(elements),
  });
  const hitTester = new HitTester({
    index,
    doc,
    shadowRoots: () => shadowRoots,
    onActivate: (m) => navigator.setCurrent(m),
    ...(options.trigger ? { trigger: options.trigger } : {}),
  });

  watcher.observe(doc);
  const summary = (): PageLayerSummary => {
    const base = summarizeMatches(index.all());
    // The glossary is parsed only where there is an entry to name.
    return { ...base, entries: base.entries.map((e) => ({ ...e, id: glossary.get().entries[e.entry]?.id ?? '' })) };
  };
  const ready = scanner.scan([scanRoot(doc)], 'initial').then(() => {
    // The summary rides along: with many matches only those near the viewport are registered.
    traceMark('tifa-lens:ready', summary());
  });
  hitTester.start();

  return {
    ready,
    nextTerm: () => navigator.nextTerm(),
    previousTerm: () => navigator.previousTerm(),
    scrollToEntry: (entry) => navigator.scrollToEntry(entry),
    summary,
    quotes: () =>
      index
        .all()
        .filter((m) => m.kind === 'quote' && isAttached(m))
        .map(toRange),
    onChange: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    stop: () => {
      hitTester.stop();
      watcher.disconnect();
      navigator.reset();
      scanner?.reset();
      listeners.clear();
    },
  };
}
