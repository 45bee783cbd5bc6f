// What the glossary says about a note's term or quotation, for the exports: the term with its
// pinyin and English, and the source sentence with where it stands in the corpus.

import { sentenceAround } from '../corpus/sentences';
import type { CorpusDocument } from '../corpus/types';
import type { CompiledGlossary, GlossaryEntry } from '../glossary/types';
import type { NoteRef } from './types';

export type GlossaryLike = Pick<CompiledGlossary, 'documents' | 'entries'>;

export interface SourceCitation {
  /** The source sentence (or passage) as the corpus writes it. */
  sentence: string;
  document: CorpusDocument;
  /** 1-based paragraph number; 0 for a title, dateline or other unnumbered block. */
  paragraph: number;
}

export interface Cited {
  entry: GlossaryEntry | null;
  source: SourceCitation | null;
}

/** The sentence around [start, end) of a block; `sentence` when the glossary build located it. */
function sourceAt(glossary: GlossaryLike, doc: number, block: number, start: number, end: number, sentence?: readonly [number, number]): SourceCitation | null {
  const document = glossary.documents[doc];
  const b = document?.blocks[block];
  if (!document || !b || start < 0 || end > b.text.length || end <= start) return null;
  const [s, e] = sentence && sentence[0] <= start && sentence[1] >= end ? sentence : sentenceAround(b.text, start, end);
  return { sentence: b.text.slice(s, e).trim(), document, paragraph: b.n };
}

/** The entry and source a note refers to; nulls when it refers to nothing the glossary knows. */
export function cite(glossary: GlossaryLike, ref: NoteRef | null): Cited {
  if (!ref) return { entry: null, source: null };
  if (ref.kind === 'term') {
    const entry = glossary.entries.find((e) => e.id === ref.entryId) ?? null;
    const first = entry?.occurrences[0];
    if (!entry || !first) return { entry, source: null };
    const [doc, block, start, end, sentenceStart, sentenceEnd] = first;
    return { entry, source: sourceAt(glossary, doc, block, start, end, [sentenceStart, sentenceEnd]) };
  }
  const doc = glossary.documents.findIndex((d) => d.id === ref.doc);
  return { entry: null, source: doc < 0 ? null : sourceAt(glossary, doc, ref.block, ref.start, ref.end) };
}

export function entryById(glossary: GlossaryLike, id: string): GlossaryEntry | null {
  return glossary.entries.find((e) => e.id === id) ?? null;
}

/** 《title》, author, date, ¶n — a citation a reader can find the sentence by. */
export function citationLine(source: SourceCitation): string {
  const { document, paragraph } = source;
  const where = paragraph > 0 ? `¶${paragraph}` : 'heading';
  return `《${document.title}》, ${document.author}, ${document.source}, ${document.date}, ${where}`;
}
