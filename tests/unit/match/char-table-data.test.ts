import { describe, expect, it } from 'vitest';
import { CHAR_BLOCK_SHIFT, charBlocks, charInfo } from '../../../lib/match/char-table';
import { FOLDS, SPECIALS } from '../../../lib/match/char-folds';
import { buildTables, encodeBlocks } from '../../../lib/match/char-table-build';

describe('the shipped character tables', () => {
  const built = buildTables();

  it('equal what the ranges derive (else run scripts/build-char-table.ts)', () => {
    expect(Array.from(charInfo())).toEqual(Array.from(built.info));
    expect(Array.from(FOLDS)).toEqual(Array.from(built.folds));
    expect(Array.from(SPECIALS)).toEqual(Array.from(built.specials));
  });

  it('ship as distinct blocks that give back every unit, as the prefilter reads them', () => {
    const { index, blocks } = charBlocks();
    expect(index).toHaveLength(0x10000 >> CHAR_BLOCK_SHIFT);
    expect(blocks.length % (1 << CHAR_BLOCK_SHIFT)).toBe(0);
    const mask = (1 << CHAR_BLOCK_SHIFT) - 1;
    for (let c = 0; c < 0x10000; c++) {
      if (blocks[(index[c >>> CHAR_BLOCK_SHIFT]! << CHAR_BLOCK_SHIFT) | (c & mask)] !== built.info[c]) {
        throw new Error(`unit ${c.toString(16)} differs`);
      }
    }
    // Each distinct block once, in order of first use.
    const small = encodeBlocks(Int32Array.from({ length: 256 }, (_, i) => (i < 64 || i >= 192 ? 7 : i >> 6)));
    expect(Array.from(small.index)).toEqual([0, 1, 2, 0]);
    expect(small.blocks).toHaveLength(3 * 64);
  });
});
