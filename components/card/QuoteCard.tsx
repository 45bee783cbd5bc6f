import { useId } from 'preact/hooks';
import type { CorpusDocument } from '../../lib/corpus/types';
import { citationFor, excerptAt } from '../../lib/card/excerpt';
import type { CardNote, QuoteCardData } from '../../lib/card/types';
import type { TraditionalCorpus } from '../../lib/glossary/types';
import type { SourceLocation } from '../../lib/source/url';
import { CardActions } from './CardActions';
import { CardFrame } from './CardFrame';
import { CardNotes } from './CardNotes';
import { NoteFrame } from './NoteFrame';
import type { NoteFrameProps } from './NoteFrame';
import { QuoteFidelity } from './QuoteFidelity';
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

/**
 * The card of a quotation: how faithfully the page quotes (when the alignment was made) and the
 * corpus passage it quotes, the quoted part emphasised; a quotation that differs shows the page's
 * text and the corpus's side by side instead, each difference marked.
 */
export function QuoteCard({ data, documents, traditional, notes = [], onAddNote, composer, onShowSource, sourceMode = 'open', onClose }: QuoteCardProps) {
  const { doc, block, start, end, occurrences } = data.source;
  const excerpt = excerptAt(documents, doc, block, start, end);
  const converted = traditionalSentence(excerpt, data.traditional, traditional, documents, doc, block);
  const id = useId();
  // A quotation that differs is shown side by side, cited where the alignment found its passage.
  const fidelity = data.fidelity?.verdict === 'verbatim' ? undefined : data.fidelity;
  const alignedDoc = fidelity ? documents[fidelity.doc] : undefined;
  const aligned = fidelity && alignedDoc ? citationFor(alignedDoc, fidelity.block) : null;
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
      {data.fidelity && <QuoteFidelity view={data.fidelity} pageLang={data.traditional ? 'zh-Hant' : 'zh-Hans'} headingId={`${id}-verdict`} />}
      {aligned ? (
        <p class="tl-citation">
          <cite lang="zh-Hans">《{aligned.title}》</cite>, {aligned.where}
        </p>
      ) : excerpt ? (
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
