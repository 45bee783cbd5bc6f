import type { BlockRole, DocumentKind } from './types';

/**
 * How the user's corpus file is laid out: where each document starts, what its opening lines
 * are, and the page breaks the extraction left inside paragraphs. The parser checks every
 * assumption made here against the file and fails loudly when the file says otherwise.
 */
export interface DocumentLayout {
  id: string;
  kind: DocumentKind;
  /** The first line of the document, after markup is stripped. */
  firstLine: string;
  /** Roles of the document's first lines, in order; the rest are paragraphs and headings. */
  head: BlockRole[];
  author: string;
  date: string;
  source: string;
  /** Trailing lines that are bylines, not paragraphs. */
  tailBylines: number;
}

export interface PageBreak {
  /** How the broken paragraph ends. */
  end: string;
  /** How its continuation starts. */
  start: string;
}

export interface CorpusLayout {
  documents: DocumentLayout[];
  pageBreaks: PageBreak[];
}

export const CORPUS_LAYOUT: CorpusLayout = {
  documents: [
    {
      id: 'speech',
      kind: 'speech',
      firstLine: '携手共命运 一起向未来',
      head: ['title', 'subtitle', 'dateline', 'byline'],
      author: '习近平',
      date: '2022-01-25',
      source: 'Xinhua',
      tailBylines: 0,
    },
    {
      id: 'feature',
      kind: 'feature',
      firstLine: '新华社北京 1 月 25 日电',
      head: ['dateline', 'title'],
      author: '主笔:黄明、林德初',
      date: '2022-01-25',
      source: 'Xinhua',
      tailBylines: 2,
    },
    {
      id: 'report',
      kind: 'report',
      firstLine: '赓续传统友谊 共谱美好明天',
      head: ['title', 'subtitle'],
      author: '新华社',
      date: '2022-01-25',
      source: 'Xinhua',
      tailBylines: 0,
    },
  ],
  pageBreaks: [
    { end: '坚定支持各', start: '国维护本国主权' },
    { end: '在此,我宣布,', start: '2022 年中国再向' },
    { end: '唯一举办过', start: '夏季和冬季奥运会' },
  ],
};
