/**
 * One step of an alignment of a page's quotation with its corpus passage. `page` and `corpus` are
 * [start, end) offsets in the raw page text and the raw passage text: the span of the step's
 * characters there (empty, at the point where it happens, on the side that lacks them).
 * Characters that are no difference (punctuation, spacing) between two steps belong to neither.
 */
export interface AlignOp {
  kind: OpKind;
  page: readonly [number, number];
  corpus: readonly [number, number];
  /** An added and a dropped step with the same text: a clause the page moved. */
  moved?: true;
}

/**
 * `same`: both say it; `dropped`: the corpus says it, the page leaves it out; `added`: the page
 * says it, the corpus does not; `changed`: each says something else there.
 */
export type OpKind = 'same' | 'dropped' | 'added' | 'changed';

/**
 * `verbatim`: no difference; `abridged`: only omissions; `altered`: small differences of any
 * other kind; `paraphrase`: the page shares most of one corpus sentence, in order, but rewords it.
 */
export type Verdict = 'verbatim' | 'abridged' | 'altered' | 'paraphrase';

/** A passage of a page aligned with the corpus passage it quotes. */
export interface Quotation {
  /** Index of the passage in the corpus the alignment was built from. */
  passage: number;
  doc: number;
  /** The passage's `para` (for the glossary's corpus: the block index). */
  para: number;
  /** The quotation's span in the raw page text and in the raw passage text. */
  page: readonly [number, number];
  corpus: readonly [number, number];
  ops: AlignOp[];
  verdict: Verdict;
}
