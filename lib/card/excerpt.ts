// The source sentence a card shows for an occurrence, cut into the parts before, of and after
// the occurrence so that the occurrence can be emphasised, and the citation that goes with it.

import { sentenceAround } from '../corpus/sentences';
import type { BlockRole, CorpusDocument, DocumentKind } from '../corpus/types';
import type { Occurrence } from '../glossary/types';
import type { SourceLocation } from '../source/url';

export const KIND_LABELS: Record<DocumentKind, string> = { speech: 'Speech', feature: 'Feature', report: 'News report' };

const ROLE_LABELS: Record<BlockRole, string> = {
  title: 'title',
  subtitle: 'subtitle',
  dateline: 'dateline',
  byline: 'byline',
  heading: 'heading',
  paragraph: 'paragraph',
};

export interface Citation {
  docId: string;
  title: string;
  kind: string;
  date: string;
  /** `paragraph 7`, or what the block is when it is not a numbered paragraph: `heading`, `title`… */
  where: string;
  /** `《title》, paragraph 7`. */
  text: string;
}

/** A sentence cut around the occurrence it is shown for. */
export interface SentenceParts {
  before: string;
  match: string;
  after: string;
}

export interface Excerpt extends SentenceParts {
  citation: Citation;
  location: SourceLocation;
}

export function citationFor(doc: CorpusDocument, blockIndex: number): Citation | null {
  const block = doc.blocks[blockIndex];
  if (!block) return null;
  const where = block.role === 'paragraph' && block.n > 0 ? `paragraph ${block.n}` : ROLE_LABELS[block.role];
  return {
    docId: doc.id,
    title: doc.title,
    kind: KIND_LABELS[doc.kind],
    date: doc.date,
    where,
    text: `《${doc.title}》, ${where}`,
  };
}

/**
 * The sentence around [start, end) of a block (or the given sentence bounds), split at the
 * passage; null when the reference does not fit the documents.
 */
export function excerptAt(
  documents: readonly CorpusDocument[],
  docIndex: number,
  blockIndex: number,
  start: number,
  end: number,
  sentence?: readonly [number, number],
): Excerpt | null {
  const doc = documents[docIndex];
  const block = doc?.blocks[blockIndex];
  if (!doc || !block || start < 0 || end > block.text.length || end <= start) return null;
  const citation = citationFor(doc, blockIndex);
  if (!citation) return null;
  let [from, to] = sentence ?? sentenceAround(block.text, start, end);
  if (!(from <= start && to >= end && to <= block.text.length)) [from, to] = sentenceAround(block.text, start, end);
  return {
    before: block.text.slice(from, start).trimStart(),
    match: block.text.slice(start, end),
    after: block.text.slice(end, to).trimEnd(),
    citation,
    location: { doc: doc.id, block: blockIndex, range: { start, end } },
  };
}

export function occurrenceExcerpt(documents: readonly CorpusDocument[], occurrence: Occurrence, term?: string): Excerpt | null {
  const [doc, block, start, end, sentenceStart, sentenceEnd] = occurrence;
  const excerpt = excerptAt(documents, doc, block, start, end, [sentenceStart, sentenceEnd]);
  if (excerpt && term) excerpt.location.term = term;
  return excerpt;
}

/**
 * The excerpt's sentence cut the same way out of another rendering of its block, one of the same
 * length (the block in traditional characters, lib/glossary/traditional-text.ts).
 */
export function sentenceIn(excerpt: Excerpt, blockText: string): SentenceParts {
  const range = excerpt.location.range;
  if (!range) return { before: excerpt.before, match: excerpt.match, after: excerpt.after };
  const { start, end } = range;
  return {
    before: blockText.slice(start - excerpt.before.length, start),
    match: blockText.slice(start, end),
    after: blockText.slice(end, end + excerpt.after.length),
  };
}
