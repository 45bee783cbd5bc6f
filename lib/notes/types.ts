// The reader's notes and the glossary terms they met. These are the stored shapes (database rows,
// backup file entries and message payloads all use them).

/** W3C Web Annotation TextQuoteSelector: the selected text with some context on each side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * W3C Web Annotation TextPositionSelector: [start, end) in UTF-16 code units of the page's text as
 * the content script's collector builds it.
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface NoteSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** What in the corpus a note is about: a glossary term, or a quotation of a source passage. */
export type NoteRef =
  | { kind: 'term'; entryId: string }
  | {
      kind: 'quote';
      /** Corpus document id (`speech`, `feature`, `report`), stable across glossary rebuilds. */
      doc: string;
      /** Block index in that document; [start, end) offsets in the block's text. */
      block: number;
      start: number;
      end: number;
    };

export interface Note {
  /** crypto.randomUUID(). */
  id: string;
  /** The page URL, normalized (lib/notes/url.ts). */
  url: string;
  title: string;
  /** Host name without `www.`. */
  site: string;
  ref: NoteRef | null;
  /** Where on the page; null for a note that was never anchored to page text. */
  selectors: NoteSelectors | null;
  /** Plain text, never rendered as HTML. */
  body: string;
  /** Normalized (lib/notes/tags.ts). */
  tags: string[];
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
}

/** What a content script or extension page sends to create a note. */
export interface NoteDraft {
  /**
   * The new note's id, chosen by the caller once per note being written: a create sent again
   * (after the service worker restarted and the answer was lost) then finds its note, not a second one.
   */
  id?: string;
  url: string;
  title: string;
  ref: NoteRef | null;
  selectors: NoteSelectors | null;
  body: string;
  tags: string[];
}

/** Editable fields of a note; absent fields are left as they are. */
export interface NoteChanges {
  body?: string;
  tags?: string[];
  /** After re-anchoring on a changed page. */
  selectors?: NoteSelectors | null;
}

/** A deleted note waiting for undo. */
export interface TrashedNote {
  id: string;
  deletedAt: number;
  note: Note;
}

/** A glossary entry the reader met on a page. One row per (entry, page). */
export interface Encounter {
  entryId: string;
  url: string;
  site: string;
  title: string;
  firstSeen: number;
  lastSeen: number;
  /** Occurrences of the entry on the page at the last scan. */
  count: number;
}

/** An entry found on a page and how many times. */
export interface TermCount {
  entryId: string;
  count: number;
}

export const BACKUP_FORMAT = 'tifa-lens-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  notes: Note[];
  encounters: Encounter[];
}
