import type { Match } from '../../lib/match/index';
import { traceMark } from '../shared/trace';

/** A match the reader points at or navigates to: what the term card opens on. */
export interface TermHit {
  /** As the matcher reported it: `entry` indexes glossary.entries (-1 for a quote), `source` for quotes. */
  match: Match;
  kind: 'term' | 'quote';
  /** A live Range over the match's text on the page. */
  range: Range;
  /** The box of the line the pointer is on (or the match's first line): where to anchor a card. */
  rect: DOMRect;
  /** Position among the page's matches of the same kind, in document order (0-based). */
  index: number;
  total: number;
  via: 'pointer' | 'keyboard';
}

export type TermListener = (hit: TermHit) => void;

const activateListeners = new Set<TermListener>();
const leaveListeners = new Set<TermListener>();

/** Calls `listener` when the reader dwells on a highlighted match or navigates to one. Returns an unsubscribe. */
export function onTermActivate(listener: TermListener): () => void {
  activateListeners.add(listener);
  return () => void activateListeners.delete(listener);
}

/** Calls `listener` when the pointer leaves the match it activated. Returns an unsubscribe. */
export function onTermLeave(listener: TermListener): () => void {
  leaveListeners.add(listener);
  return () => void leaveListeners.delete(listener);
}

function notify(listeners: ReadonlySet<TermListener>, hit: TermHit): void {
  for (const listener of [...listeners]) {
    try {
      listener(hit);
    } catch (error) {
      // One failing subscriber must not keep the others from hearing.
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}

/**
 * Announces an activation: to subscribers and, as a `tifa-lens:activate` trace entry, to tests
 * (the trace stays in the isolated world: the page must not learn what the reader hovers).
 */
export function emitTermActivate(hit: TermHit): void {
  traceMark('tifa-lens:activate', {
    via: hit.via,
    kind: hit.kind,
    entry: hit.match.entry,
    text: hit.range.toString(),
    index: hit.index,
    total: hit.total,
  });
  notify(activateListeners, hit);
}

export function emitTermLeave(hit: TermHit): void {
  notify(leaveListeners, hit);
}
