import { isWordChar } from './char-table';
import { normalizeKey } from './normalize';
import type { Boundary, Pattern } from './types';

/**
 * Whether `text` holds `word`; an edge of the word that is a letter or digit must be a word edge
 * in the text too (`IOC` is not in `biocontrol`, `Xi` not in `taxi`), as for English patterns.
 */
function holdsWord(text: string, word: string): boolean {
  const left = isWordChar(word.charCodeAt(0));
  const right = isWordChar(word.charCodeAt(word.length - 1));
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (left && at > 0 && isWordChar(text.charCodeAt(at - 1))) continue;
    const end = at + word.length;
    if (right && end < text.length && isWordChar(text.charCodeAt(end))) continue;
    return true;
  }
  return false;
}

/**
 * The near words of ambiguous patterns (`国家主席` only beside `习近平`): a candidate of such a
 * pattern stands only if its block — the chunks joined by inline boundaries around it — holds one
 * of them, compared as normalized text (folded for width, case and punctuation as the matcher folds it).
 */
export class NearRules {
  /** Per pattern index: its normalized near words, or null. */
  private readonly words: ReadonlyArray<readonly string[] | null>;
  private chunks: readonly string[] = [];
  private boundaries: readonly Boundary[] | undefined;
  /** Normalized text of the blocks read on this page, by their first chunk. */
  private readonly blocks = new Map<number, string>();

  private constructor(words: ReadonlyArray<readonly string[] | null>) {
    this.words = words;
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
    this.blocks.clear();
  }

  has(pattern: number): boolean {
    return this.words[pattern] != null;
  }

  /** Whether the block of chunk `chunk` holds a near word of `pattern`. */
  met(pattern: number, chunk: number): boolean {
    const words = this.words[pattern];
    if (!words) return true;
    const text = this.blockText(chunk);
    return words.some((w) => holdsWord(text, w));
  }

  private blockText(chunk: number): string {
    const { chunks, boundaries } = this;
    let first = chunk;
    while (first > 0 && boundaries?.[first - 1] === 'inline') first--;
    const cached = this.blocks.get(first);
    if (cached !== undefined) return cached;
    let last = chunk;
    while (last + 1 < chunks.length && boundaries?.[last] === 'inline') last++;
    const text = normalizeKey(chunks.slice(first, last + 1).join(''));
    this.blocks.set(first, text);
    return text;
  }
}
