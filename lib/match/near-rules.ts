import { buildAhoCorasick, N_BASE, N_CHECK, N_FAIL, N_HIT, NODE } from './aho-corasick';
import type { AhoCorasick } from './aho-corasick';
import { charInfo, F_SPECIAL, FLAG_SHIFT, isWordChar, NORM_MASK } from './char-table';
import { normalizeKey, normalizeTransient } from './normalize';
import type { Boundary, Pattern } from './types';

/**
 * The near words of ambiguous patterns (`国家主席` only beside `习近平`): a candidate of such a
 * pattern stands only if its block — the chunks joined by inline boundaries around it — holds one
 * of them, compared as normalized text (folded for width, case and punctuation as the matcher
 * folds it). A word that begins or ends with a letter or digit needs a word edge there in the
 * text too (`IOC` is not in `biocontrol`, `Xi` not in `taxi`), as English patterns do.
 *
 * A block is read once, in one pass of an automaton of all the near words over its normalized
 * code units: on text dense with such candidates nearly every block is read, and building each
 * block's normalized string to search it word by word cost several times the scan itself.
 */
export class NearRules {
  /** Per pattern index: the ids of its distinct normalized near words, or null. */
  private readonly wordsOf: ReadonlyArray<Int32Array | null>;
  /** The distinct normalized near words, by id. */
  private readonly words: readonly string[];
  /** Per word id: 1 if it must start a word (it begins with a letter or digit), 2 if end one; both: 3. */
  private readonly edges: Uint8Array;
  /**
   * Per word id: 1 if the word written as it is in the raw text is surely in the normalized
   * text: no edge to check, and each unit its own normalized form and not whitespace, a dash or
   * ignorable (normalization then keeps the units together, unchanged).
   */
  private readonly verbatim: Uint8Array;
  /** The automaton of `words`, built on the first block read. */
  private automaton: AhoCorasick | null = null;
  private chunks: readonly string[] = [];
  private boundaries: readonly Boundary[] | undefined;
  /** Per word id: the `stamp` of the last block read that holds it. */
  private readonly seenIn: Int32Array;
  /** Per pattern index: the `stamp` of the block its answer (`answer`, 1: met) was found for. */
  private readonly answeredIn: Int32Array;
  private readonly answer: Uint8Array;
  private stamp = 0;
  /** The first chunk of the block last looked at (-1: none yet on this page). */
  private lastBlock = -1;
  /** That block's raw text, and whether it has been read whole (`read`). */
  private blockText = '';
  private blockRead = false;

  private constructor(wordsOf: ReadonlyArray<readonly string[] | null>) {
    const ids = new Map<string, number>();
    this.wordsOf = wordsOf.map((ws) => {
      if (!ws) return null;
      const own = new Set<number>();
      for (const w of ws) {
        let id = ids.get(w);
        if (id === undefined) ids.set(w, (id = ids.size));
        own.add(id);
      }
      return Int32Array.from(own);
    });
    this.words = [...ids.keys()];
    this.edges = Uint8Array.from(this.words, (w) => (isWordChar(w.charCodeAt(0)) ? 1 : 0) | (isWordChar(w.charCodeAt(w.length - 1)) ? 2 : 0));
    this.verbatim = Uint8Array.from(this.words, (w, id) => (this.edges[id] === 0 && isFixed(w) ? 1 : 0));
    this.seenIn = new Int32Array(this.words.length);
    this.answeredIn = new Int32Array(wordsOf.length);
    this.answer = new Uint8Array(wordsOf.length);
  }

  /** The rules of `patterns`, or null when no pattern has near words (the common case). */
  static of(patterns: readonly Pattern[]): NearRules | null {
    if (!patterns.some((p) => p.near && p.near.length > 0)) return null;
    return new NearRules(patterns.map((p) => (p.near && p.near.length > 0 ? p.near.map(normalizeKey).filter((w) => w !== '') : null)));
  }

  /** Forgets the blocks of the last page. */
  startPage(chunks: readonly string[], boundaries: readonly Boundary[] | undefined): void {
    this.chunks = chunks;
    this.boundaries = boundaries;
    this.lastBlock = -1;
    this.blockText = '';
  }

  has(pattern: number): boolean {
    return this.wordsOf[pattern] != null;
  }

  /** Whether the block of chunk `chunk` holds a near word of `pattern`. */
  met(pattern: number, chunk: number): boolean {
    const own = this.wordsOf[pattern];
    if (!own) return true;
    this.enter(chunk);
    const stamp = this.stamp;
    // A block's candidates of one pattern come together (a term repeated in a paragraph).
    if (this.answeredIn[pattern] === stamp) return this.answer[pattern] === 1;
    this.answeredIn[pattern] = stamp;
    const found = this.holds(own);
    this.answer[pattern] = found ? 1 : 0;
    return found;
  }

  /** Whether the current block holds one of the words `own`. */
  private holds(own: Int32Array): boolean {
    const seenIn = this.seenIn;
    const stamp = this.stamp;
    for (let i = 0; i < own.length; i++) if (seenIn[own[i]!] === stamp) return true;
    if (this.blockRead) return false;
    // Most near words stand in the page as written: a native search finds them without
    // normalizing the block.
    const verbatim = this.verbatim;
    for (let i = 0; i < own.length; i++) {
      const w = own[i]!;
      if (verbatim[w] === 1 && this.blockText.includes(this.words[w]!)) {
        seenIn[w] = stamp;
        return true;
      }
    }
    this.read();
    for (let i = 0; i < own.length; i++) if (seenIn[own[i]!] === stamp) return true;
    return false;
  }

  /**
   * Makes the block of `chunk` the current one, with a fresh stamp, unless it already is
   * (candidates come in page order, so a block's come together).
   */
  private enter(chunk: number): void {
    const { chunks, boundaries } = this;
    let first = chunk;
    while (first > 0 && boundaries?.[first - 1] === 'inline') first--;
    if (first === this.lastBlock) return;
    this.lastBlock = first;
    this.stamp++;
    this.blockRead = false;
    let last = chunk;
    while (last + 1 < chunks.length && boundaries?.[last] === 'inline') last++;
    this.blockText = first === last ? chunks[first]! : chunks.slice(first, last + 1).join('');
  }

  /** Marks every near word the current block holds with its stamp. */
  private read(): void {
    this.blockRead = true;
    const text = normalizeTransient(this.blockText);
    const ac = (this.automaton ??= buildAhoCorasick(this.words));
    const { nodes, term, rootTo, alphabet } = ac;
    const codes = text.codes;
    const n = text.length;
    const edges = this.edges;
    const seenIn = this.seenIn;
    const stamp = this.stamp;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const a = alphabet[codes[i]!]!;
      if (a === 0) {
        s = 0;
        continue;
      }
      // The automaton's fail links skip suffixes that start inside a word on a letter or digit:
      // a word found there would fail its left edge below anyway.
      for (;;) {
        if (s === 0) {
          s = rootTo[a]!;
          break;
        }
        const t = nodes[s * NODE + N_BASE]! + a;
        if (nodes[t * NODE + N_CHECK] === s) {
          s = t;
          break;
        }
        s = nodes[s * NODE + N_FAIL]!;
      }
      for (let h = s === 0 ? -1 : nodes[s * NODE + N_HIT]!; h >= 0; h = nodes[nodes[h * NODE + N_FAIL]! * NODE + N_HIT]!) {
        const w = term[h]!;
        if (seenIn[w] === stamp) continue;
        const edge = edges[w]!;
        const start = i + 1 - this.words[w]!.length;
        if (edge & 1 && start > 0 && isWordChar(codes[start - 1]!)) continue;
        if (edge & 2 && i + 1 < n && isWordChar(codes[i + 1]!)) continue;
        seenIn[w] = stamp;
      }
    }
  }
}

/** Whether normalization leaves every unit of `w` as it is, none of them special. */
function isFixed(w: string): boolean {
  const info = charInfo();
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    const v = info[c]!;
    if ((v >>> FLAG_SHIFT) & F_SPECIAL || ((c + v) & NORM_MASK) !== c) return false;
  }
  return true;
}
