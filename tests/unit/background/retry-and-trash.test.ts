import { describe, expect, it } from 'vitest';
import { commitImport, exportData, readBackup } from '../../../background/backup';
import { createNote, deleteNote, restoreNote, updateNote } from '../../../background/notes-store';
import type { NoteDraft } from '../../../lib/notes/types';
import { GLOSSARY } from '../notes/fixtures';
import { freshDb, testContext } from './helpers';

const ID = '3f0c2a9e-7d1b-4c55-9a40-0b8f6f1e2d3c';

const draft = (overrides: Partial<NoteDraft> = {}): NoteDraft => ({
  id: ID,
  url: 'https://www.example.com/a',
  title: 'Summit',
  ref: null,
  selectors: null,
  body: 'A note',
  tags: ['xi'],
  ...overrides,
});

describe('a create sent again (the answer was lost when the service worker stopped)', () => {
  it('finds the note the first create saved instead of writing a second one', async () => {
    const ctx = testContext();
    const first = await createNote(ctx, draft());
    expect(first.id).toBe(ID);
    ctx.clock.now += 5_000;
    expect(await createNote(ctx, draft())).toEqual(first);
    expect(await ctx.db.notes.count()).toBe(1);
  });

  it('does not bring back a note deleted since, nor duplicate it', async () => {
    const ctx = testContext();
    const first = await createNote(ctx, draft());
    await deleteNote(ctx, ID);
    expect(await createNote(ctx, draft())).toEqual(first);
    expect(await ctx.db.notes.count()).toBe(0);
    expect(await ctx.db.trash.count()).toBe(1);
  });

  it('refuses the same id for another note, without showing the stored one', async () => {
    const ctx = testContext();
    await createNote(ctx, draft({ body: 'private', url: 'https://other.example.org/' }));
    await expect(createNote(ctx, draft())).rejects.toThrow(`The note id ${ID} is already taken.`);
    expect((await ctx.db.notes.get(ID))?.body).toBe('private');
  });

  it('still gives an id of its own to a draft without one', async () => {
    const ctx = testContext();
    const { id: _id, ...plain } = draft();
    const a = await createNote(ctx, plain);
    const b = await createNote(ctx, plain);
    expect(a.id).not.toBe(b.id);
    expect(await ctx.db.notes.count()).toBe(2);
  });
});

describe('undoing a delete after importing the same note', () => {
  it('keeps the newer imported version', async () => {
    // The backup holds a later edit of the note made on another profile.
    const other = testContext(freshDb());
    await createNote(other, draft());
    other.clock.now += 60_000;
    await updateNote(other, ID, { body: 'edited later, elsewhere' });
    const file = (await exportData(other, 'json', GLOSSARY)).parts.join('');

    const ctx = testContext();
    await createNote(ctx, draft());
    ctx.clock.now += 1_000;
    await deleteNote(ctx, ID);
    await commitImport(ctx, readBackup(file));
    const restored = await restoreNote(ctx, ID);
    expect(restored.body).toBe('edited later, elsewhere');
    expect((await ctx.db.notes.get(ID))?.body).toBe('edited later, elsewhere');
    expect(await ctx.db.trash.count()).toBe(0);
  });

  it('still puts back the deleted version when it is the newer one', async () => {
    const ctx = testContext();
    await createNote(ctx, draft());
    const file = (await exportData(ctx, 'json', GLOSSARY)).parts.join('');
    ctx.clock.now += 1_000;
    await updateNote(ctx, ID, { body: 'edited after the backup' });
    await deleteNote(ctx, ID);
    await commitImport(ctx, readBackup(file));
    expect((await restoreNote(ctx, ID)).body).toBe('edited after the backup');
    expect((await ctx.db.notes.get(ID))?.body).toBe('edited after the backup');
  });
});
