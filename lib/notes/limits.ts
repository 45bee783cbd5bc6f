// Sizes the notes layer accepts, shared by the message validators, the import validator and the
// UI (which should stop the reader before a limit rather than report it after).

/** A note's own text. */
export const MAX_BODY = 10_000;
/** The selected text a note is attached to. */
export const MAX_QUOTE = 10_000;
/** Characters of context kept on each side of the quote. */
export const CONTEXT_LENGTH = 32;
/** Prefix and suffix as accepted (other tools may keep more context than we do). */
export const MAX_CONTEXT = 256;
export const MAX_URL = 16_384;
export const MAX_TITLE = 2_000;
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;
/** A tag as typed, before normalization trims and collapses it. */
export const MAX_RAW_TAG_LENGTH = 200;
export const MAX_ID = 64;
export const MAX_ENTRY_ID = 80;
/** Offsets into a page's text. */
export const MAX_OFFSET = 50_000_000;
/** Distinct glossary entries one page scan may report. */
export const MAX_TERMS_PER_PAGE = 5_000;
export const MAX_COUNT = 1_000_000;
export const MAX_SEARCH_QUERY = 500;

/**
 * The most notes the database holds (a create beyond it is refused) and so the most a backup
 * holds: a backup of the database always imports.
 */
export const MAX_NOTES = 100_000;
/**
 * Likewise for the reading history (rows of terms met on pages): recording keeps at most this many
 * (the oldest sightings go first), and an import that would pass it is refused.
 */
export const MAX_ENCOUNTERS = 200_000;

/**
 * Import: the whole backup file, in UTF-8 bytes. The page reads it as one string and parses it,
 * so this stays well below the longest string a browser makes and what a page parses in memory.
 */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
/** Rows read and written per step of an import's (single) transaction, between progress reports. */
export const IMPORT_BATCH = 2_000;

/** Reading history: rows older than this go when the next page is recorded. */
export const ENCOUNTER_RETENTION_MS = 365 * 24 * 60 * 60 * 1000;

/** Deleted notes wait in the trash this long for an undo (and a later restore) before they go. */
export const TRASH_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
