// Reads the corpus's traditional renderings out of the compiled glossary (CompiledGlossary.traditional,
// written by lib/glossary/traditional-corpus.ts): what a card on a traditional-Chinese page shows.

import type { CorpusDocument } from '../corpus/types';
import type { TraditionalCorpus, TraditionalPatch, TraditionalRegion } from './types';

interface Decoded {
  chars: Map<string, string>;
  patches: Record<TraditionalRegion, Map<string, TraditionalPatch[]>>;
}

const decoded = new WeakMap<TraditionalCorpus, Decoded>();

function byBlock(patches: readonly TraditionalPatch[]): Map<string, TraditionalPatch[]> {
  const map = new Map<string, TraditionalPatch[]>();
  for (const patch of patches) {
    const key = `${patch[0]}:${patch[1]}`;
    const list = map.get(key) ?? [];
    list.push(patch);
    map.set(key, list);
  }
  return map;
}

function decode(corpus: TraditionalCorpus): Decoded {
  let found = decoded.get(corpus);
  if (found) return found;
  const chars = new Map<string, string>();
  const pairs = [...corpus.chars];
  for (let i = 0; i + 1 < pairs.length; i += 2) chars.set(pairs[i]!, pairs[i + 1]!);
  found = { chars, patches: { tw: byBlock(corpus.tw), hk: byBlock(corpus.hk) } };
  decoded.set(corpus, found);
  return found;
}

/** `text` with each character replaced by its usual form (pairs "simplified, traditional"). */
export function usualForms(text: string, chars: ReadonlyMap<string, string>): string {
  let out = '';
  for (const ch of text) out += chars.get(ch) ?? ch;
  return out;
}

/**
 * Block `block` of document `doc` as `region` writes it, of the same length as its simplified text
 * (occurrence offsets apply to both); null when there is no such block or it reads the same.
 */
export function traditionalBlock(
  corpus: TraditionalCorpus,
  documents: readonly CorpusDocument[],
  region: TraditionalRegion,
  doc: number,
  block: number,
): string | null {
  const text = documents[doc]?.blocks[block]?.text;
  if (text === undefined) return null;
  const { chars, patches } = decode(corpus);
  let out = usualForms(text, chars);
  for (const [, , offset, run] of patches[region].get(`${doc}:${block}`) ?? []) {
    out = out.slice(0, offset) + run + out.slice(offset + run.length);
  }
  return out === text || out.length !== text.length ? null : out;
}
