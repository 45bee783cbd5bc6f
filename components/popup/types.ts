// What the popup's components are given: view models built by the popup's entry point.

import type { BriefQuotation } from '../../lib/brief/types';
import type { ImportSummary } from '../../lib/notes/import';
import type { TermCount } from '../../lib/notes/types';
import type { CardTrigger } from '../../lib/settings/types';

/** The tab the popup was opened over, as far as the extension can see it. */
export type PageState =
  | { kind: 'loading' }
  /** Not a web page (a browser page, a file, the extension's own page) or no address known. */
  | { kind: 'unavailable' }
  | {
      kind: 'page';
      /** The page's address, as the tab or its content script reported it. */
      url: string;
      /** The page's host name, for the per-site switch; '' when it has none. */
      host: string;
      /** The terms the content script found, in page order; null when it has not reported. */
      terms: readonly TermCount[] | null;
      /** The settings rule that keeps the lens off here, or null when it runs. */
      disabledBy: string | null;
      /** The page's quotations of the corpus, aligned, in page order; absent until the page tells. */
      quotations?: readonly BriefQuotation[];
    };

/** How often the reader met each entry: pages it was on, occurrences at the last scan of each. */
export type EncounterStats = ReadonlyMap<string, { pages: number; count: number }>;

export type ActionResult = { ok: true } | { ok: false; error: string };

/** Rows done of all the rows an export or import goes through. */
export type Progress = (done: number, total: number) => void;

export type ImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; error: string };

/** A validated backup file, ready to import once the reader confirms. */
export type ImportPreview =
  { ok: true; fileName: string; summary: ImportSummary; commit(progress?: Progress): Promise<ImportOutcome> } | { ok: false; error: string };

export type TabId = 'page' | 'notes' | 'glossary';

export type { CardTrigger };
