/** Where a quotation on the page comes from: the matcher's `source` (doc and block indexes). */
export interface QuoteOrigin {
  doc: number;
  para: number;
  start: number;
  end: number;
}

/** What the popup and the badge show of a page: each entry found, how often. */
export interface PageSummary {
  /** Distinct entries in the order they first appear on the page. */
  entries: Array<{ entry: number; count: number }>;
  /** Distinct corpus passages quoted, in the order they first appear, with how often. */
  quoted: Array<QuoteOrigin & { count: number }>;
  /** Term occurrences painted. */
  terms: number;
  /** Quotations of the corpus painted. */
  quotes: number;
}

/** Counts the painted matches of a page, given in document order. */
export function summarize(
  matches: Iterable<{ kind: 'term' | 'quote'; entry: number; source?: QuoteOrigin | undefined }>,
): PageSummary {
  const counts = new Map<number, number>();
  const quoted = new Map<string, QuoteOrigin & { count: number }>();
  let terms = 0;
  let quotes = 0;
  for (const m of matches) {
    if (m.kind === 'quote') {
      quotes++;
      if (m.source) {
        const { doc, para, start, end } = m.source;
        const key = `${doc}/${para}/${start}/${end}`;
        const seen = quoted.get(key);
        if (seen) seen.count++;
        else quoted.set(key, { doc, para, start, end, count: 1 });
      }
      continue;
    }
    terms++;
    counts.set(m.entry, (counts.get(m.entry) ?? 0) + 1);
  }
  return { entries: [...counts].map(([entry, count]) => ({ entry, count })), quoted: [...quoted.values()], terms, quotes };
}
