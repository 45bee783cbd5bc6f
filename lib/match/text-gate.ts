/**
 * The prefilter's test of a page's text read natively, in a few long strings (the loader reads
 * them: content/loader/page-text.ts), rather than one chunk per text node as the walk collects it.
 * Each string is the text between two elements the walk skips, its text nodes joined with nothing
 * between them. "No" here is "no" for the walk's chunks of the same text:
 * - Han: the prefilter reads a pair of Han characters across a chunk boundary as it reads one
 *   inside a chunk, so fewer boundaries change nothing for pairs, triples, singles or quotes.
 * - Words: a text node boundary the strings no longer show may fall anywhere inside a run of
 *   letters, and where it is also a block boundary the matcher reads each piece as a word of its
 *   own. So every piece of a run up to the longest pattern word is looked up, on top of what the
 *   prefilter itself looks up (the whole run, the pieces a string boundary cuts).
 */
import { CHAR_BLOCK_SHIFT, charBlocks, F_HAN, F_IGNORE, F_WORD, FLAG_SHIFT, NORM_MASK } from './char-table';
import { BIT_MIX, Prefilter, WORD_PRIME, WORD_SEED } from './prefilter';
import type { PrefilterData } from './prefilter';

/**
 * No longer piece of a run of letters is looked up: at least the longest word a pattern without
 * Han characters is looked for by (a unit test holds the glossary to it).
 */
export const GATE_MAX_WORD = 24;

/** wordKey's multiplier (prefilter.ts; a unit test holds the two to the same keys). */
const WORD_MIX = 0x2c1b3c6d;
const IGNORE_BIT = F_IGNORE << FLAG_SHIFT;
const HAN_BIT = F_HAN << FLAG_SHIFT;
const WORD_BIT = F_WORD << FLAG_SHIFT;
const BLOCK_MASK = (1 << CHAR_BLOCK_SHIFT) - 1;

/**
 * Every character but those the prefilter reads as Han (char-table.ts; a unit test holds this to
 * the table): the Han characters, in order, are all its pairs, triples and quotes depend on.
 */
const NOT_HAN = /[^\u2f00-\u2fd5\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ud840-\ud8bf\u{20000}-\u{3ffff}]+/gu;

/**
 * Runs of the characters that are a letter or digit once folded, or ignorable (read through): a
 * superset of them, so that a script loop reads only these runs of the text (a unit test holds
 * this to the table).
 */
export const WORDISH =
  // eslint-disable-next-line no-misleading-character-class -- code-unit ranges written as escapes: a variation selector here is a range end, combined with nothing
  /[\u0022\u0030-\u0039\u0041-\u005a\u005f\u0061-\u007a\u00aa-\u052f\u180e\u1e00-\u1eff\u200b-\u200f\u201c-\u201f\u202a-\u202e\u2060-\u206f\u2329\u232a\u3008-\u300f\u301d-\u301f\ufe00-\ufe0f\ufe41-\ufe44\ufeff\uff02\uff10-\uff19\uff21-\uff3a\uff3f\uff41-\uff5a\uff62\uff63]+/gu;

/** The Han characters of `texts`, in order, as one string. */
export function hanOf(texts: readonly string[]): string {
  return texts.join('').replace(NOT_HAN, '');
}

export class TextGate {
  readonly prefilter: Prefilter;
  private readonly words: Uint32Array;
  private readonly bits: Uint32Array;
  /** The running hashes of the pieces of the current run that end at the unit just read. */
  private readonly pieces = new Int32Array(GATE_MAX_WORD);

  constructor(data: PrefilterData, prefilter: Prefilter = new Prefilter(data)) {
    this.prefilter = prefilter;
    this.words = data.words;
    this.bits = data.bits;
  }

  /** False only when no text node or block boundary, however drawn inside `texts`, lets the matcher find anything. */
  mayMatch(texts: readonly string[]): boolean {
    // The prefilter reads the Han characters alone (what it reads of the rest, words, is read
    // piece by piece below), natively cut out of the text: its loop then reads a fraction of it.
    return this.prefilter.mayMatch([hanOf(texts)]) || this.mayHoldCutWord(texts);
  }

  /** Whether some piece of a run of letters in `texts` (across texts too) is a word a pattern is looked for by. */
  mayHoldCutWord(texts: readonly string[]): boolean {
    if (this.words.length === 0) return false;
    const { words, bits, pieces } = this;
    const { index, blocks } = charBlocks();
    // Units read of the current run: the pieces ending here start at each of the last
    // min(run, GATE_MAX_WORD) of them, piece k in slot k % GATE_MAX_WORD.
    let run = 0;
    for (let t = 0; t < texts.length; t++) {
      const text = texts[t]!;
      // Where the last run found ended: a run of the next text only goes on from it if it starts there.
      let end = 0;
      WORDISH.lastIndex = 0;
      for (let found = WORDISH.exec(text); found !== null; found = WORDISH.exec(text)) {
        if (found.index > end) run = 0;
        end = found.index + found[0].length;
        for (let i = found.index; i < end; i++) {
          const c = text.charCodeAt(i);
          let v = blocks[(index[c >>> CHAR_BLOCK_SHIFT]! << CHAR_BLOCK_SHIFT) | (c & BLOCK_MASK)]!;
          if (v & IGNORE_BIT) continue;
          let unit = c;
          if ((v & NORM_MASK) !== 0) {
            unit = (c + v) & NORM_MASK;
            v = blocks[(index[unit >>> CHAR_BLOCK_SHIFT]! << CHAR_BLOCK_SHIFT) | (unit & BLOCK_MASK)]!;
          }
          if (v & HAN_BIT || !(v & WORD_BIT)) {
            run = 0;
            continue;
          }
          pieces[run % GATE_MAX_WORD] = WORD_SEED;
          run++;
          const open = run < GATE_MAX_WORD ? run : GATE_MAX_WORD;
          // wordKey, then bitOf (prefilter.ts) written out: this loop runs on cold code.
          for (let k = 0; k < open; k++) {
            const h = Math.imul(pieces[k]! ^ unit, WORD_PRIME);
            pieces[k] = h;
            const key = Math.imul(h ^ (h >>> 15), WORD_MIX) >>> 0;
            const b = Math.imul(key, BIT_MIX) >>> 16;
            if ((bits[b >>> 5]! & (1 << (b & 31))) !== 0 && inSorted(words, key)) return true;
          }
        }
      }
      if (end < text.length) run = 0;
    }
    return false;
  }
}

function inSorted(keys: Uint32Array, key: number): boolean {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k === key) return true;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
