import { describe, expect, it, vi } from 'vitest';
import { StoreError } from '../../../background/context';
import { clearEncounters, listEncounters, recordEncounters } from '../../../background/encounters-store';
import { createNote, deleteNote, listNotes, notesForPage, restoreNote, searchNotes, updateNote } from '../../../background/notes-store';
import type { NoteDraft } from '../../../lib/notes/types';
import { T0 } from '../notes/fixtures';
import { testContext } from './helpers';

const DAY = 86_400_000;

function draft(overrides: Partial<NoteDraft> = {}): NoteDraft {
  return {
    url: 'https://WWW.Example.com/world/summit/?utm_source=newsletter#top',
    title: 'Summit',
    ref: { kind: 'term', entryId: 'shared-future-mankind' },
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: '人类命运共同体', prefix: '推动构建', suffix: '。' },
      position: { type: 'TextPositionSelector', start: 10, end: 17 },
    },
    body: 'Xi’s signature formulation.',
    tags: ['#Concept', 'concept', 'Xi'],
    ...overrides,
  };
}

describe('notes', () => {
  it('creates a note with a normalized URL, its site, normalized tags, an id and times', async () => {
    const ctx = testContext();
    const note = await createNote(ctx, draft());
    expect(note).toEqual({
      ...draft(),
      id: '00000000-0000-4000-8000-000000000001',
      url: 'https://www.example.com/world/summit',
      site: 'example.com',
      tags: ['concept', 'xi'],
      createdAt: T0,
      updatedAt: T0,
    });
    expect(await ctx.db.notes.get(note.id)).toEqual(note);
  });

  it('refuses a draft that is not on a page', async () => {
    const ctx = testContext();
    await expect(createNote(ctx, draft({ url: 'javascript:void(0)' }))).rejects.toBeInstanceOf(StoreError);
    expect(await ctx.db.notes.count()).toBe(0);
  });

  it('updates body, tags and selectors; updatedAt always moves forward', async () => {
    const ctx = testContext();
    const note = await createNote(ctx, draft());
    const edited = await updateNote(ctx, note.id, { body: 'Edited', tags: ['New Tag'] });
    expect(edited).toMatchObject({ body: 'Edited', tags: ['new tag'], createdAt: T0, updatedAt: T0 + 1 });
    ctx.clock.now = T0 + 5000;
    const moved = await updateNote(ctx, note.id, { selectors: null });
    expect(moved).toMatchObject({ body: 'Edited', selectors: null, updatedAt: T0 + 5000 });
    expect(await ctx.db.notes.get(note.id)).toEqual(moved);
    await expect(updateNote(ctx, 'missing', { body: 'x' })).rejects.toThrow('No note with id missing.');
  });

  it('deletes into the trash and restores (undo) exactly the note it was', async () => {
    const ctx = testContext();
    const note = await createNote(ctx, draft());
    expect(await deleteNote(ctx, note.id)).toEqual(note);
    expect(await ctx.db.notes.count()).toBe(0);
    expect(await ctx.db.trash.get(note.id)).toEqual({ id: note.id, deletedAt: T0, note });
    expect(await restoreNote(ctx, note.id)).toEqual(note);
    expect(await ctx.db.notes.get(note.id)).toEqual(note);
    expect(await ctx.db.trash.count()).toBe(0);
    // A second undo (double click) is harmless.
    expect(await restoreNote(ctx, note.id)).toEqual(note);
    await expect(deleteNote(ctx, 'missing')).rejects.toThrow('No note with id missing.');
    await expect(restoreNote(ctx, 'missing')).rejects.toThrow('No deleted note with id missing to restore.');
  });

  it('empties trash older than 30 days, keeping newer deletions', async () => {
    const ctx = testContext();
    const a = await createNote(ctx, draft({ body: 'a' }));
    const b = await createNote(ctx, draft({ body: 'b' }));
    await deleteNote(ctx, a.id);
    ctx.clock.now = T0 + 31 * DAY;
    await deleteNote(ctx, b.id);
    expect((await ctx.db.trash.toArray()).map((t) => t.note.body)).toEqual(['b']);
  });

  it('leaves the data untouched when a write in the transaction fails', async () => {
    const ctx = testContext();
    const note = await createNote(ctx, draft());
    const spy = vi.spyOn(ctx.db.trash, 'put').mockRejectedValueOnce(new Error('disk full'));
    await expect(deleteNote(ctx, note.id)).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await ctx.db.notes.get(note.id)).toEqual(note);
    expect(await ctx.db.trash.count()).toBe(0);
  });

  it('lists with filters, most recently updated first', async () => {
    const ctx = testContext();
    const a = await createNote(ctx, draft({ body: 'a', tags: ['xi'] }));
    ctx.clock.now += 10;
    const b = await createNote(ctx, draft({ body: 'b', url: 'https://other.example.org/p', ref: null, tags: [] }));
    ctx.clock.now += 10;
    const c = await createNote(ctx, draft({ body: 'c', ref: { kind: 'term', entryId: 'win-win-cooperation' }, tags: ['xi', 'trade'] }));
    const ids = async (filter: Parameters<typeof listNotes>[1]) => (await listNotes(ctx, filter)).map((n) => n.body);
    expect(await ids({})).toEqual(['c', 'b', 'a']);
    expect(await ids({ site: 'example.com' })).toEqual(['c', 'a']);
    expect(await ids({ entryId: 'shared-future-mankind' })).toEqual(['a']);
    expect(await ids({ tag: 'xi' })).toEqual(['c', 'a']);
    expect(await ids({ tag: 'xi', entryId: 'win-win-cooperation' })).toEqual(['c']);
    expect(await ids({ url: 'https://www.example.com/world/summit?fbclid=1' })).toEqual(['c', 'a']);
    expect(await ids({ limit: 1 })).toEqual(['c']);
    expect((await notesForPage(ctx, 'https://www.example.com/world/summit/')).notes.map((n) => n.id)).toEqual([a.id, c.id]);
    expect(await notesForPage(ctx, 'https://other.example.org/p#x')).toEqual({ url: 'https://other.example.org/p', notes: [b] });
  });

  it('searches body, quote, title, tags and site, every word', async () => {
    const ctx = testContext();
    await createNote(ctx, draft({ body: 'About the Belt and Road', tags: ['bri'] }));
    await createNote(ctx, draft({ body: 'Other', title: 'Olympics feature', selectors: null, tags: [] }));
    const bodies = async (q: string) => (await searchNotes(ctx, q)).map((n) => n.body);
    expect(await bodies('belt ROAD')).toEqual(['About the Belt and Road']);
    expect(await bodies('命运共同体')).toEqual(['About the Belt and Road']);
    expect(await bodies('olympics')).toEqual(['Other']);
    expect(await bodies('bri')).toEqual(['About the Belt and Road']);
    expect((await bodies('example.com')).length).toBe(2);
    expect(await bodies('belt olympics')).toEqual([]);
    expect(await bodies('   ')).toEqual([]);
  });
});

describe('encounters', () => {
  const url = 'https://www.example.com/world/summit?utm_medium=x';

  it('records one row per (entry, page) and updates it on the next scan', async () => {
    const ctx = testContext();
    expect(
      await recordEncounters(ctx, url, 'Summit', [
        { entryId: 'a-term', count: 2 },
        { entryId: 'b-term', count: 1 },
      ]),
    ).toBe(2);
    ctx.clock.now = T0 + DAY;
    await recordEncounters(ctx, `${url}#later`, '', [{ entryId: 'a-term', count: 5 }]);
    const rows = await listEncounters(ctx);
    expect(rows).toEqual([
      { entryId: 'a-term', url: 'https://www.example.com/world/summit', site: 'example.com', title: 'Summit', firstSeen: T0, lastSeen: T0 + DAY, count: 5 },
      { entryId: 'b-term', url: 'https://www.example.com/world/summit', site: 'example.com', title: 'Summit', firstSeen: T0, lastSeen: T0, count: 1 },
    ]);
    expect(await recordEncounters(ctx, url, 'x', [])).toBe(0);
  });

  it('lists by entry, page or site', async () => {
    const ctx = testContext();
    await recordEncounters(ctx, 'https://a.example.com/1', 'One', [{ entryId: 'a-term', count: 1 }]);
    await recordEncounters(ctx, 'https://b.example.com/2', 'Two', [
      { entryId: 'a-term', count: 1 },
      { entryId: 'b-term', count: 3 },
    ]);
    expect((await listEncounters(ctx, { entryId: 'a-term' })).map((e) => e.url).sort()).toEqual(['https://a.example.com/1', 'https://b.example.com/2']);
    expect((await listEncounters(ctx, { url: 'https://b.example.com/2/' })).map((e) => e.entryId).sort()).toEqual(['a-term', 'b-term']);
    expect((await listEncounters(ctx, { site: 'a.example.com' })).length).toBe(1);
    expect((await listEncounters(ctx, { limit: 2 })).length).toBe(2);
  });
});

describe('the reading history stays bounded', () => {
  it('drops rows not seen for longer than the retention age', async () => {
    const ctx = testContext();
    const retention = { maxRows: 100, maxAgeMs: 10 * DAY };
    await recordEncounters(ctx, 'https://a.example.com/old', 'Old', [{ entryId: 'a-term', count: 1 }], retention);
    ctx.clock.now = T0 + 11 * DAY;
    await recordEncounters(ctx, 'https://a.example.com/new', 'New', [{ entryId: 'a-term', count: 1 }], retention);
    expect((await listEncounters(ctx)).map((e) => e.url)).toEqual(['https://a.example.com/new']);
  });

  it('keeps at most the row limit, the least recently seen going first, however many addresses a page moves through', async () => {
    const ctx = testContext();
    const retention = { maxRows: 5, maxAgeMs: 365 * DAY };
    // A page calling pushState to a new address again and again.
    for (let i = 0; i < 12; i++) {
      ctx.clock.now = T0 + i;
      await recordEncounters(ctx, `https://spa.example.com/page/${i}`, '', [{ entryId: 'a-term', count: 1 }], retention);
    }
    const rows = await listEncounters(ctx);
    expect(rows.map((e) => e.url)).toEqual([11, 10, 9, 8, 7].map((i) => `https://spa.example.com/page/${i}`));
  });

  it('never prunes in a write that failed: the rows and the pruning go together', async () => {
    const ctx = testContext();
    const retention = { maxRows: 1, maxAgeMs: 365 * DAY };
    await recordEncounters(ctx, 'https://a.example.com/1', '', [{ entryId: 'a-term', count: 1 }], retention);
    vi.spyOn(ctx.db.encounters, 'bulkDelete').mockRejectedValueOnce(new Error('disk full'));
    ctx.clock.now = T0 + DAY;
    await expect(recordEncounters(ctx, 'https://a.example.com/2', '', [{ entryId: 'a-term', count: 1 }], retention)).rejects.toThrow('disk full');
    expect((await listEncounters(ctx)).map((e) => e.url)).toEqual(['https://a.example.com/1']);
  });

  it('is cleared at the reader’s request, the notes kept', async () => {
    const ctx = testContext();
    await createNote(ctx, draft());
    await recordEncounters(ctx, 'https://a.example.com/1', '', [
      { entryId: 'a-term', count: 1 },
      { entryId: 'b-term', count: 1 },
    ]);
    expect(await clearEncounters(ctx)).toBe(2);
    expect(await listEncounters(ctx)).toEqual([]);
    expect(await ctx.db.notes.count()).toBe(1);
  });
});

describe('the store as extension pages call it directly', () => {
  it('checks drafts and changes as the messages are checked', async () => {
    const ctx = testContext();
    await expect(createNote(ctx, draft({ body: 'x'.repeat(10_001) }))).rejects.toThrow('draft.body: longer than 10000 characters (10001)');
    const note = await createNote(ctx, draft());
    await expect(updateNote(ctx, note.id, { tags: Array.from({ length: 30 }, (_, i) => `t${i}`) })).rejects.toThrow('changes.tags: more than 20 tags (30)');
    expect(await ctx.db.notes.toArray()).toEqual([note]);
  });
});
