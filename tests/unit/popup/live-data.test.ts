import { describe, expect, it } from 'vitest';
import { encounterStats, shownNotes } from '../../../entrypoints/popup/live-data';
import { freshDb } from '../background/helpers';
import { makeNote } from '../notes/fixtures';

describe('the popup’s live view of the database', () => {
  it('shows the valid notes and leaves out a row that is no note, instead of failing', async () => {
    const db = freshDb();
    const good = makeNote({ id: 'good' });
    await db.notes.put(good);
    // As a buggy or older version might have stored it.
    await db.table('notes').put({ id: 'bad', url: 'https://example.com/', tags: 'not a list', selectors: { quote: null } });
    await db.table('encounters').put({ entryId: 'shared-future-mankind', url: 'https://example.com/', count: 'many' });
    // What the popup's live query gets: the rows as stored.
    const notes = shownNotes(await db.notes.toArray());
    expect(notes.map((n) => n.id)).toEqual(['good']);
    expect(encounterStats(await db.encounters.toArray()).size).toBe(0);
    db.close();
  });
});
