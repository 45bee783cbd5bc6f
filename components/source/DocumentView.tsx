import { useMemo } from 'preact/hooks';
import { KIND_LABELS } from '../../lib/card/excerpt';
import type { CorpusBlock, CorpusDocument } from '../../lib/corpus/types';
import type { GlossaryEntry } from '../../lib/glossary/types';
import { blockAnchor } from '../../lib/source/anchors';
import { readingsByOffset, termReadings } from '../../lib/source/ruby';
import { blockKey, blockRuns } from '../../lib/source/segments';
import type { Range, TermSpan, TermSpanIndex } from '../../lib/source/segments';
import { BlockText } from './BlockText';

export interface DocumentViewProps {
  doc: CorpusDocument;
  docIndex: number;
  entries: readonly GlossaryEntry[];
  terms: TermSpanIndex;
  /** Search hits by `doc:block`; when set, only blocks with hits are shown. */
  hits: ReadonlyMap<string, readonly Range[]> | null;
  /** The cited block and passage in this document, if any. */
  cited: { block: number; range: Range | null } | null;
  /** Per-character pinyin of a text, when pinyin is shown. */
  readingsOf: ((text: string) => readonly string[]) | null;
  /** The block the search is at (-1: none here). */
  currentResult: number;
}

interface BlockProps {
  doc: CorpusDocument;
  index: number;
  block: CorpusBlock;
  terms: readonly TermSpan[];
  entries: readonly GlossaryEntry[];
  hits: readonly Range[];
  cited: Range | null;
  isCited: boolean;
  isCurrent: boolean;
  readingsOf: ((text: string) => readonly string[]) | null;
}

function Block({ doc, index, block, terms, entries, hits, cited, isCited, isCurrent, readingsOf }: BlockProps) {
  const readings = useMemo(() => {
    if (!readingsOf) return null;
    const map = new Map(readingsByOffset(block.text, readingsOf(block.text)));
    // A term's curated pinyin is the reading the glossary teaches: it wins inside the term.
    for (const span of terms) {
      const entry = entries[span.entry];
      const text = block.text.slice(span.start, span.end);
      const own = entry && text === entry.zh ? termReadings(text, entry.syllables) : null;
      own?.forEach((reading, offset) => map.set(span.start + offset, reading));
    }
    return map;
  }, [block.text, terms, entries, readingsOf]);
  const runs = useMemo(() => blockRuns(block.text.length, terms, hits, cited), [block.text, terms, hits, cited]);

  const id = blockAnchor(doc.id, index, block);
  const text = <BlockText text={block.text} runs={runs} readings={readings} />;
  const props = {
    id,
    tabIndex: -1,
    class: `block block--${block.role}${isCited ? ' block--cited' : ''}${isCurrent ? ' block--current' : ''}`,
    'data-block': `${doc.id}:${index}`,
  };
  switch (block.role) {
    case 'title':
      return (
        <h2 {...props} data-title={doc.id}>
          {text}
        </h2>
      );
    case 'heading':
      return <h3 {...props}>{text}</h3>;
    case 'paragraph':
      return (
        <p {...props}>
          <a class="paragraph-number" href={`#${id}`} aria-label={`Paragraph ${block.n}`} lang="en">
            {block.n}
          </a>
          {text}
        </p>
      );
    default:
      return <p {...props}>{text}</p>;
  }
}

const NO_HITS: readonly Range[] = [];
const NO_TERMS: readonly TermSpan[] = [];

/** One source document: its metadata, then its blocks, numbered paragraphs linkable. */
export function DocumentView({ doc, docIndex, entries, terms, hits, cited, readingsOf, currentResult }: DocumentViewProps) {
  const titleIndex = doc.blocks.findIndex((b) => b.role === 'title');
  const titleId = titleIndex >= 0 ? blockAnchor(doc.id, titleIndex, { role: 'title', n: 0 }) : undefined;
  const shown = doc.blocks
    .map((block, index) => ({ block, index, blockHits: hits?.get(blockKey(docIndex, index)) }))
    .filter(({ block, blockHits }) => !hits || blockHits || block.role === 'title');
  const matches = hits ? shown.filter((s) => s.blockHits).length : 0;
  return (
    <article id={doc.id} class="document" aria-labelledby={titleId} lang="zh-Hans">
      <p class="meta" lang="en">
        <span class="kind">{KIND_LABELS[doc.kind]}</span> · <span lang="zh-Hans">{doc.author}</span> · <time dateTime={doc.date}>{doc.date}</time> ·{' '}
        {doc.source}
      </p>
      {shown.map(({ block, index, blockHits }) => (
        <Block
          key={index}
          doc={doc}
          index={index}
          block={block}
          terms={terms.get(blockKey(docIndex, index)) ?? NO_TERMS}
          entries={entries}
          hits={blockHits ?? NO_HITS}
          cited={cited?.block === index ? cited.range : null}
          isCited={cited?.block === index}
          isCurrent={currentResult === index}
          readingsOf={readingsOf}
        />
      ))}
      {hits && matches === 0 && (
        <p class="no-match" lang="en">
          No match in this document.
        </p>
      )}
    </article>
  );
}
