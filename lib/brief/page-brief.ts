import type { CompiledGlossary } from '../glossary/types';
import type { TermCount } from '../notes/types';
import { findQuotations } from '../quote/index';
import type { AlignCorpus } from '../quote/index';
import type { Brief, BriefNote, BriefQuotation, BriefTerm } from './types';

export interface PageRead {
  title: string;
  url: string;
  readOn: string;
  /** The page's text, block by block (paragraphs, headings), in page order. */
  blocks: readonly string[];
  /** Terms found there, as the content script counts them. */
  terms: readonly TermCount[];
  notes: readonly BriefNote[];
}

type GlossaryPart = Pick<CompiledGlossary, 'documents' | 'entries'>;

/** The quotations of a page's blocks, in page order, with their differences and citations. */
export function quotationsOf(blocks: readonly string[], corpus: AlignCorpus, glossary: GlossaryPart): BriefQuotation[] {
  return blocks.flatMap((text) =>
    findQuotations(corpus, text).map((q): BriefQuotation => {
      const source = corpus.passages[q.passage]!.text;
      const document = glossary.documents[q.doc];
      const block = document?.blocks[q.para];
      return {
        verdict: q.verdict,
        page: text.slice(...q.page),
        corpus: source.slice(...q.corpus),
        differences: q.ops.flatMap((op) =>
          op.kind === 'same'
            ? []
            : [{ kind: op.kind, page: text.slice(...op.page), corpus: source.slice(...op.corpus), ...(op.moved ? { moved: op.moved } : {}) }],
        ),
        document: document?.title ?? '?',
        paragraph: block?.n ?? 0,
        block: block?.role ?? '?',
        doc: q.doc,
        blockIndex: q.para,
        corpusStart: q.corpus[0],
        corpusEnd: q.corpus[1],
      };
    }),
  );
}

/** The page's terms with the glossary's pinyin and English, as counted. */
export function termsOf(counts: readonly TermCount[], glossary: GlossaryPart): BriefTerm[] {
  const byId = new Map(glossary.entries.map((e) => [e.id, e]));
  return counts.flatMap(({ entryId, count }) => {
    const e = byId.get(entryId);
    return e ? [{ id: e.id, term: e.zh, pinyin: e.pinyin, english: e.en, count }] : [];
  });
}

/** The brief of a page read: its terms, its quotations aligned with the corpus, its notes. */
export function pageBrief(page: PageRead, corpus: AlignCorpus, glossary: GlossaryPart): Brief {
  return {
    title: page.title,
    url: page.url,
    readOn: page.readOn,
    terms: termsOf(page.terms, glossary),
    quotations: quotationsOf(page.blocks, corpus, glossary),
    notes: [...page.notes],
  };
}
