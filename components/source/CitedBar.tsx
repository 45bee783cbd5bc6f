import type { CorpusDocument } from '../../lib/corpus/types';
import type { GlossaryEntry } from '../../lib/glossary/types';
import { citationFor } from '../../lib/card/excerpt';
import type { SourceLocation } from '../../lib/source/url';
import { occurrenceLocation } from './TermIndex';

export interface CitedBarProps {
  location: SourceLocation;
  documents: readonly CorpusDocument[];
  entries: readonly GlossaryEntry[];
  onNavigate: (location: SourceLocation) => void;
  onDismiss: () => void;
}

/** Which occurrence of a term the location is; else the last one before it (-1: none before). */
function positionOf(entry: GlossaryEntry, documents: readonly CorpusDocument[], location: SourceLocation): { index: number; exact: boolean } {
  const doc = documents.findIndex((d) => d.id === location.doc);
  const start = location.range?.start ?? 0;
  let before = -1;
  for (let i = 0; i < entry.occurrences.length; i++) {
    const [d, b, s, e] = entry.occurrences[i] ?? [];
    if (d === doc && b === location.block && s === location.range?.start && e === location.range?.end) return { index: i, exact: true };
    if (d !== undefined && b !== undefined && s !== undefined && (d < doc || (d === doc && (b < location.block || (b === location.block && s < start)))))
      before = i;
  }
  return { index: before, exact: false };
}

/** What the page is showing: the cited occurrence, with the term's other occurrences one step away. */
export function CitedBar({ location, documents, entries, onNavigate, onDismiss }: CitedBarProps) {
  const doc = documents.find((d) => d.id === location.doc);
  const citation = doc ? citationFor(doc, location.block) : null;
  const entry = location.term ? entries.find((e) => e.id === location.term) : undefined;
  const total = entry?.occurrences.length ?? 0;
  const at = entry ? positionOf(entry, documents, location) : null;
  const go = (index: number): void => {
    const next = entry ? occurrenceLocation(documents, entry, (index + total) % total) : null;
    if (next) onNavigate(next);
  };
  return (
    <aside class="cited-bar" aria-label="Cited passage" lang="en">
      <p>
        {entry && (
          <>
            <strong lang="zh-Hans">{entry.zh}</strong>{' '}
          </>
        )}
        {citation && <span class="where">{citation.text}</span>}
        {entry && at?.exact && (
          <span class="position">
            {' '}
            · occurrence {at.index + 1} of {total}
          </span>
        )}
      </p>
      {entry && total > 1 && at && (
        <>
          <button type="button" onClick={() => go(at.exact ? at.index - 1 : at.index)}>
            ‹ Previous
          </button>
          <button type="button" onClick={() => go(at.index + 1)}>
            Next ›
          </button>
        </>
      )}
      <button type="button" class="dismiss" aria-label="Clear the highlight" onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </aside>
  );
}
