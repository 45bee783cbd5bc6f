// A backup of years of use restores everything. The full size (10,000 notes, 200,000 rows of
// reading history) runs with TIFA_FULL=1; a tenth of it always runs.

import { describe, expect, it } from 'vitest';
import { commitImport, exportData, previewImport, readBackup } from '../../../background/backup';
import type { Encounter, Note } from '../../../lib/notes/types';
import { GLOSSARY, T0 } from '../notes/fixtures';
import { freshDb, testContext } from './helpers';

function note(i: number): Note {
  const site = `news${i % 97}.example.org`;
  return {
    id: `note-${String(i).padStart(6, '0')}`,
    url: `https://${site}/story/${i}`,
    title: `Story ${i}: 携手共命运`,
    site,
    ref: i % 3 === 0 ? { kind: 'term', entryId: 'shared-future-mankind' } : null,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: `推动构建人类命运共同体 ${i}`, prefix: '中国愿同中亚国家一道，', suffix: '。我们要携手共命运' },
      position: { type: 'TextPositionSelector', start: 100 + i, end: 115 + i },
    },
    body: `Note ${i}: the formulation again, "quoted", with <b>markup</b> and 中文.\nSecond line.`,
    tags: i % 2 === 0 ? ['xi', 'central asia'] : [],
    createdAt: T0 + i * 1000,
    updatedAt: T0 + i * 1000 + (i % 5),
  };
}

function encounter(i: number): Encounter {
  const page = Math.floor(i / 20);
  const site = `site${page % 211}.example.com`;
  return {
    entryId: `entry-${i % 20}-${page % 13}`,
    url: `https://${site}/2024/article-${page}`,
    site,
    title: `Article ${page}`,
    firstSeen: T0 + page,
    lastSeen: T0 + page + (i % 7),
    count: (i % 9) + 1,
  };
}

const dump = async (ctx: ReturnType<typeof testContext>): Promise<string> =>
  JSON.stringify({ notes: await ctx.db.notes.toArray(), encounters: await ctx.db.encounters.toArray() });

async function roundTrip(notes: number, encounters: number): Promise<void> {
  const ctx = testContext();
  await ctx.db.notes.bulkPut(Array.from({ length: notes }, (_, i) => note(i)));
  await ctx.db.encounters.bulkPut(Array.from({ length: encounters }, (_, i) => encounter(i)));
  const before = await dump(ctx);

  const started = performance.now();
  const seen: number[] = [];
  const file = await exportData(ctx, 'json', GLOSSARY, { progress: (done) => seen.push(done) });
  // What the page saves: a Blob of the parts, read back as the import reads a chosen file.
  const text = await new Blob(file.parts, { type: file.mimeType }).text();
  const exported = performance.now();

  const fresh = testContext(freshDb());
  const backup = readBackup(text);
  expect(await previewImport(fresh, backup)).toEqual({
    notes: { added: notes, changed: 0, unchanged: 0, keptLocal: 0 },
    encounters: { added: encounters, changed: 0, unchanged: 0 },
  });
  const progress: number[] = [];
  await commitImport(fresh, backup, (done) => progress.push(done));
  const imported = performance.now();

  expect(await dump(fresh)).toBe(before);
  expect(progress.at(-1)).toBe(notes + encounters);
  expect(seen.at(-1)).toBe(notes + encounters);
  // The file is never one string on the way out: its parts are bounded.
  expect(Math.max(...file.parts.map((p) => p.length))).toBeLessThan(2 * 1024 * 1024);
  console.info(
    `backup of ${notes} notes + ${encounters} history rows (${(text.length / 1048576).toFixed(1)} MB): ` +
      `export ${Math.round(exported - started)} ms, check + preview + import ${Math.round(imported - exported)} ms`,
  );
}

describe('a large backup', () => {
  it('of 1,000 notes and 20,000 history rows restores every row', async () => {
    await roundTrip(1_000, 20_000);
  });

  it.runIf(process.env.TIFA_FULL === '1')(
    'of 10,000 notes and 200,000 history rows restores every row',
    async () => {
      await roundTrip(10_000, 200_000);
    },
    600_000,
  );
});
