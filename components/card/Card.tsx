import type { CorpusDocument } from '../../lib/corpus/types';
import type { CardData, CardNote } from '../../lib/card/types';
import type { TraditionalCorpus } from '../../lib/glossary/types';
import type { SourceLocation } from '../../lib/source/url';
import type { NoteFrameProps } from './NoteFrame';
import { QuoteCard } from './QuoteCard';
import { TermCard } from './TermCard';

export interface CardProps {
  data: CardData;
  documents: readonly CorpusDocument[];
  /** The corpus in traditional characters, for cards of traditional-Chinese pages. */
  traditional?: TraditionalCorpus;
  notes?: readonly CardNote[];
  canSpeak?: boolean;
  onSpeak?: (text: string) => void;
  onAddNote?: () => void;
  /** A note being written about this card's term or quotation, shown in the card. */
  composer?: NoteFrameProps | null;
  onShowSource?: (location: SourceLocation) => void;
  sourceMode?: 'open' | 'jump';
  onClose: () => void;
}

/** A term's or a quotation's card, whichever the data is. */
export function Card({ data, canSpeak, onSpeak, ...rest }: CardProps) {
  return data.kind === 'term' ? <TermCard data={data} canSpeak={canSpeak} onSpeak={onSpeak} {...rest} /> : <QuoteCard data={data} {...rest} />;
}

/** A key that gives a new card (fresh occurrence position) for another term or passage. */
export function cardKey(data: CardData): string {
  return data.kind === 'term'
    ? `term:${data.entry.id}:${data.occurrence ?? 0}`
    : `quote:${data.source.doc}:${data.source.block}:${data.source.start}:${data.source.end}`;
}
