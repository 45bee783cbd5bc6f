import { describe, expect, it } from 'vitest';
import { exportJson } from '../../../lib/notes/export-json';
import { checkImportSize, encounterKey, parseBackup, planImport, utf8Length } from '../../../lib/notes/import';
import type { Encounter, Note } from '../../../lib/notes/types';
import { T0, makeEncounter, makeNote, trickyNotes } from './fixtures';

const file = (notes: Note[], encounters: Encounter[] = []) => exportJson(notes, encounters, new Date(T0));

function errorOf(text: string): string {
  const r = parseBackup(text);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.error;
}

interface RawBackup {
  format: unknown;
  version: unknown;
  exportedAt: unknown;
  notes: Record<string, unknown>[];
  encounters: unknown[];
}

/** A valid backup object whose parts a test then breaks. */
function raw(): RawBackup {
  return JSON.parse(file(trickyNotes(), [makeEncounter()])) as RawBackup;
}

describe('parseBackup', () => {
  it('accepts an exported file, unchanged', () => {
    const notes = trickyNotes();
    const r = parseBackup(file(notes, [makeEncounter()]));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.notes).toEqual(notes);
      expect(r.value.encounters).toEqual([makeEncounter()]);
    }
  });

  it.each([
    ['not JSON', '{"format":', /not valid JSON/u],
    ['another file', JSON.stringify({ hello: 'world' }), /not a Tifa Lens backup/u],
    ['an array', '[]', /not a Tifa Lens backup/u],
    ['a newer version', JSON.stringify({ ...raw(), version: 2 }), /newer format \(version 2\)/u],
    ['a version that is not a number', JSON.stringify({ ...raw(), version: '1' }), /version: expected 1/u],
    ['an unknown top-level field', JSON.stringify({ ...raw(), extra: 1 }), /: unexpected field$/u],
    ['no notes', JSON.stringify({ ...raw(), notes: undefined }), /notes: missing/u],
    ['a bad date', JSON.stringify({ ...raw(), exportedAt: 'yesterday' }), /exportedAt: not a date/u],
  ])('refuses %s', (_name, text, message) => {
    expect(errorOf(text)).toMatch(message);
  });

  const broken: [string, (n: Record<string, unknown>) => void, RegExp][] = [
    ['a missing body', (n) => delete n.body, /notes\[1\] \(id "[^"]*"\): body: missing/u],
    ['a numeric body', (n) => (n.body = 5), /notes\[1\] \(id "[^"]*"\): body: expected a string, got a number/u],
    ['an oversized body', (n) => (n.body = 'x'.repeat(10_001)), /notes\[1\] \(id "[^"]*"\): body: longer than 10000 characters/u],
    ['an extra field', (n) => (n.html = '<b>'), /notes\[1\] \(id "[^"]*"\): unexpected field$/u],
    ['a javascript: URL', (n) => (n.url = 'javascript:alert(1)'), /notes\[1\] \(id "[^"]*"\): url: not a page URL/u],
    ['a bad id', (n) => (n.id = '../../etc'), /notes\[1\] \(id "[^"]*"\): id: not a note id/u],
    ['a bad time', (n) => (n.createdAt = 'now'), /notes\[1\] \(id "[^"]*"\): createdAt: expected an integer/u],
    ['an update before creation', (n) => (n.updatedAt = 0), /notes\[1\] \(id "[^"]*"\): updatedAt is before createdAt/u],
    ['a negative time', (n) => (n.createdAt = -1), /notes\[1\] \(id "[^"]*"\): createdAt: out of range/u],
    ['a bad ref', (n) => (n.ref = { kind: 'page' }), /notes\[1\] \(id "[^"]*"\): ref\.kind: expected "term" or "quote"/u],
    [
      'a bad selector',
      (n) => (n.selectors = { quote: { type: 'TextQuoteSelector', exact: '' }, position: null }),
      /notes\[1\] \(id "[^"]*"\): selectors\.quote/u,
    ],
    ['too many tags', (n) => (n.tags = Array.from({ length: 21 }, (_, i) => `t${i}`)), /notes\[1\] \(id "[^"]*"\): tags: more than 20 tags/u],
  ];
  it.each(broken)('refuses a note with %s, naming it', (_name, breakIt, message) => {
    const data = raw();
    const note = data.notes[1];
    if (!note) throw new Error('fixture');
    breakIt(note);
    expect(errorOf(JSON.stringify(data))).toMatch(message);
  });

  it('refuses two notes with one id', () => {
    const a = makeNote({ id: 'same' });
    const b = makeNote({ id: 'same', body: 'other' });
    expect(errorOf(file([a, b]))).toMatch(/notes\[1\] \(id "same"\): the same id as notes\[0\]/u);
  });

  it('refuses a bad encounter', () => {
    const data = raw();
    data.encounters = [{ ...makeEncounter(), count: -1 }];
    expect(errorOf(JSON.stringify(data))).toMatch(
      /encounters\[0\] \("shared-future-mankind" on "https:\/\/news\.example\.com\/world\/summit"\): count: out of range/u,
    );
  });

  it('refuses a file over 256 MB before reading it, counted in UTF-8 bytes', () => {
    expect(checkImportSize(256 * 1024 * 1024)).toBeNull();
    expect(checkImportSize(256 * 1024 * 1024 + 1)).toBe('The file is 256.0 MB; a backup can be at most 256.0 MB.');
    expect(utf8Length('中'.repeat(1000))).toBe(3000);
  });

  it('refuses more than 100,000 notes with a clear message', () => {
    const notes = Array.from({ length: 100_001 }, () => ({}));
    expect(errorOf(JSON.stringify({ ...raw(), notes }))).toBe('The file holds 100001 notes; at most 100000 can be imported at once.');
  });

  it('normalizes URLs and tags and recomputes sites as stored rows have them', () => {
    const n = makeNote({ url: 'https://WWW.Example.com/a/?utm_source=x#frag', site: 'wrong', tags: ['#Belt  and Road', 'belt and road'] });
    const r = parseBackup(file([n]));
    expect(r.ok && r.value.notes[0]).toMatchObject({ url: 'https://www.example.com/a', site: 'example.com', tags: ['belt and road'] });
  });

  it('merges encounters of one entry on URLs that normalize alike', () => {
    const a = makeEncounter({ url: 'https://example.com/a?utm_source=x', firstSeen: T0, lastSeen: T0 + 10, count: 1 });
    const b = makeEncounter({ url: 'https://example.com/a', firstSeen: T0 - 10, lastSeen: T0 + 20, count: 4 });
    const r = parseBackup(file([], [a, b]));
    expect(r.ok && r.value.encounters).toEqual([{ ...b, site: 'example.com', firstSeen: T0 - 10, lastSeen: T0 + 20, count: 4 }]);
  });
});

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['中文', 6],
    ['😀', 4],
    ['\ud800', 3],
  ])('%j is %i bytes', (s, n) => {
    expect(utf8Length(s)).toBe(n);
    if (!/[\ud800-\udfff]/u.test(s)) expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
  });
});

describe('planImport', () => {
  const parse = (text: string) => {
    const r = parseBackup(text);
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };

  it('counts added, changed, unchanged and kept-local notes by id and updatedAt', () => {
    const same = makeNote({ body: 'same' });
    const newerInFile = makeNote({ body: 'old' });
    const olderInFile = makeNote({ body: 'local edit' });
    const added = makeNote({ body: 'new' });
    const backup = parse(
      file([same, { ...newerInFile, body: 'edited later', updatedAt: newerInFile.updatedAt + 5 }, { ...olderInFile, body: 'stale' }, added]),
    );
    const stored = new Map([
      [same.id, same],
      [newerInFile.id, newerInFile],
      [olderInFile.id, { ...olderInFile, updatedAt: olderInFile.updatedAt + 9 }],
    ]);
    const plan = planImport(backup, stored, new Map());
    expect(plan.summary.notes).toEqual({ added: 1, changed: 1, unchanged: 1, keptLocal: 1 });
    expect(plan.notes.map((n) => n.body)).toEqual(['edited later', 'new']);
  });

  it('merges encounters: earliest first sighting, latest last sighting and its count', () => {
    const local = makeEncounter({ firstSeen: T0, lastSeen: T0 + 100, count: 3 });
    const incoming = makeEncounter({ firstSeen: T0 - 50, lastSeen: T0 + 50, count: 9 });
    const backup = parse(file([], [incoming, makeEncounter({ entryId: 'other-entry' })]));
    const plan = planImport(backup, new Map(), new Map([[encounterKey(local), local]]));
    expect(plan.summary.encounters).toEqual({ added: 1, changed: 1, unchanged: 0 });
    expect(plan.encounters.find((e) => e.entryId === local.entryId)).toEqual({ ...local, firstSeen: T0 - 50 });
  });

  it('finds nothing to do when the file is what is stored', () => {
    const notes = trickyNotes();
    const encounters = [makeEncounter()];
    const backup = parse(file(notes, encounters));
    const plan = planImport(backup, new Map(notes.map((n) => [n.id, n])), new Map(encounters.map((e) => [encounterKey(e), e])));
    expect(plan.notes).toEqual([]);
    expect(plan.encounters).toEqual([]);
    expect(plan.summary).toEqual({
      notes: { added: 0, changed: 0, unchanged: 3, keptLocal: 0 },
      encounters: { added: 0, changed: 0, unchanged: 1 },
    });
  });
});
