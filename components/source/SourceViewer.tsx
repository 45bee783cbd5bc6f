import type { CorpusBlock, CorpusDocument, DocumentKind } from '../../lib/corpus/types';

const KIND_LABELS: Record<DocumentKind, string> = { speech: 'Speech', feature: 'Feature', report: 'News report' };

export interface SourceViewerProps {
  documents: readonly CorpusDocument[];
}

/** The id of a paragraph's element: the anchor that citations link to. */
export function paragraphAnchor(docId: string, n: number): string {
  return `${docId}-p${n}`;
}

function Block({ doc, block }: { doc: CorpusDocument; block: CorpusBlock }) {
  switch (block.role) {
    case 'title':
      return null;
    case 'heading':
      return <h3>{block.text}</h3>;
    case 'paragraph': {
      const id = paragraphAnchor(doc.id, block.n);
      return (
        <p id={id} class="paragraph">
          <a class="paragraph-number" href={`#${id}`} aria-label={`Paragraph ${block.n}`}>
            {block.n}
          </a>
          {block.text}
        </p>
      );
    }
    default:
      return <p class={block.role}>{block.text}</p>;
  }
}

export function SourceViewer({ documents }: SourceViewerProps) {
  return (
    <main class="source-viewer">
      <header>
        <p class="brand">Tifa Lens · sources</p>
      </header>
      {documents.map((doc) => (
        <article key={doc.id} id={doc.id} aria-labelledby={`${doc.id}-title`} lang="zh-Hans">
          <h2 id={`${doc.id}-title`}>{doc.title}</h2>
          <p class="meta" lang="en">
            {KIND_LABELS[doc.kind]} · {doc.author} · {doc.date} · {doc.source}
          </p>
          {doc.blocks.map((block, i) => (
            <Block key={i} doc={doc} block={block} />
          ))}
        </article>
      ))}
    </main>
  );
}
