import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_NAME, SCHEMA_V1, TifaDb } from '../../../background/db';
import { createNote, listNotes } from '../../../background/notes-store';
import { isClosedError, withReopen } from '../../../background/reopen';
import { T0 } from '../notes/fixtures';
import { freshDb, freshFactory, testContext } from './helpers';

describe('TifaDb', () => {
  it('opens a new database at version 3 with its tables and indexes', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['encounters', 'notes', 'quarantine', 'trash']);
    expect(db.notes.schema.primKey.name).toBe('id');
    expect(db.notes.schema.indexes.map((i) => i.name).sort()).toEqual(['createdAt', 'ref.entryId', 'site', 'tags', 'updatedAt', 'url']);
    expect(db.notes.schema.indexes.find((i) => i.name === 'tags')?.multi).toBe(true);
    expect(db.encounters.schema.primKey.keyPath).toEqual(['entryId', 'url']);
    db.close();
  });
});

describe('the upgrade from version 1 to version 2', () => {
  /** Rows as version 1 stored them: no site, tags as typed (or none). */
  function v1Note(i: number): Record<string, unknown> {
    return {
      id: `v1-note-${i}`,
      url: i % 2 === 0 ? 'https://www.example.com/a' : `https://news${i % 7}.example.org/story/${i}`,
      title: `Story ${i} <b>bold</b>`,
      ref: i % 3 === 0 ? { kind: 'term', entryId: 'shared-future-mankind' } : null,
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: `引文${i}`, prefix: '前', suffix: '后' },
        position: { type: 'TextPositionSelector', start: i, end: i + 3 },
      },
      body: `Note ${i}\nwith 中文, "quotes" and <img src=x onerror=alert(1)>`,
      ...(i % 5 === 0 ? {} : { tags: ['#Xi', 'xi', ' Belt  Road '] }),
      createdAt: T0 + i,
      updatedAt: T0 + i * 2,
    };
  }

  it('keeps every row and fills what version 2 adds', async () => {
    const factory = freshFactory();
    const old = new Dexie(DB_NAME, factory);
    old.version(1).stores(SCHEMA_V1);
    const notes = Array.from({ length: 500 }, (_, i) => v1Note(i));
    const encounters = Array.from({ length: 300 }, (_, i) => ({
      entryId: `entry-${i % 30}`,
      url: `https://www.example.com/page/${Math.floor(i / 30)}`,
      title: `Page ${i}`,
      firstSeen: T0,
      lastSeen: T0 + i,
      count: i + 1,
    }));
    // A row version 1 should never have held is still kept.
    notes.push({ id: 'odd', url: 42, body: 'kept anyway', createdAt: T0, updatedAt: T0 });
    await old.table('notes').bulkAdd(notes);
    await old.table('encounters').bulkAdd(encounters);
    old.close();

    const db = new TifaDb(DB_NAME, factory);
    await db.open();
    expect(db.verno).toBe(3);
    // The odd row is set aside by the upgrade to version 3, whole (tests/unit/background/migrations.test.ts).
    expect(await db.notes.count()).toBe(500);
    expect((await db.quarantine.get('notes:["odd"]'))?.row).toMatchObject(notes.at(-1) ?? {});
    expect(await db.encounters.count()).toBe(300);

    for (const before of notes.slice(0, -1)) {
      // Read raw: a version-1 row need not have the Note shape.
      const after: unknown = await db.table('notes').get(String(before.id));
      expect(after).toBeDefined();
      // Every version-1 field is as it was, but tags, which are now normalized.
      const { tags: _oldTags, ...unchanged } = before;
      expect(after).toMatchObject(unchanged);
    }
    const note0 = await db.notes.get('v1-note-1');
    expect(note0?.site).toBe('news1.example.org');
    expect(note0?.tags).toEqual(['xi', 'belt road']);
    expect((await db.notes.get('v1-note-5'))?.tags).toEqual([]);

    // The new indexes answer queries.
    expect(await db.notes.where('site').equals('example.com').count()).toBe(250);
    expect(await db.notes.where('tags').equals('xi').count()).toBe(400);
    expect(await db.encounters.where('site').equals('example.com').count()).toBe(300);
    const e = await db.encounters.get(['entry-3', 'https://www.example.com/page/0']);
    expect(e).toEqual({ ...encounters[3], site: 'example.com' });
    db.close();
  });

  it('lets version 2 code read and write an upgraded database', async () => {
    const factory = freshFactory();
    const old = new Dexie(DB_NAME, factory);
    old.version(1).stores(SCHEMA_V1);
    await old.table('notes').add(v1Note(1));
    old.close();
    const ctx = testContext(new TifaDb(DB_NAME, factory));
    await createNote(ctx, { url: 'https://news1.example.org/x', title: 'New', ref: null, selectors: null, body: 'new', tags: [] });
    const list = await listNotes(ctx, { site: 'news1.example.org' });
    expect(list.map((n) => n.body).sort()).toEqual([v1Note(1).body, 'new'].sort());
    ctx.db.close();
  });
});

describe('withReopen', () => {
  it('reopens a database closed under a handler and retries once', async () => {
    const ctx = testContext();
    await createNote(ctx, { url: 'https://example.com/', title: '', ref: null, selectors: null, body: 'first', tags: [] });
    ctx.db.close();
    await expect(listNotes(ctx)).rejects.toMatchObject({ name: 'DatabaseClosedError' });
    const notes = await withReopen(ctx.db, () => listNotes(ctx));
    expect(notes.map((n) => n.body)).toEqual(['first']);
  });

  it('recovers when the IndexedDB connection itself was closed (as when the worker is stopped)', async () => {
    const ctx = testContext();
    await createNote(ctx, { url: 'https://example.com/', title: '', ref: null, selectors: null, body: 'first', tags: [] });
    ctx.db.backendDB().close();
    const notes = await withReopen(ctx.db, () => listNotes(ctx));
    expect(notes).toHaveLength(1);
  });

  it('does not retry other errors', async () => {
    const ctx = testContext();
    let calls = 0;
    await expect(
      withReopen(ctx.db, () => {
        calls++;
        return Promise.reject(new Error('boom'));
      }),
    ).rejects.toThrow('boom');
    expect(calls).toBe(1);
    expect(isClosedError({ name: 'DatabaseClosedError' })).toBe(true);
    expect(isClosedError({ name: 'AbortError', inner: { name: 'InvalidStateError' } })).toBe(true);
    expect(isClosedError(new Error('x'))).toBe(false);
  });
});
