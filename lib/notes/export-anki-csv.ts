// Notes as flashcards for Anki: one row per glossary term the reader wrote about (their notes on
// it joined), one row per note on other text. RFC 4180 rows, preceded by Anki's file headers:
// `#html:false` makes Anki show every field as text (a note holding `<img onerror=…>` stays text).

import { cite, citationLine, entryById } from './citation';
import type { GlossaryLike, SourceCitation } from './citation';
import { csvRecord } from './csv';
import type { Encounter, Note } from './types';

export const ANKI_COLUMNS = ['term', 'pinyin', 'English', 'source sentence', 'note'] as const;

export interface AnkiOptions {
  /** Also a row for every glossary term met on a page that no note is about. */
  encounters?: readonly Encounter[];
}

const withCitation = (source: SourceCitation | null): string => (source ? `${source.sentence} — ${citationLine(source)}` : '');

function pageLine(note: Note): string {
  return `— ${note.title.trim() || note.site}, ${note.url}`;
}

export function exportAnkiCsv(notes: readonly Note[], glossary: GlossaryLike, options: AnkiOptions = {}): string {
  const rows: string[][] = [];
  const sorted = [...notes].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));

  // Notes about one term make one card: Anki keys cards by their first field.
  const byEntry = new Map<string, Note[]>();
  for (const note of sorted) {
    if (note.ref?.kind === 'term' && entryById(glossary, note.ref.entryId)) {
      const list = byEntry.get(note.ref.entryId);
      if (list) list.push(note);
      else byEntry.set(note.ref.entryId, [note]);
    }
  }
  const done = new Set<string>();
  for (const note of sorted) {
    if (note.ref?.kind === 'term' && byEntry.has(note.ref.entryId)) {
      const id = note.ref.entryId;
      if (done.has(id)) continue;
      done.add(id);
      const { entry, source } = cite(glossary, note.ref);
      if (!entry) continue;
      const texts = (byEntry.get(id) ?? []).map((n) => [n.body.trim(), pageLine(n)].filter((s) => s !== '').join('\n'));
      rows.push([entry.zh, entry.pinyin, entry.en, withCitation(source), texts.join('\n\n')]);
      continue;
    }
    const { source } = cite(glossary, note.ref);
    const term = note.selectors?.quote.exact ?? '';
    rows.push([term, '', '', withCitation(source), [note.body.trim(), pageLine(note)].filter((s) => s !== '').join('\n')]);
  }

  if (options.encounters) {
    const met = new Map<string, number>();
    for (const e of options.encounters) met.set(e.entryId, (met.get(e.entryId) ?? 0) + 1);
    const ids = [...met.keys()].filter((id) => !done.has(id)).sort();
    for (const id of ids) {
      const entry = entryById(glossary, id);
      if (!entry) continue;
      const { source } = cite(glossary, { kind: 'term', entryId: id });
      const pages = met.get(id) ?? 0;
      rows.push([entry.zh, entry.pinyin, entry.en, withCitation(source), `Met on ${pages} ${pages === 1 ? 'page' : 'pages'}`]);
    }
  }

  const header = ['#separator:comma', '#html:false', `#columns:${ANKI_COLUMNS.join(',')}`];
  return `${[...header, ...rows.map(csvRecord)].join('\r\n')}\r\n`;
}
