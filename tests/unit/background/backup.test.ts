import { describe, expect, it, vi } from 'vitest';
import { commitImport as commitBackup, exportData, previewImport as previewBackup, readBackup } from '../../../background/backup';
import type { StoreContext } from '../../../background/context';
import { recordEncounters } from '../../../background/encounters-store';
import { createNote, updateNote } from '../../../background/notes-store';
import type { NoteDraft } from '../../../lib/notes/types';
import { GLOSSARY, trickyNotes } from '../notes/fixtures';
import { freshDb, testContext } from './helpers';

// The page reads the file, then previews or imports it.
const previewImport = async (ctx: StoreContext, text: string) => previewBackup(ctx, readBackup(text));
const commitImport = async (ctx: StoreContext, text: string) => commitBackup(ctx, readBackup(text));
const textOf = (file: { parts: string[] }): string => file.parts.join('');

const draft = (body: string, url = 'https://www.example.com/a'): NoteDraft => ({
  url,
  title: 'Page <b>A</b>',
  ref: { kind: 'term', entryId: 'shared-future-mankind' },
  selectors: {
    quote: { type: 'TextQuoteSelector', exact: '人类命运共同体', prefix: '构建', suffix: '。' },
    position: { type: 'TextPositionSelector', start: 2, end: 9 },
  },
  body,
  tags: ['xi'],
});

async function populated() {
  const ctx = testContext();
  await createNote(ctx, draft('first, with "quotes"\nand <img src=x onerror=alert(1)>'));
  ctx.clock.now += 1000;
  await createNote(ctx, draft('second 中文', 'https://news.example.org/b'));
  await ctx.db.notes.bulkPut(trickyNotes());
  await recordEncounters(ctx, 'https://www.example.com/a', 'Page A', [
    { entryId: 'shared-future-mankind', count: 2 },
    { entryId: 'together-for-future', count: 1 },
  ]);
  return ctx;
}

const snapshot = async (ctx: ReturnType<typeof testContext>) => ({
  notes: await ctx.db.notes.orderBy('id').toArray(),
  encounters: await ctx.db.encounters.toArray(),
});

describe('backup round trip', () => {
  it('export JSON → wipe → import gives back identical data; importing again changes nothing', async () => {
    const ctx = await populated();
    const before = await snapshot(ctx);
    const file = await exportData(ctx, 'json', GLOSSARY);
    expect(file).toMatchObject({ filename: 'tifa-lens-backup-2024-05-01.json', mimeType: 'application/json' });

    // Wipe: a brand-new profile.
    await ctx.db.delete();
    const fresh = testContext(freshDb());
    expect(await previewImport(fresh, textOf(file))).toEqual({
      notes: { added: 5, changed: 0, unchanged: 0, keptLocal: 0 },
      encounters: { added: 2, changed: 0, unchanged: 0 },
    });
    expect(await fresh.db.notes.count()).toBe(0);
    expect(await commitImport(fresh, textOf(file))).toMatchObject({ notes: { added: 5 }, encounters: { added: 2 } });
    expect(await snapshot(fresh)).toEqual(before);

    const again = await commitImport(fresh, textOf(file));
    expect(again).toEqual({
      notes: { added: 0, changed: 0, unchanged: 5, keptLocal: 0 },
      encounters: { added: 0, changed: 0, unchanged: 2 },
    });
    expect(await snapshot(fresh)).toEqual(before);
  });

  it('merges: newer notes in the file replace older ones, newer local edits are kept', async () => {
    const ctx = await populated();
    const file = textOf(await exportData(ctx, 'json', GLOSSARY));
    const [first] = await ctx.db.notes.where('url').equals('https://www.example.com/a').toArray();
    if (!first) throw new Error('fixture');
    ctx.clock.now += 60_000;
    await updateNote(ctx, first.id, { body: 'edited after the export' });
    const summary = await commitImport(ctx, file);
    expect(summary.notes).toEqual({ added: 0, changed: 0, unchanged: 4, keptLocal: 1 });
    expect((await ctx.db.notes.get(first.id))?.body).toBe('edited after the export');
  });

  it('writes nothing when one row of the file is bad', async () => {
    const ctx = await populated();
    const before = await snapshot(ctx);
    const backup = JSON.parse(textOf(await exportData(ctx, 'json', GLOSSARY))) as { notes: Record<string, unknown>[] };
    backup.notes.push({ ...backup.notes[0], id: 'new-one', body: 'fine' });
    backup.notes.push({ ...backup.notes[0], id: 'bad-one', body: 'x'.repeat(10_001) });
    await expect(commitImport(ctx, JSON.stringify(backup))).rejects.toThrow(
      'The file is not a valid backup: notes[6] (id "bad-one"): body: longer than 10000 characters (10001)',
    );
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('rolls the whole import back when a write fails half-way', async () => {
    const ctx = await populated();
    const file = textOf(await exportData(ctx, 'json', GLOSSARY));
    const empty = testContext(freshDb());
    const spy = vi.spyOn(empty.db.encounters, 'bulkPut').mockRejectedValueOnce(new Error('quota exceeded'));
    await expect(commitImport(empty, file)).rejects.toThrow('quota exceeded');
    spy.mockRestore();
    expect(await empty.db.notes.count()).toBe(0);
    expect(await empty.db.encounters.count()).toBe(0);
  });

  it('refuses an oversized or malformed file with a clear error and no change', async () => {
    const ctx = await populated();
    const before = await snapshot(ctx);
    await expect(commitImport(ctx, '{"format":"tifa-lens-backup"')).rejects.toThrow(/not valid JSON/u);
    await expect(previewImport(ctx, '{"notes":[]}')).rejects.toThrow('The file is not a Tifa Lens backup.');
    expect(await snapshot(ctx)).toEqual(before);
  });
});

describe('other exports', () => {
  it('exports Markdown and Anki CSV files of the stored notes', async () => {
    const ctx = await populated();
    const md = await exportData(ctx, 'markdown', GLOSSARY);
    expect(md).toMatchObject({ filename: 'tifa-lens-notes-2024-05-01.md', mimeType: 'text/markdown' });
    expect(textOf(md)).toContain('## Page \\<b\\>A\\</b\\>');
    const csv = await exportData(ctx, 'anki-csv', GLOSSARY, { includeEncounteredTerms: true });
    expect(csv).toMatchObject({ filename: 'tifa-lens-anki-2024-05-01.csv', mimeType: 'text/csv' });
    expect(textOf(csv).startsWith('#separator:comma\r\n#html:false\r\n')).toBe(true);
    // The term met without a note gets its own card.
    expect(textOf(csv)).toContain('一起向未来,yīqǐ xiàng wèilái');
  });
});
