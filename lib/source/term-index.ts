import { CATEGORIES, CATEGORY_LABELS } from '../glossary/types';
import type { Category, GlossaryEntry } from '../glossary/types';
import { foldPinyin } from './search';

export interface IndexedTerm {
  /** Index into the glossary's entries. */
  entry: number;
  zh: string;
  pinyin: string;
  en: string;
  occurrences: number;
}

export interface IndexCategory {
  category: Category;
  label: string;
  terms: IndexedTerm[];
  /** Occurrences of all its terms. */
  occurrences: number;
}

/** The glossary by category (in the glossary's category order), terms in pinyin order; empty categories left out. */
export function termIndex(entries: readonly GlossaryEntry[]): IndexCategory[] {
  return CATEGORIES.map((category) => {
    const terms = entries
      .map((e, i): [GlossaryEntry, number] => [e, i])
      .filter(([e]) => e.category === category)
      .map(([e, i]) => ({ entry: i, zh: e.zh, pinyin: e.pinyin, en: e.en, occurrences: e.occurrences.length }))
      .sort((a, b) => foldPinyin(a.pinyin).localeCompare(foldPinyin(b.pinyin)) || a.zh.localeCompare(b.zh));
    return {
      category,
      label: CATEGORY_LABELS[category],
      terms,
      occurrences: terms.reduce((n, t) => n + t.occurrences, 0),
    };
  }).filter((c) => c.terms.length > 0);
}
