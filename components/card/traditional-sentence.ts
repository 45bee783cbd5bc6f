// The source sentence of a card in the traditional standard its data asks for, cut as its excerpt.

import { sentenceIn } from '../../lib/card/excerpt';
import type { Excerpt, SentenceParts } from '../../lib/card/excerpt';
import type { CorpusDocument } from '../../lib/corpus/types';
import { traditionalBlock } from '../../lib/glossary/traditional-text';
import type { TraditionalCorpus, TraditionalRegion } from '../../lib/glossary/types';

const LANGS: Record<TraditionalRegion, string> = { tw: 'zh-Hant-TW', hk: 'zh-Hant-HK' };

/** Null where the card shows the simplified original only (no region asked, or nothing to convert). */
export function traditionalSentence(
  excerpt: Excerpt | null,
  region: TraditionalRegion | undefined,
  corpus: TraditionalCorpus | undefined,
  documents: readonly CorpusDocument[],
  doc: number,
  block: number,
): { sentence: SentenceParts; lang: string } | null {
  if (!excerpt || !region || !corpus) return null;
  const text = traditionalBlock(corpus, documents, region, doc, block);
  if (text === null) return null;
  const sentence = sentenceIn(excerpt, text);
  const same = sentence.before === excerpt.before && sentence.match === excerpt.match && sentence.after === excerpt.after;
  return same ? null : { sentence, lang: LANGS[region] };
}
