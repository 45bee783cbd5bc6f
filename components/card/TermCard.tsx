import { useId, useState } from 'preact/hooks';
import type { CorpusDocument } from '../../lib/corpus/types';
import { occurrenceExcerpt } from '../../lib/card/excerpt';
import type { CardNote, TermCardData } from '../../lib/card/types';
import { CATEGORY_LABELS } from '../../lib/glossary/types';
import type { TraditionalCorpus } from '../../lib/glossary/types';
import type { SourceLocation } from '../../lib/source/url';
import { CardActions } from './CardActions';
import { CardFrame } from './CardFrame';
import { CardNotes } from './CardNotes';
import { EntrySources } from './EntrySources';
import { NoteFrame } from './NoteFrame';
import type { NoteFrameProps } from './NoteFrame';
import { SourceQuote } from './SourceQuote';
import { traditionalSentence } from './traditional-sentence';

export interface TermCardProps {
  data: TermCardData;
  documents: readonly CorpusDocument[];
  /** The corpus in traditional characters (CompiledGlossary.traditional), for `data.traditional`. */
  traditional?: TraditionalCorpus;
  notes?: readonly CardNote[];
  /** Whether a Chinese voice is installed; the speak button shows only then. */
  canSpeak?: boolean;
  onSpeak?: (text: string) => void;
  onAddNote?: () => void;
  /** A note being written, shown under the actions (the Add note button hides meanwhile). */
  composer?: NoteFrameProps | null;
  onShowSource?: (location: SourceLocation) => void;
  sourceMode?: 'open' | 'jump';
  onClose: () => void;
}

const HAN = /\p{Script=Han}/u;

/** How often the corpus has the term; an implied entry is never named there, only implied. */
function countLabel(total: number, implied: boolean): string {
  if (implied) return total === 1 ? 'Not named in the corpus; implied once' : `Not named in the corpus; implied ${total} times`;
  return total === 0 ? 'Not in the corpus text' : total === 1 ? 'Once in the corpus' : `${total} times in the corpus`;
}

/** The card of a glossary term: what it is, what it means, and where the corpus says it. */
export function TermCard({
  data,
  documents,
  traditional,
  notes = [],
  canSpeak = false,
  onSpeak,
  onAddNote,
  composer,
  onShowSource,
  sourceMode = 'open',
  onClose,
}: TermCardProps) {
  const { entry, found } = data;
  const total = entry.occurrences.length;
  const [index, setIndex] = useState(() => Math.min(Math.max(data.occurrence ?? 0, 0), Math.max(total - 1, 0)));
  const id = useId();
  const titleId = `${id}-term`;
  const occurrence = entry.occurrences[index];
  const excerpt = occurrence ? occurrenceExcerpt(documents, occurrence, entry.id) : null;
  const converted = occurrence ? traditionalSentence(excerpt, data.traditional, traditional, documents, occurrence[0], occurrence[1]) : null;
  const step = (by: number): void => setIndex((i) => (i + by + total) % total);
  const foundDiffers = found.trim() !== '' && found !== entry.zh;

  const head = (
    <>
      <h2 id={titleId} class="tl-term" lang="zh-Hans">
        {entry.zh}
      </h2>
      {canSpeak && onSpeak && (
        <button type="button" class="tl-icon-button tl-speak" aria-label={`Pronounce ${entry.zh}`} title="Pronounce" onClick={() => onSpeak(entry.zh)}>
          <span aria-hidden="true">🔊</span>
        </button>
      )}
    </>
  );

  return (
    <CardFrame kind="term" labelledBy={titleId} head={head} onClose={onClose}>
      <p class="tl-pinyin" lang="zh-Latn-pinyin">
        {entry.pinyin}
      </p>
      <p class="tl-en">{entry.en}</p>
      {foundDiffers && (
        <p class="tl-found">
          On this page: <span lang={HAN.test(found) ? 'zh' : 'en'}>{found}</span>
        </p>
      )}
      <p class="tl-category">
        {CATEGORY_LABELS[entry.category]}
        {entry.everyday && ' · everyday phrase'}
      </p>
      <p class="tl-explanation">{entry.explanation}</p>
      {excerpt && <SourceQuote excerpt={excerpt} traditional={converted} />}
      <div class="tl-occurrences">
        <span class="tl-count">{countLabel(total, entry.implied === true)}</span>
        {total > 1 && (
          <span class="tl-stepper">
            <button type="button" class="tl-icon-button" aria-label="Previous occurrence" onClick={() => step(-1)}>
              <span aria-hidden="true">‹</span>
            </button>
            <span class="tl-position" aria-live="polite">
              {index + 1} of {total}
            </span>
            <button type="button" class="tl-icon-button" aria-label="Next occurrence" onClick={() => step(1)}>
              <span aria-hidden="true">›</span>
            </button>
          </span>
        )}
      </div>
      <CardActions location={excerpt?.location ?? null} sourceMode={sourceMode} onShowSource={onShowSource} onAddNote={composer ? undefined : onAddNote} />
      {composer && <NoteFrame {...composer} />}
      <EntrySources sources={entry.sources ?? []} headingId={`${id}-sources`} />
      <CardNotes notes={notes} headingId={`${id}-notes`} />
    </CardFrame>
  );
}
