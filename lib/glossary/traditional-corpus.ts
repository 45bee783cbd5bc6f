// Packs the corpus's traditional renderings for the compiled glossary, which pages fetch from the
// background: a table of each character's usual form and, per region, only the runs of a block
// that the table gets wrong (周 is 週 in 週年 but stays 周 in 周边), a few KB instead of the text.

import type { CorpusDocument } from '../corpus/types';
import { REGIONS } from './traditional-rules';
import { traditionalBlock, usualForms } from './traditional-text';
import type { TraditionalCorpus, TraditionalPatch, TraditionalRegion } from './types';

/** Whether `rendering` lines up with `text` character by character, in UTF-16 units too. */
function alignsWith(text: string, rendering: string): boolean {
  const a = [...text];
  const b = [...rendering];
  return a.length === b.length && a.every((ch, i) => ch.length === b[i]!.length);
}

/**
 * The packed renderings of every block; `render` gives a block's text as a region writes it (null:
 * none). A rendering that does not line up with its block is left out: that block stays simplified.
 * Throws if the packed form does not read back as the renderings (a bug, not a data problem).
 */
export function packTraditionalCorpus(
  documents: readonly CorpusDocument[],
  render: (region: TraditionalRegion, text: string) => string | null,
): TraditionalCorpus {
  const renderings = REGIONS.map((region) =>
    documents.map((doc) =>
      doc.blocks.map((block) => {
        const out = render(region, block.text);
        return out !== null && alignsWith(block.text, out) ? out : block.text;
      }),
    ),
  );
  const counts = new Map<string, Map<string, number>>();
  documents.forEach((doc, d) =>
    doc.blocks.forEach((block, b) => {
      for (const per of renderings) {
        const out = [...(per[d]?.[b] ?? '')];
        [...block.text].forEach((ch, i) => {
          const to = out[i] ?? ch;
          const tally = counts.get(ch) ?? new Map<string, number>();
          tally.set(to, (tally.get(to) ?? 0) + 1);
          counts.set(ch, tally);
        });
      }
    }),
  );
  const chars = new Map<string, string>();
  for (const [ch, tally] of counts) {
    const usual = [...tally].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0];
    if (usual !== ch) chars.set(ch, usual);
  }
  const packed: TraditionalCorpus = {
    chars: [...chars]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([s, t]) => s + t)
      .join(''),
    tw: [],
    hk: [],
  };
  REGIONS.forEach((region, r) => {
    const patches: TraditionalPatch[] = packed[region];
    documents.forEach((doc, d) =>
      doc.blocks.forEach((block, b) => {
        const want = renderings[r]?.[d]?.[b] ?? block.text;
        const base = usualForms(block.text, chars);
        for (let i = 0; i < want.length; i++) {
          if (want[i] === base[i]) continue;
          let j = i;
          while (j < want.length && want[j] !== base[j]) j++;
          patches.push([d, b, i, want.slice(i, j)]);
          i = j;
        }
      }),
    );
  });
  REGIONS.forEach((region, r) =>
    documents.forEach((doc, d) =>
      doc.blocks.forEach((block, b) => {
        const read = traditionalBlock(packed, documents, region, d, b) ?? block.text;
        if (read !== renderings[r]?.[d]?.[b]) throw new Error(`traditional corpus: ${doc.id} block ${b} (${region}) does not read back`);
      }),
    ),
  );
  return packed;
}
