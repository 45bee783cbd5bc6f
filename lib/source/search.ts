// Search in the source viewer. A query is looked for literally in the text and, through the
// glossary, as a term: by a traditional form, by pinyin without tones or spaces (`yidaiyilu`,
// `yī dài`), or by English. Hits are [start, end) ranges per block.

import type { CorpusDocument } from '../corpus/types';
import type { GlossaryEntry } from '../glossary/types';
import { blockKey } from './segments';
import type { Range } from './segments';

export interface SearchResult {
  /** `doc:block` → the block's hits, sorted and merged. */
  hits: Map<string, Range[]>;
  /** Blocks with a hit, in corpus order. */
  blocks: { doc: number; block: number }[];
  hitCount: number;
  /** Indexes of the entries the query named. */
  entries: number[];
}

const HAN = /\p{Script=Han}/u;

/** Lower case, no tone marks, ü as u, no spaces or punctuation: `Yī dài yī lù` → `yidaiyilu`. */
export function foldPinyin(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/v/gu, 'u')
    .replace(/[^a-z0-9]/gu, '');
}

function foldEnglish(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s\-–—]+/gu, ' ')
    .trim();
}

function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** Entries the query names: a traditional form holding a Han query, or pinyin or English holding a Latin one. */
function matchingEntries(query: string, entries: readonly GlossaryEntry[]): number[] {
  const found: number[] = [];
  if (HAN.test(query)) {
    // Simplified text is found literally; an entry counts only for a form the text does not have.
    entries.forEach((entry, i) => {
      const hant = entry.forms.some((f) => f.script === 'hant' && f.text.includes(query));
      const hans = entry.zh.includes(query) || entry.forms.some((f) => f.script === 'hans' && f.text.includes(query));
      if (hant && !hans) found.push(i);
    });
    return found;
  }
  const pinyin = foldPinyin(query);
  const english = foldEnglish(query);
  if (pinyin.length < 2 && english.length < 2) return found;
  entries.forEach((entry, i) => {
    const byPinyin = pinyin.length >= 2 && /[a-z]/u.test(pinyin) && foldPinyin(entry.pinyin).includes(pinyin);
    const byEnglish =
      english.length >= 2 && [entry.en, ...entry.forms.filter((f) => f.script === 'en').map((f) => f.text)].some((t) => foldEnglish(t).includes(english));
    if (byPinyin || byEnglish) found.push(i);
  });
  return found;
}

export function searchCorpus(rawQuery: string, documents: readonly CorpusDocument[], entries: readonly GlossaryEntry[]): SearchResult | null {
  const query = rawQuery.trim().replace(/\s+/gu, ' ');
  if (!query) return null;
  const byBlock = new Map<string, Range[]>();
  const add = (doc: number, block: number, range: Range): void => {
    const key = blockKey(doc, block);
    const list = byBlock.get(key) ?? [];
    list.push(range);
    byBlock.set(key, list);
  };

  // ASCII-only lower case keeps offsets: full Unicode case mapping may change a string's length.
  const lower = (s: string): string => s.replace(/[A-Z]/gu, (c) => c.toLowerCase());
  const needle = lower(query);
  documents.forEach((doc, d) =>
    doc.blocks.forEach((block, b) => {
      const hay = lower(block.text);
      for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
        add(d, b, { start: at, end: at + needle.length });
      }
    }),
  );

  const named = matchingEntries(query, entries);
  for (const e of named) {
    for (const [doc, block, start, end] of entries[e]?.occurrences ?? []) add(doc, block, { start, end });
  }

  const hits = new Map<string, Range[]>();
  const blocks: SearchResult['blocks'] = [];
  let hitCount = 0;
  documents.forEach((doc, d) =>
    doc.blocks.forEach((_, b) => {
      const ranges = byBlock.get(blockKey(d, b));
      if (!ranges) return;
      const merged = merge(ranges);
      hits.set(blockKey(d, b), merged);
      blocks.push({ doc: d, block: b });
      hitCount += merged.length;
    }),
  );
  return { hits, blocks, hitCount, entries: named };
}
