/** What the popup and the badge show of a page: each entry found, how often. */
export interface PageSummary {
  /** Distinct entries in the order they first appear on the page. */
  entries: Array<{ entry: number; count: number }>;
  /** Term occurrences painted. */
  terms: number;
  /** Quotations of the corpus painted. */
  quotes: number;
}

/** Counts the painted matches of a page, given in document order. */
export function summarize(matches: Iterable<{ kind: 'term' | 'quote'; entry: number }>): PageSummary {
  const counts = new Map<number, number>();
  let terms = 0;
  let quotes = 0;
  for (const m of matches) {
    if (m.kind === 'quote') {
      quotes++;
      continue;
    }
    terms++;
    counts.set(m.entry, (counts.get(m.entry) ?? 0) + 1);
  }
  return { entries: [...counts].map(([entry, count]) => ({ entry, count })), terms, quotes };
}
