import type { CorpusBlock } from '../corpus/types';

/** The id of a paragraph's element: the anchor that citations link to (`speech-p7`). */
export function paragraphAnchor(docId: string, n: number): string {
  return `${docId}-p${n}`;
}

/** The id of any block's element: its paragraph anchor, or `speech-b2` for unnumbered blocks (by block index). */
export function blockAnchor(docId: string, blockIndex: number, block: Pick<CorpusBlock, 'role' | 'n'>): string {
  return block.role === 'paragraph' && block.n > 0 ? paragraphAnchor(docId, block.n) : `${docId}-b${blockIndex}`;
}
