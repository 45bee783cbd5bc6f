import type { CorpusDocument } from '../corpus/types';
import type { Script } from '../match/index';

/** Bumped whenever the compiled shape changes; the extension refuses a glossary of another version. */
export const GLOSSARY_VERSION = 5;

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

/** One written form an entry is found by. */
export interface EntryForm {
  text: string;
  script: Script;
  /** `corpus`: the form only locates the entry in the corpus, pages never match it. */
  scope?: 'corpus';
  /** On pages, the form matches only in a block that also holds one of these words. */
  near?: string[];
  /** On pages, the form never matches as part of one of these longer strings. */
  notIn?: string[];
}

/** Where a factual claim of an entry comes from (the extension never fetches the address). */
export interface EntrySource {
  title: string;
  publisher: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  url?: string;
}

/**
 * Where an entry occurs in the corpus: document index, block index, and the [start, end) of the
 * occurrence and of its sentence, as offsets into that block's text.
 */
export type Occurrence = readonly [doc: number, block: number, start: number, end: number, sentenceStart: number, sentenceEnd: number];

export interface GlossaryEntry {
  id: string;
  /** The term as the corpus writes it. */
  zh: string;
  /**
   * The term's pinyin as a dictionary prints it (GB/T 16159-2012): words written together, names
   * and proper nouns capitalized, Latin punctuation: `Běijīng Dōng'àohuì`, `yīdài yīlù`.
   */
  pinyin: string;
  /** One lower-case tone-marked syllable per Han character, other runs as written (ruby). */
  syllables: string;
  en: string;
  category: Category;
  explanation: string;
  /** The term is an everyday phrase: the explanation gives its general sense first. */
  everyday?: true;
  /** The corpus never names it: its occurrences are the corpus text that implies it. */
  implied?: true;
  /** Sources of the explanation's claims beyond the corpus. */
  sources?: EntrySource[];
  /** Every form: the term, its aliases, traditional and English forms, with their page rules. */
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
  /** The corpus's blocks as Taiwan and Hong Kong write them, for cards on traditional-Chinese pages. */
  traditional: TraditionalCorpus;
}

/** The traditional-Chinese standards the build writes: Taiwan's and Hong Kong's. */
export type TraditionalRegion = 'tw' | 'hk';

/** Where a block's traditional text is not its characters' usual forms: [doc, block, offset, text]. */
export type TraditionalPatch = readonly [doc: number, block: number, offset: number, text: string];

/**
 * The corpus in traditional characters (lib/glossary/traditional-text.ts reads it). Each block's
 * rendering has the length of its simplified text, so that occurrence offsets apply to it: it is
 * the block with each character replaced by its usual form, then that region's patches.
 */
export interface TraditionalCorpus {
  /** Pairs "simplified, traditional": the usual form of each corpus character that has another. */
  chars: string;
  tw: TraditionalPatch[];
  hk: TraditionalPatch[];
}
