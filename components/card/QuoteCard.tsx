import { useId } from 'preact/hooks';
import type { CorpusDocument } from '../../lib/corpus/types';
import { excerptAt } from '../../lib/card/excerpt';
import type { CardNote, QuoteCardData } from '../../lib/card/types';
import type { TraditionalCorpus } from '../../lib/glossary/types';
import type { SourceLocation } from '../../lib/source/url';
import { CardActions } from './CardActions';
import { CardFrame } from './CardFrame';
import { CardNotes } from './CardNotes';
import { NoteFrame } from './NoteFrame';
import type { NoteFrameProps } from './NoteFrame';
import { SourceQuote } from './SourceQuote';
import { traditionalSentence } from './traditional-sentence';

export interface QuoteCardProps {
  data: QuoteCardData;
  documents: readonly CorpusDocument[];
  /** The corpus in traditional characters (CompiledGlossary.traditional), for `data.traditional`. */
  traditional?: TraditionalCorpus;
  notes?: readonly CardNote[];
  onAddNote?: () => void;
  /** A note being written, shown under the actions (the Add note button hides meanwhile). */
  composer?: NoteFrameProps | null;
  onShowSource?: (location: SourceLocation) => void;
  sourceMode?: 'open' | 'jump';
  onClose: () => void;
}

/** The card of a quotation: the corpus passage it quotes, the quoted part emphasised. */
export function QuoteCard({ data, documents, traditional, notes = [], onAddNote, composer, onShowSource, sourceMode = 'open', onClose }: QuoteCardProps) {
  const { doc, block, start, end, occurrences } = data.source;
  const excerpt = excerptAt(documents, doc, block, start, end);
  const converted = traditionalSentence(excerpt, data.traditional, traditional, documents, doc, block);
  const id = useId();
  const titleId = `${id}-title`;
  const head = (
    <h2 id={titleId} class="tl-quote-title">
      {excerpt ? (
        <>
          Quotation from <cite lang="zh-Hans">《{excerpt.citation.title}》</cite>
        </>
      ) : (
        'Quotation'
      )}
    </h2>
  );
  return (
    <CardFrame kind="quote" labelledBy={titleId} head={head} onClose={onClose}>
      {excerpt ? (
        <SourceQuote excerpt={excerpt} traditional={converted} />
      ) : (
        <p class="tl-explanation">The quoted passage is not in this version of the corpus.</p>
      )}
      {occurrences > 1 && <p class="tl-count">{occurrences} times in the corpus; this is the first.</p>}
      <CardActions location={excerpt?.location ?? null} sourceMode={sourceMode} onShowSource={onShowSource} onAddNote={composer ? undefined : onAddNote} />
      {composer && <NoteFrame {...composer} />}
      <CardNotes notes={notes} headingId={`${id}-notes`} />
    </CardFrame>
  );
}
