import type { GlossaryEntry, TraditionalRegion } from '../glossary/types';
import type { QuoteView } from '../quote/view';

/** A glossary term found on a page. */
export interface TermCardData {
  kind: 'term';
  entry: GlossaryEntry;
  /** The text as the page writes it (a traditional or English form, say). */
  found: string;
  /** Which of the entry's occurrences to show first (default 0). */
  occurrence?: number;
  /** The page writes traditional Chinese: the source sentence is shown in this standard first. */
  traditional?: TraditionalRegion;
}

/** A quotation of the corpus found on a page (the matcher's `Match.source`). */
export interface QuoteCardData {
  kind: 'quote';
  found: string;
  source: {
    doc: number;
    /** Block index. */
    block: number;
    start: number;
    end: number;
    /** How many times the quoted text occurs in the corpus. */
    occurrences: number;
  };
  /** The page writes traditional Chinese: the quoted passage is shown in this standard first. */
  traditional?: TraditionalRegion;
  /** How the page's sentence quotes the corpus (lib/quote), aligned when the card opens. */
  fidelity?: QuoteView;
}

export type CardData = TermCardData | QuoteCardData;

/** A saved note shown in a term's card; its body is plain text. */
export interface CardNote {
  id: string;
  body: string;
  /** The page it was written on, when that is not the page the card is on. */
  where?: string;
}
