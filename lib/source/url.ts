// The source viewer's address for a place in the corpus:
//   source.html?doc=speech&block=12&start=3&end=9&term=belt-and-road#speech-p7
// The query says exactly what to highlight; the fragment is the paragraph's own anchor, so the
// browser scrolls there by itself and a bare `#speech-p7` (a citation link) also works.

import type { CorpusDocument } from '../corpus/types';
import { blockAnchor } from './anchors';

export interface SourceLocation {
  /** Document id (`speech`, `feature`, `report`): stable across glossary rebuilds. */
  doc: string;
  /** Block index in the document. */
  block: number;
  /** [start, end) offsets in the block's text of the passage to highlight; absent for a whole block. */
  range?: { start: number; end: number };
  /** The glossary entry the passage is an occurrence of. */
  term?: string;
}

type Documents = readonly Pick<CorpusDocument, 'id' | 'blocks'>[];

/** `?doc=…&block=…[&start=…&end=…][&term=…]#anchor`, to append to the viewer page's URL. */
export function sourceQuery(documents: Documents, location: SourceLocation): string {
  const params = new URLSearchParams({ doc: location.doc, block: String(location.block) });
  if (location.range) {
    params.set('start', String(location.range.start));
    params.set('end', String(location.range.end));
  }
  if (location.term) params.set('term', location.term);
  const block = documents.find((d) => d.id === location.doc)?.blocks[location.block];
  const hash = block ? `#${blockAnchor(location.doc, location.block, block)}` : '';
  return `?${params.toString()}${hash}`;
}

/** The viewer page's URL (e.g. `browser.runtime.getURL('/source.html')`) with the location. */
export function sourceUrl(pageUrl: string, documents: Documents, location: SourceLocation): string {
  return pageUrl.replace(/[?#].*$/su, '') + sourceQuery(documents, location);
}

function index(value: string | null): number | null {
  if (value === null || !/^\d{1,7}$/u.test(value)) return null;
  return Number(value);
}

/**
 * The location a viewer URL names, checked against the documents: an unknown document or block
 * gives null, a range outside the block is dropped. The fragment (`#speech-p7`, `#speech-b2`)
 * names a block; when it names another block than the query (a paragraph link followed on the
 * page), it wins.
 */
export function parseSourceLocation(search: string, hash: string, documents: Documents): SourceLocation | null {
  const fromQuery = queryLocation(search, documents);
  const fromHash = hashLocation(hash, documents);
  if (fromQuery && fromHash && (fromHash.doc !== fromQuery.doc || fromHash.block !== fromQuery.block)) return fromHash;
  return fromQuery ?? fromHash;
}

function queryLocation(search: string, documents: Documents): SourceLocation | null {
  const params = new URLSearchParams(search);
  const docId = params.get('doc');
  if (docId !== null) {
    const doc = documents.find((d) => d.id === docId);
    const blockIndex = index(params.get('block'));
    const block = blockIndex === null ? undefined : doc?.blocks[blockIndex];
    if (!doc || blockIndex === null || !block) return null;
    const location: SourceLocation = { doc: doc.id, block: blockIndex };
    const start = index(params.get('start'));
    const end = index(params.get('end'));
    if (start !== null && end !== null && start < end && end <= block.text.length) location.range = { start, end };
    const term = params.get('term');
    if (term && /^[a-z0-9-]{1,80}$/u.test(term)) location.term = term;
    return location;
  }
  return null;
}

function hashLocation(hash: string, documents: Documents): SourceLocation | null {
  const id = hash.replace(/^#/u, '');
  if (!id) return null;
  for (const doc of documents) {
    const found = doc.blocks.findIndex((block, i) => blockAnchor(doc.id, i, block) === id);
    if (found >= 0) return { doc: doc.id, block: found };
  }
  return null;
}
