import { glossary } from '../../../assets/generated/glossary';
import { glossaryCorpus } from '../../../lib/glossary/matcher-input';
import { buildAlignCorpus } from '../../../lib/quote/index';
import type { AlignCorpus, Quotation } from '../../../lib/quote/index';
import { foldText, foldedSlice } from '../../../lib/quote/folded';

/** The glossary's corpus, folded once for every test of the file. */
export const CORPUS: AlignCorpus = buildAlignCorpus(glossaryCorpus(glossary), glossary.quoteVariants);

/** A difference as a reader sees it: its kind and the (folded) text each side has there. */
export interface Difference {
  kind: string;
  page: string;
  corpus: string;
  moved?: true;
}

const fold = (text: string): string => {
  const f = foldText(text, CORPUS.variants);
  return foldedSlice(f, 0, f.length);
};

/** Every step of a quotation, with the texts folded (so traditional page text reads simplified). */
export function stepsOf(q: Quotation, pageText: string): Difference[] {
  const corpusText = CORPUS.passages[q.passage]!.text;
  return q.ops.map((op) => ({
    kind: op.kind,
    page: fold(pageText.slice(...op.page)),
    corpus: fold(corpusText.slice(...op.corpus)),
    ...(op.moved ? { moved: op.moved } : {}),
  }));
}

/** The steps that are differences, texts as the page and the corpus write them. */
export function differencesOf(q: Quotation, pageText: string): Difference[] {
  const corpusText = CORPUS.passages[q.passage]!.text;
  return q.ops
    .filter((op) => op.kind !== 'same')
    .map((op) => ({
      kind: op.kind,
      page: pageText.slice(...op.page),
      corpus: corpusText.slice(...op.corpus),
      ...(op.moved ? { moved: op.moved } : {}),
    }));
}

export { fold };
