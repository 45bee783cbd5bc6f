/** What a line of a source document is. Only `paragraph` blocks are numbered. */
export type BlockRole = 'title' | 'subtitle' | 'dateline' | 'byline' | 'heading' | 'paragraph';

export interface CorpusBlock {
  role: BlockRole;
  /** The cleaned text, verbatim from the source but for repaired page breaks and markup. */
  text: string;
  /** 1-based paragraph number for `paragraph` blocks; 0 for the others. */
  n: number;
}

export type DocumentKind = 'speech' | 'feature' | 'report';

export interface CorpusDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  subtitle: string;
  /** Who spoke or wrote it, as the source names them. */
  author: string;
  /** ISO date. */
  date: string;
  source: string;
  /** Every block of the document in source order: joined, they are the source text. */
  blocks: CorpusBlock[];
}
