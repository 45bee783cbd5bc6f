// Filtering the glossary in the popup by text, category and whether the reader has met it.

import type { Category, GlossaryEntry } from '../../lib/glossary/types';
import { fold, matchesWords, queryWords } from './text-fold';
import type { EncounterStats } from './types';

export interface GlossaryQuery {
  text: string;
  /** '' for every category. */
  category: Category | '';
  metOnly: boolean;
}

export const EMPTY_GLOSSARY_QUERY: GlossaryQuery = { text: '', category: '', metOnly: false };

type Searchable = Pick<GlossaryEntry, 'id' | 'zh' | 'pinyin' | 'en' | 'category' | 'forms'>;

/** Term, pinyin, English and every form (traditional and English aliases). */
export function entrySearchText(entry: Searchable): string {
  return fold([entry.zh, entry.pinyin, entry.en, entry.id, ...entry.forms.map((f) => f.text)].join(' '));
}

export function filterEntries<E extends Searchable>(entries: readonly E[], query: GlossaryQuery, met: EncounterStats): E[] {
  const words = queryWords(query.text);
  return entries.filter(
    (e) =>
      (query.category === '' || e.category === query.category) &&
      (!query.metOnly || met.has(e.id)) &&
      (words.length === 0 || matchesWords(entrySearchText(e), words)),
  );
}
