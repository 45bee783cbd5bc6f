import type { CorpusDocument } from '../../lib/corpus/types';
import type { GlossaryEntry } from '../../lib/glossary/types';
import type { IndexCategory } from '../../lib/source/term-index';
import { sourceQuery } from '../../lib/source/url';
import type { SourceLocation } from '../../lib/source/url';

export interface TermIndexProps {
  index: readonly IndexCategory[];
  entries: readonly GlossaryEntry[];
  documents: readonly CorpusDocument[];
  /** Opened at first (wide screens). */
  initiallyOpen: boolean;
  onNavigate: (location: SourceLocation) => void;
}

/** Where an entry's n-th occurrence is. */
export function occurrenceLocation(documents: readonly CorpusDocument[], entry: GlossaryEntry, n: number): SourceLocation | null {
  const occurrence = entry.occurrences[n];
  const doc = occurrence ? documents[occurrence[0]] : undefined;
  if (!occurrence || !doc) return null;
  return { doc: doc.id, block: occurrence[1], range: { start: occurrence[2], end: occurrence[3] }, term: entry.id };
}

/** Every glossary term by category, with how often it occurs; each links to its first occurrence. */
export function TermIndex({ index, entries, documents, initiallyOpen, onNavigate }: TermIndexProps) {
  const total = index.reduce((n, c) => n + c.terms.length, 0);
  return (
    <nav class="term-index" aria-labelledby="term-index-title" lang="en">
      <details open={initiallyOpen}>
        <summary>
          <h2 id="term-index-title">Terms by category</h2> <span class="count">{total}</span>
        </summary>
        {index.map((category) => (
          <details key={category.category} class="category">
            <summary>
              {category.label}{' '}
              <span class="count" title={`${category.terms.length} terms, ${category.occurrences} occurrences`}>
                {category.terms.length} · {category.occurrences}×
              </span>
            </summary>
            <ul>
              {category.terms.map((term) => {
                const entry = entries[term.entry];
                const first = entry ? occurrenceLocation(documents, entry, 0) : null;
                const label = (
                  <>
                    <span class="zh" lang="zh-Hans">
                      {term.zh}
                    </span>{' '}
                    <span class="en">{term.en}</span>
                  </>
                );
                return (
                  <li key={term.entry}>
                    {first ? (
                      <a
                        href={sourceQuery(documents, first)}
                        onClick={(event) => {
                          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                          event.preventDefault();
                          onNavigate(first);
                        }}
                      >
                        {label}
                      </a>
                    ) : (
                      label
                    )}{' '}
                    <span class="count" aria-label={`${term.occurrences} occurrences`}>
                      {term.occurrences}
                    </span>
                  </li>
                );
              })}
            </ul>
          </details>
        ))}
      </details>
    </nav>
  );
}
