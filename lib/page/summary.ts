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

/** A match as summarized: its kind, its entry (terms) and where it is quoted from (quotes). */
interface Counted {
  kind: 'term' | 'quote';
  entry: number;
  source?: QuoteOrigin | undefined;
}

/** Counts the painted matches of a page, given in document order. */
export function summarize(matches: Iterable<Counted>): PageSummary {
  const counter = new SummaryCounter();
  for (const m of matches) counter.add(m.kind, m.entry, m.source);
  return counter.result();
}

/**
 * A match as the content script holds it: `entry` (a term) and `source` (a quote) where known
 * without reading `match` (made on demand).
 */
interface HeldMatch {
  kind: 'term' | 'quote';
  entry?: number | undefined;
  readonly source?: QuoteOrigin | undefined;
  readonly match: { entry: number; source?: QuoteOrigin | undefined };
}

/**
 * `summarize` over matches as the content script holds them, without a record per match (a dense
 * page has 100k+) and without reading their `match` where the table tells.
 */
export function summarizeMatches(matches: Iterable<HeldMatch>): PageSummary {
  const counter = new SummaryCounter();
  for (const m of matches) {
    if (m.kind === 'term') counter.add('term', m.entry ?? m.match.entry, undefined);
    else counter.add('quote', -1, m.source ?? m.match.source);
  }
  return counter.result();
}

class SummaryCounter {
  private readonly counts = new Map<number, number>();
  private readonly quoted = new Map<string, QuoteOrigin & { count: number }>();
  private terms = 0;
  private quotes = 0;

  add(kind: 'term' | 'quote', entry: number, source: QuoteOrigin | undefined): void {
    if (kind === 'quote') {
      this.quotes++;
      if (source) {
        const { doc, para, start, end } = source;
        const key = `${doc}/${para}/${start}/${end}`;
        const seen = this.quoted.get(key);
        if (seen) seen.count++;
        else this.quoted.set(key, { doc, para, start, end, count: 1 });
      }
      return;
    }
    this.terms++;
    this.counts.set(entry, (this.counts.get(entry) ?? 0) + 1);
  }

  result(): PageSummary {
    return {
      entries: [...this.counts].map(([entry, count]) => ({ entry, count })),
      quoted: [...this.quoted.values()],
      terms: this.terms,
      quotes: this.quotes,
    };
  }
}
