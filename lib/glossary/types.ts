import type { CorpusDocument } from '../corpus/types';
import type { Script } from '../match/index';

/** Bumped whenever the compiled shape changes; the extension refuses a glossary of another version. */
export const GLOSSARY_VERSION = 2;

export const CATEGORIES = [
  'concept',
  'initiative',
  'project',
  'security',
  'exchange',
  'olympics',
  'pledge',
  'idiom',
  'person',
  'organisation',
  'place',
] as const;

export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  concept: 'Diplomatic concept',
  initiative: 'Initiative or mechanism',
  project: 'Project or infrastructure',
  security: 'Security',
  exchange: 'People-to-people exchange',
  olympics: 'Olympics',
  pledge: 'Pledge',
  idiom: 'Idiom or classical quotation',
  person: 'Person',
  organisation: 'Organisation',
  place: 'Place',
};

/** One written form an entry is found by on a page. */
export interface EntryForm {
  text: string;
  script: Script;
}

/**
 * Where an entry occurs in the corpus: document index, block index, and the [start, end) of the
 * occurrence and of its sentence, as offsets into that block's text.
 */
export type Occurrence = readonly [
  doc: number,
  block: number,
  start: number,
  end: number,
  sentenceStart: number,
  sentenceEnd: number,
];

export interface GlossaryEntry {
  id: string;
  /** The term as the corpus writes it. */
  zh: string;
  /** Tone-marked pinyin, one syllable per Han character. */
  pinyin: string;
  en: string;
  category: Category;
  explanation: string;
  /** Every form matched on pages: the term, its aliases, traditional and English forms. */
  forms: EntryForm[];
  /** Every place the entry occurs in the corpus, in corpus order. */
  occurrences: Occurrence[];
}

export interface CompiledGlossary {
  version: typeof GLOSSARY_VERSION;
  /** SHA-256 of the corpus file the glossary was compiled from. */
  corpusSha256: string;
  documents: CorpusDocument[];
  entries: GlossaryEntry[];
  /**
   * The traditional forms of the corpus's characters, as pairs "variant, corpus character": a
   * quotation on a traditional-Chinese page is traced too (lib/glossary/quote-variants.ts).
   */
  quoteVariants: string;
}
