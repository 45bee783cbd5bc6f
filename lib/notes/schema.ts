// Run-time validators of the notes shapes, shared by the message protocol and backup import.

import { arr, fail, int, literal, nullable, obj, pass, refine, str, tagged } from '../protocol/guards';
import type { Check } from '../protocol/guards';
import { MAX_BODY, MAX_CONTEXT, MAX_COUNT, MAX_ENTRY_ID, MAX_ID, MAX_OFFSET, MAX_QUOTE, MAX_RAW_TAG_LENGTH, MAX_TAGS, MAX_TITLE, MAX_URL } from './limits';
import { normalizeTags } from './tags';
import type { Encounter, Note, NoteChanges, NoteDraft, NoteRef, NoteSelectors, TermCount, TextPositionSelector, TextQuoteSelector } from './types';
import { normalizePageUrl } from './url';

/**
 * Milliseconds since 1970 up to the year 9999. Wide on purpose: a note saved on a machine with a
 * wrong clock must still import from its backup.
 */
const TIME = int({ min: 0, max: 253_402_300_799_999 });

export const noteId: Check<string> = str({ max: MAX_ID, min: 1, pattern: /^[A-Za-z0-9_-]+$/u, patternName: 'a note id (letters, digits, - and _)' });
export const entryId: Check<string> = str({
  max: MAX_ENTRY_ID,
  min: 1,
  pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/u,
  patternName: 'a glossary entry id (lowercase words joined by -)',
});

/** A page URL; the checked value is the normalized URL. */
export const pageUrl: Check<string> = (value, path) => {
  const r = str({ max: MAX_URL, min: 1 })(value, path);
  if (!r.ok) return r;
  const url = normalizePageUrl(r.value);
  if (!url) return fail(path, 'not a page URL (http, https, file or extension page)');
  // Normalizing may lengthen a URL (percent-encoding); what is stored must validate again on import.
  return url.length <= MAX_URL ? pass(url) : fail(path, `longer than ${MAX_URL} characters once normalized`);
};

export const title: Check<string> = str({ max: MAX_TITLE });
export const body: Check<string> = str({ max: MAX_BODY });

/** Tags as typed; the checked value is the normalized list. */
export const tags: Check<string[]> = (value, path) => {
  const r = arr(str({ max: MAX_RAW_TAG_LENGTH }), { max: MAX_TAGS * 5 })(value, path);
  if (!r.ok) return r;
  const n = normalizeTags(r.value);
  return n.ok ? pass(n.tags) : fail(path, n.error);
};

const offset = int({ min: 0, max: MAX_OFFSET });

export const textQuoteSelector: Check<TextQuoteSelector> = obj({
  type: literal('TextQuoteSelector'),
  exact: str({ max: MAX_QUOTE, min: 1 }),
  prefix: str({ max: MAX_CONTEXT }),
  suffix: str({ max: MAX_CONTEXT }),
});

export const textPositionSelector: Check<TextPositionSelector> = refine(obj({ type: literal('TextPositionSelector'), start: offset, end: offset }), (p) =>
  p.end < p.start ? 'end is before start' : null,
);

export const noteSelectors: Check<NoteSelectors> = obj({ quote: textQuoteSelector, position: textPositionSelector });

export const noteRef: Check<NoteRef> = tagged('kind', {
  term: obj({ kind: literal('term'), entryId }),
  quote: refine(
    obj({
      kind: literal('quote'),
      doc: str({ max: 40, min: 1, pattern: /^[a-z0-9-]+$/u, patternName: 'a corpus document id' }),
      block: int({ min: 0, max: 100_000 }),
      start: int({ min: 0, max: 1_000_000 }),
      end: int({ min: 0, max: 1_000_000 }),
    }),
    (q) => (q.end <= q.start ? 'end is not after start' : null),
  ),
});

export const noteDraft: Check<NoteDraft> = obj(
  {
    url: pageUrl,
    title,
    ref: nullable(noteRef),
    selectors: nullable(noteSelectors),
    body,
    tags,
  },
  { id: noteId },
);

export const noteChanges: Check<NoteChanges> = refine(obj({}, { body, tags, selectors: nullable(noteSelectors) }), (c) =>
  Object.keys(c).length === 0 ? 'no change given (body, tags or selectors)' : null,
);

export const note: Check<Note> = refine(
  obj({
    id: noteId,
    url: pageUrl,
    title,
    site: str({ max: 300 }),
    ref: nullable(noteRef),
    selectors: nullable(noteSelectors),
    body,
    tags,
    createdAt: TIME,
    updatedAt: TIME,
  }),
  (n) => (n.updatedAt < n.createdAt ? 'updatedAt is before createdAt' : null),
);

export const encounter: Check<Encounter> = refine(
  obj({
    entryId,
    url: pageUrl,
    site: str({ max: 300 }),
    title,
    firstSeen: TIME,
    lastSeen: TIME,
    count: int({ min: 0, max: MAX_COUNT }),
  }),
  (e) => (e.lastSeen < e.firstSeen ? 'lastSeen is before firstSeen' : null),
);

export const termCount: Check<TermCount> = obj({ entryId, count: int({ min: 1, max: MAX_COUNT }) });

/** Distinct entries: a page scan reports each entry once. */
export function distinctEntries(list: readonly TermCount[]): string | null {
  const seen = new Set<string>();
  for (const t of list) {
    if (seen.has(t.entryId)) return `entry "${t.entryId}" is listed twice`;
    seen.add(t.entryId);
  }
  return null;
}
