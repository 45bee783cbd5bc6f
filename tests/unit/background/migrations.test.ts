// Rows of every earlier schema, including ones today's validator refuses, through the upgrade:
// nothing stored before is lost, and a backup of the upgraded database imports.

import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { commitImport, exportData, readBackup } from '../../../background/backup';
import { DB_NAME, SCHEMA_V1, SCHEMA_V2, TifaDb } from '../../../background/db';
import { GLOSSARY, T0 } from '../notes/fixtures';
import { freshDb, freshFactory, testContext } from './helpers';
import { textContaining } from '../support/matchers';

const selectors = (prefix = '前', suffix = '后') => ({
  quote: { type: 'TextQuoteSelector', exact: '人类命运共同体', prefix, suffix },
  position: { type: 'TextPositionSelector', start: 3, end: 10 },
});

/** Version 2 rows: valid, and the ways older code let a row be that today's validator refuses. */
const V2_NOTES: Record<string, unknown>[] = [
  {
    id: 'ok',
    url: 'https://www.example.com/a',
    title: 'A',
    site: 'example.com',
    ref: null,
    selectors: selectors(),
    body: 'fine',
    tags: ['xi'],
    createdAt: T0,
    updatedAt: T0,
  },
  // Repaired without loss: unnormalized URL, wrong site, missing title and ref, tags as typed, times out of order.
  {
    id: 'loose',
    url: 'https://WWW.Example.com/b?utm_source=x#top',
    site: 'wrong',
    selectors: null,
    body: 'loose',
    tags: ['#Xi', ' Belt  Road '],
    createdAt: T0 + 5,
    updatedAt: T0,
  },
  // Repaired with a loss (an unknown field, an overlong page title and context): the original is kept too.
  {
    id: 'long',
    url: 'https://example.com/c',
    title: 't'.repeat(2_500),
    site: '',
    ref: null,
    selectors: selectors('p'.repeat(400), 's'.repeat(300)),
    body: 'long',
    tags: [],
    createdAt: T0,
    updatedAt: T0,
    html: '<b>',
  },
  // Cannot be repaired without guessing the reader's words: set aside whole.
  {
    id: 'huge',
    url: 'https://example.com/d',
    title: '',
    site: '',
    ref: null,
    selectors: null,
    body: 'x'.repeat(10_001),
    tags: [],
    createdAt: T0,
    updatedAt: T0,
  },
  { id: 'nourl', url: 'about:blank', title: '', site: '', ref: null, selectors: null, body: 'on a blank page', tags: [], createdAt: T0, updatedAt: T0 },
];

const V2_ENCOUNTERS: Record<string, unknown>[] = [
  { entryId: 'shared-future-mankind', url: 'https://example.com/a', site: 'example.com', title: 'A', firstSeen: T0, lastSeen: T0 + 1, count: 2 },
  // Re-keyed: the URL now normalizes, onto the row above (merged).
  { entryId: 'shared-future-mankind', url: 'https://example.com/a?utm_source=x', site: '', title: 'A', firstSeen: T0 - 5, lastSeen: T0 + 9, count: 3 },
  { entryId: 'together-for-future', url: 'https://example.com/e', site: '', title: 'E', firstSeen: T0 + 3, lastSeen: T0, count: 1.5 },
  { entryId: 'Not An Entry', url: 'https://example.com/f', site: '', title: 'F', firstSeen: T0, lastSeen: T0, count: 1 },
];

async function upgraded(seed: (db: Dexie) => Promise<void>, version: 1 | 2) {
  const factory = freshFactory();
  const old = new Dexie(DB_NAME, factory);
  old.version(1).stores(SCHEMA_V1);
  if (version === 2) old.version(2).stores(SCHEMA_V2);
  await old.open();
  await seed(old);
  old.close();
  const db = new TifaDb(DB_NAME, factory);
  await db.open();
  return db;
}

describe('the upgrade to version 3', () => {
  it('repairs rows of version 2 and sets aside, whole, those it cannot, losing none', async () => {
    const db = await upgraded(async (old) => {
      await old.table('notes').bulkAdd(V2_NOTES);
      await old.table('encounters').bulkAdd(V2_ENCOUNTERS);
      await old.table('trash').bulkAdd([
        { id: 'gone', deletedAt: T0, note: { ...V2_NOTES[1], id: 'gone' } },
        { id: 'broken', deletedAt: T0, note: { id: 'broken' } },
      ]);
    }, 2);
    expect(db.verno).toBe(3);
    expect((await db.notes.toCollection().primaryKeys()).sort()).toEqual(['long', 'loose', 'ok']);
    expect(await db.notes.get('ok')).toEqual(V2_NOTES[0]);
    expect(await db.notes.get('loose')).toEqual({
      id: 'loose',
      url: 'https://www.example.com/b',
      title: '',
      site: 'example.com',
      ref: null,
      selectors: null,
      body: 'loose',
      tags: ['xi', 'belt road'],
      createdAt: T0 + 5,
      updatedAt: T0 + 5,
    });
    const long = await db.notes.get('long');
    expect(long?.title).toHaveLength(2_000);
    expect(long?.selectors?.quote).toMatchObject({ prefix: 'p'.repeat(256), suffix: 's'.repeat(256), exact: '人类命运共同体' });
    expect(long).not.toHaveProperty('html');
    expect((await db.trash.get('gone'))?.note.url).toBe('https://www.example.com/b');

    const set = await db.quarantine.toArray();
    const byId = new Map(set.map((q) => [q.id, q]));
    expect(byId.get('notes:["long"]')).toMatchObject({ kind: 'original', row: V2_NOTES[2] });
    expect(byId.get('notes:["huge"]')).toMatchObject({ kind: 'moved', row: V2_NOTES[3], problem: textContaining('body: longer than 10000') });
    expect(byId.get('notes:["nourl"]')).toMatchObject({ kind: 'moved', row: V2_NOTES[4], problem: 'url: not a page URL' });
    expect(byId.get('trash:["broken"]')).toMatchObject({ kind: 'moved', row: { id: 'broken' } });
    expect(byId.get('encounters:["Not An Entry","https://example.com/f"]')).toMatchObject({ kind: 'moved', row: V2_ENCOUNTERS[3] });

    // Every row stored before is in its table, repaired, or in quarantine as it was.
    for (const n of V2_NOTES) {
      const kept = (await db.notes.get(String(n.id))) !== undefined;
      expect(kept || byId.get(`notes:["${String(n.id)}"]`)?.row).toBeTruthy();
    }
    expect(await db.encounters.get(['shared-future-mankind', 'https://example.com/a'])).toEqual({
      entryId: 'shared-future-mankind',
      url: 'https://example.com/a',
      site: 'example.com',
      title: 'A',
      firstSeen: T0 - 5,
      lastSeen: T0 + 9,
      count: 3,
    });
    expect(await db.encounters.get(['together-for-future', 'https://example.com/e'])).toMatchObject({ firstSeen: T0 + 3, lastSeen: T0 + 3, count: 1 });
    expect(await db.encounters.count()).toBe(2);

    // And a backup of the upgraded database restores.
    const ctx = testContext(db);
    const file = readBackup((await exportData(ctx, 'json', GLOSSARY)).parts.join(''));
    const fresh = testContext(freshDb());
    expect(await commitImport(fresh, file)).toMatchObject({ notes: { added: 3 }, encounters: { added: 2 } });
    db.close();
  });

  it('takes rows of version 1 through both upgrades', async () => {
    const db = await upgraded(async (old) => {
      await old.table('notes').bulkAdd([
        { id: 'v1', url: 'https://www.example.com/a', title: 'A', ref: null, selectors: selectors(), body: 'v1 note', tags: ['#Xi'], createdAt: T0 },
        { id: 'v1-bad', url: 42, body: 'kept anyway', createdAt: T0, updatedAt: T0 },
      ]);
      await old
        .table('encounters')
        .add({ entryId: 'shared-future-mankind', url: 'https://www.example.com/a', title: 'A', firstSeen: T0, lastSeen: T0, count: 1 });
    }, 1);
    expect(await db.notes.get('v1')).toEqual({
      id: 'v1',
      url: 'https://www.example.com/a',
      title: 'A',
      site: 'example.com',
      ref: null,
      selectors: selectors(),
      body: 'v1 note',
      tags: ['xi'],
      createdAt: T0,
      updatedAt: T0,
    });
    expect((await db.quarantine.get('notes:["v1-bad"]'))?.row).toMatchObject({ id: 'v1-bad', url: 42, body: 'kept anyway' });
    expect(await db.encounters.count()).toBe(1);
    db.close();
  });
});
