import { describe, expect, it } from 'vitest';
import { charInfo } from '../../../lib/match/char-table';
import { FOLDS, SPECIALS } from '../../../lib/match/char-folds';
import { buildTables, encodeRuns } from '../../../lib/match/char-table-build';
import { charTableDataModule } from '../../../scripts/build-char-table';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('the shipped character tables', () => {
  const built = buildTables();

  it('equal what the ranges derive (else run scripts/build-char-table.ts)', () => {
    expect(Array.from(charInfo())).toEqual(Array.from(built.info));
    expect(Array.from(FOLDS)).toEqual(Array.from(built.folds));
    expect(Array.from(SPECIALS)).toEqual(Array.from(built.specials));
  });

  it('are the generated file, byte for byte', () => {
    const file = readFileSync(join(import.meta.dirname, '../../../lib/match/char-table-data.ts'), 'utf8');
    expect(file).toBe(charTableDataModule());
  });

  it('run-length encode every unit exactly once', () => {
    const runs = encodeRuns(built.info);
    let total = 0;
    for (let i = 1; i < runs.length; i += 2) {
      expect(runs[i]).toBeGreaterThan(0);
      total += runs[i]!;
    }
    expect(total).toBe(0x10000);
    expect(encodeRuns(Int32Array.from([5, 5, 0, 7]))).toEqual([5, 2, 0, 1, 7, 1]);
  });
});
