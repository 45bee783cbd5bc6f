// Importing a backup: the whole file is validated before anything is written, then compared with
// what is stored to say what an import would add or change. Import merges: it never deletes a
// note, never duplicates one (notes are matched by id) and never replaces a note with an older
// version of itself.

import { arr, fail, isPlainObject, literal, obj, pass, refine, str } from '../protocol/guards';
import type { Check, Checked } from '../protocol/guards';
import { MAX_ENCOUNTERS, MAX_IMPORT_BYTES, MAX_NOTES } from './limits';
import { encounter, note } from './schema';
import { BACKUP_FORMAT, BACKUP_VERSION } from './types';
import type { Backup, Encounter, Note } from './types';
import { siteOf } from './url';

export interface ImportCounts {
  added: number;
  changed: number;
  unchanged: number;
}

export interface ImportSummary {
  /** `keptLocal`: the stored note is newer than (or as new as, and different from) the file's. */
  notes: ImportCounts & { keptLocal: number };
  encounters: ImportCounts;
}

/** UTF-8 length of a string, without allocating its bytes. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

const mb = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** For the page that picks the file: refuse an oversized file before reading it. */
export function checkImportSize(bytes: number): string | null {
  return bytes > MAX_IMPORT_BYTES ? `The file is ${mb(bytes)}; a backup can be at most ${mb(MAX_IMPORT_BYTES)}.` : null;
}

const headerCheck = obj({
  format: literal(BACKUP_FORMAT),
  version: literal(BACKUP_VERSION),
  exportedAt: refine(str({ max: 64, min: 1 }), (s) => (Number.isNaN(Date.parse(s)) ? 'not a date' : null)),
  notes: arr(pass, { max: MAX_NOTES }),
  encounters: arr(pass, { max: MAX_ENCOUNTERS }),
});

export const encounterKey = (e: Pick<Encounter, 'entryId' | 'url'>): string => `${e.entryId}\u0000${e.url}`;

/** How the reader finds a refused row in the file: its place, and its id when it has one. */
function rowName(list: 'notes' | 'encounters', index: number, row: unknown): string {
  const at = `${list}[${index}]`;
  if (!isPlainObject(row)) return at;
  const quoted = (v: unknown): string | null => (typeof v === 'string' ? JSON.stringify(v.slice(0, 80)) : null);
  if (list === 'notes') {
    const id = quoted(row.id);
    return id ? `${at} (id ${id})` : at;
  }
  const entry = quoted(row.entryId);
  const url = quoted(row.url);
  return entry && url ? `${at} (${entry} on ${url})` : at;
}

/** Each row checked on its own, so that a refusal names the row and the field. */
function rowsOf<T>(list: 'notes' | 'encounters', rows: readonly unknown[], check: Check<T>): Checked<T[]> {
  const out: T[] = [];
  for (const [i, row] of rows.entries()) {
    const r = check(row, '');
    if (!r.ok) return fail('', `The file is not a valid backup: ${rowName(list, i, row)}: ${r.error}`);
    out.push(r.value);
  }
  return pass(out);
}

/**
 * Parses and validates a backup file's text, every field of every note and encounter. The
 * result's URLs and tags are normalized and sites recomputed, as stored rows are.
 */
export function parseBackup(text: string): Checked<Backup> {
  const bytes = utf8Length(text);
  const tooBig = checkImportSize(bytes);
  if (tooBig) return fail('', tooBig);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail('', `The file is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).`);
  }
  if (!isPlainObject(data) || data.format !== BACKUP_FORMAT) return fail('', 'The file is not a Tifa Lens backup.');
  if (typeof data.version === 'number' && data.version > BACKUP_VERSION) {
    return fail('', `The backup is of a newer format (version ${data.version}); update Tifa Lens to import it.`);
  }
  if (Array.isArray(data.notes) && data.notes.length > MAX_NOTES) {
    return fail('', `The file holds ${data.notes.length} notes; at most ${MAX_NOTES} can be imported at once.`);
  }
  if (Array.isArray(data.encounters) && data.encounters.length > MAX_ENCOUNTERS) {
    return fail('', `The file holds ${data.encounters.length} term encounters; at most ${MAX_ENCOUNTERS} can be imported at once.`);
  }
  const head = headerCheck(data, '');
  if (!head.ok) return fail('', `The file is not a valid backup: ${head.error}`);
  const notes = rowsOf('notes', head.value.notes, note);
  if (!notes.ok) return notes;
  const encounters = rowsOf('encounters', head.value.encounters, encounter);
  if (!encounters.ok) return encounters;

  const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: head.value.exportedAt, notes: notes.value, encounters: [] };
  const ids = new Map<string, number>();
  for (const [i, n] of backup.notes.entries()) {
    const seen = ids.get(n.id);
    if (seen !== undefined) return fail('', `The file is not a valid backup: notes[${i}] (id ${JSON.stringify(n.id)}): the same id as notes[${seen}]`);
    ids.set(n.id, i);
    n.site = siteOf(n.url);
  }
  // Two encounters of one (entry, page) — possible when URLs normalize alike — are merged.
  const merged = new Map<string, Encounter>();
  for (const e of encounters.value) {
    e.site = siteOf(e.url);
    const key = encounterKey(e);
    const prior = merged.get(key);
    merged.set(key, prior ? mergeEncounter(prior, e) : e);
  }
  backup.encounters = [...merged.values()];
  return pass(backup);
}

/** Key-order-independent JSON, to compare rows whatever order their fields were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const sameRecord = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/** The union of what two records of one (entry, page) saw: the later scan's count and title. */
export function mergeEncounter(a: Encounter, b: Encounter): Encounter {
  const later = b.lastSeen >= a.lastSeen ? b : a;
  return {
    entryId: a.entryId,
    url: a.url,
    site: later.site,
    title: later.title,
    firstSeen: Math.min(a.firstSeen, b.firstSeen),
    lastSeen: Math.max(a.lastSeen, b.lastSeen),
    count: later.count,
  };
}

export interface ImportPlan {
  summary: ImportSummary;
  /** Rows to write (added and changed). */
  notes: Note[];
  encounters: Encounter[];
}

/**
 * Compares a parsed backup with the stored rows of the same keys (`storedNotes` by id,
 * `storedEncounters` by encounterKey) and decides what to write.
 */
export function planImport(backup: Backup, storedNotes: ReadonlyMap<string, Note>, storedEncounters: ReadonlyMap<string, Encounter>): ImportPlan {
  const summary: ImportSummary = {
    notes: { added: 0, changed: 0, unchanged: 0, keptLocal: 0 },
    encounters: { added: 0, changed: 0, unchanged: 0 },
  };
  const notes: Note[] = [];
  for (const n of backup.notes) {
    const local = storedNotes.get(n.id);
    if (!local) {
      summary.notes.added++;
      notes.push(n);
    } else if (sameRecord(local, n)) summary.notes.unchanged++;
    else if (n.updatedAt > local.updatedAt) {
      summary.notes.changed++;
      notes.push(n);
    } else summary.notes.keptLocal++;
  }
  const encounters: Encounter[] = [];
  for (const e of backup.encounters) {
    const local = storedEncounters.get(encounterKey(e));
    if (!local) {
      summary.encounters.added++;
      encounters.push(e);
      continue;
    }
    const merged = mergeEncounter(local, e);
    if (sameRecord(local, merged)) summary.encounters.unchanged++;
    else {
      summary.encounters.changed++;
      encounters.push(merged);
    }
  }
  return { summary, notes, encounters };
}
