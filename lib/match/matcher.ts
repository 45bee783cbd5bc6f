import {
  CHAR_INFO,
  DASH,
  F_CJK,
  F_DASH,
  F_IGNORE,
  F_SPACE,
  F_SPECIAL,
  F_WORD,
  FLAG_SHIFT,
  FOLDS,
  SPACE,
  SPECIALS,
} from './char-table';
import { N_BASE, N_CHECK, N_FAIL, N_HIT, NODE } from './aho-corasick';
import { GRAM_BASE, GRAM_BITS, GRAM_RING, gramOutWeight } from './gram-filter';
import { buildMatcherParts } from './matcher-parts';
import type { AcTables, MatcherParts, QuoteTables, TermTables } from './matcher-parts';
import { EDGE_LEFT, EDGE_RIGHT } from './patterns';
import { TracedQuote, traceQuote } from './quote-index';
import { S_BASE, S_LEN, S_LINK, SAM_NODE } from './suffix-automaton';
import { Columns, sortRows } from './columns';
import { OffsetTrail } from './offset-trail';
import type { Boundary, CompiledMatcher, CorpusPassage, Match, MatcherOptions, MatchTable, Pattern } from './types';

const GRAM_MASK = GRAM_RING - 1;
const GRAM_SHIFT = 32 - GRAM_BITS;

// Output row columns.
const R_KIND = 0;
const R_START_CHUNK = 1;
const R_START_OFFSET = 2;
const R_END_CHUNK = 3;
const R_END_OFFSET = 4;
const R_REF = 5;
const R_SOURCE_START = 6;
const R_SOURCE_END = 7;
const R_OCCURRENCES = 8;
const ROW_WIDTH = 9;
// Term candidate columns.
const T_START = 0; // normalized start
const T_END = 1; // normalized end (exclusive)
const T_PATTERN = 2; // index in the pattern set; -1 once its right edge failed
const T_ORIG_START = 3; // global original offsets (chunks concatenated)
const T_ORIG_END = 4;
// Quote candidate columns.
const Q_ORIG_START = 0;
const Q_ORIG_END = 1;
const Q_PASSAGE = 2;
const Q_START = 3; // normalized corpus span of the first occurrence
const Q_END = 4;
const Q_OCCURRENCES = 5;

/**
 * Finds the chunk of global offsets (offsets into the chunks concatenated). Outputs come nearly
 * in order, so walking from the previous chunk beats a binary search.
 */
class ChunkCursor {
  private k = 0;

  constructor(private readonly starts: Int32Array) {}

  /** The chunk holding global offset g (empty chunks never hold one). */
  chunkOf(g: number): number {
    const starts = this.starts;
    let k = this.k;
    while (k > 0 && starts[k]! > g) k--;
    while (starts[k + 1]! <= g) k++;
    this.k = k;
    return k;
  }
}

export class AutomatonMatcher implements CompiledMatcher {
  private readonly patterns: readonly Pattern[];
  private readonly corpus: readonly CorpusPassage[];
  private readonly set: TermTables;
  private readonly ac: AcTables;
  private readonly quotes: QuoteTables;
  private readonly all: boolean;
  private readonly minHan: number;
  /** Raw code unit → `acSymbol | quoteSymbol << 16`; -1 for whitespace, ignorables, dashes. */
  private readonly symbols: Int32Array;
  private readonly spaceSymbols: number;
  private readonly dashSymbols: number;
  /** Normalized position → original offset, for as far back as a match can reach. */
  private readonly trail: OffsetTrail;
  /** The page being scanned (for word-edge checks against its original text). */
  private chunks: readonly string[] = [];
  private chunkStart: Int32Array = new Int32Array(1);
  private readonly terms = new Columns(5);
  private readonly quoteHits = new Columns(6);
  /** The selected matches, in output order. */
  private readonly rows = new Columns(ROW_WIDTH);
  private termOrder = new Int32Array(64);
  private quoteOrder = new Int32Array(64);
  private readonly traced = new TracedQuote();
  private readonly gram = new Int32Array(GRAM_RING);
  /** End of the candidates recorded at earlier positions (normalized), for pruning. */
  private lastEnd = 0;

  constructor(readonly parts: MatcherParts) {
    this.patterns = parts.patterns;
    this.corpus = parts.corpus;
    this.all = parts.all;
    this.minHan = parts.minHan;
    this.set = parts.terms;
    this.ac = parts.ac;
    this.quotes = parts.quotes;

    // Raw code unit → `acSymbol | quoteSymbol << 16`, or -1 for the special units (whitespace,
    // ignorables, dashes) that take the slow path. Plain units then cost one lookup, and only
    // the units in an alphabet (and those folding to them) are written: no 64K loop per matcher.
    const symbols = new Int32Array(0x10000);
    const symbolOf = new Map<number, number>();
    const acCodes = this.ac.codes;
    for (let a = 1; a < acCodes.length; a++) symbolOf.set(acCodes[a]!, a);
    const quoteCodes = this.quotes.codes;
    for (let q = 1; q < quoteCodes.length; q++) {
      const code = quoteCodes[q]!;
      symbolOf.set(code, (symbolOf.get(code) ?? 0) | (q << 16));
    }
    for (const [code, sy] of symbolOf) symbols[code] = sy;
    for (let i = 0; i < FOLDS.length; i += 2) {
      const sy = symbolOf.get(FOLDS[i + 1]!);
      if (sy !== undefined) symbols[FOLDS[i]!] = sy;
    }
    for (const c of SPECIALS) symbols[c] = -1;
    this.symbols = symbols;
    this.spaceSymbols = symbolOf.get(SPACE) ?? 0;
    this.dashSymbols = symbolOf.get(DASH) ?? 0;

    this.trail = new OffsetTrail(Math.max(this.set.maxLength, this.quotes.maxPassageLength));
  }

  matchText(text: string): Match[] {
    return this.match([text]);
  }

  match(chunks: readonly string[], boundaries?: readonly Boundary[]): Match[] {
    this.run(chunks, boundaries);
    return this.objects(this.collect(false));
  }

  scan(chunks: readonly string[], boundaries?: readonly Boundary[]): MatchTable {
    this.run(chunks, boundaries);
    return this.table(this.collect(true));
  }

  /** The one pass: fills the selected rows (`this.rows`). */
  private run(chunks: readonly string[], boundaries?: readonly Boundary[]): void {
    const nChunks = chunks.length;
    const chunkStart = new Int32Array(nChunks + 1);
    for (let k = 0; k < nChunks; k++) chunkStart[k + 1] = chunkStart[k]! + chunks[k]!.length;
    this.chunks = chunks;
    this.chunkStart = chunkStart;
    this.terms.count = 0;
    this.quoteHits.count = 0;
    this.lastEnd = 0;
    const trail = this.trail;
    trail.reset();

    const INFO = CHAR_INFO;
    const SYM = this.symbols;
    const spaceSymbols = this.spaceSymbols;
    const dashSymbols = this.dashSymbols;
    const { nodes, rootTo } = this.ac;
    const sam = this.quotes.sam;
    const qNodes = sam.nodes;
    const qEdges = sam.edges;
    const minHan = this.minHan;

    let s = 0; // term automaton state
    let qs = 0; // quote automaton state
    let ql = 0; // length of the current shared run
    let pos = 0; // normalized characters emitted so far (all blocks)
    let delta = -1; // original offset − pos of the last emitted character (-1: none yet)
    let segStart = 0; // pos at the start of the current block
    let prev = -1; // raw unit of the last emitted character in this block (SPACE for a space)
    let pendingSpace = false;
    let spaceAt = 0;
    let rightPending = -1; // first candidate waiting for the next character's word check
    // The W-gram filter: while the automaton rests (ql === 0), only a hit wakes it.
    const W = this.quotes.gramWidth;
    const outWeight = gramOutWeight(W);
    const grams = this.quotes.grams;
    const gram = this.gram;
    let win = 0; // symbols since the last reset (in the ring `gram`)
    let hash = 0;

    for (let k = 0; k < nChunks; k++) {
      if (k > 0 && boundaries?.[k - 1] !== 'inline') {
        // A block boundary ends everything: runs, pending whitespace, word-edge waits.
        if (ql >= minHan) this.addQuote(qs, ql, pos);
        rightPending = -1;
        s = 0;
        qs = 0;
        ql = 0;
        win = 0;
        hash = 0;
        prev = -1;
        pendingSpace = false;
        segStart = pos;
      }
      const text = chunks[k]!;
      const offset = chunkStart[k]!;
      const n = text.length;
      for (let i = 0; i < n; i++) {
        let c = text.charCodeAt(i);
        let sy = SYM[c]!;
        let origin = offset + i;
        if (sy < 0) {
          // Whitespace, ignorables, dashes: flags decide.
          const f = INFO[c]! >>> FLAG_SHIFT;
          if (f & F_IGNORE) continue;
          if (f & F_SPACE) {
            if (
              pendingSpace ||
              prev < 0 ||
              i + 1 === n ||
              ((INFO[prev]! | INFO[text.charCodeAt(i + 1)]!) >>> FLAG_SHIFT) & (F_CJK | F_SPECIAL)
            ) {
              if (!pendingSpace) {
                pendingSpace = true;
                spaceAt = origin;
              }
              continue;
            }
            // A lone space between two plain, non-CJK characters (most spaces of Latin text)
            // stands for itself: no need to hold it and look at the next character twice.
            c = SPACE;
            sy = spaceSymbols;
          } else {
            // A dash right after a dash extends the run: `——` is one dash.
            if (prev >= 0 && (INFO[prev]! >>> FLAG_SHIFT) & F_DASH && !pendingSpace) continue;
            sy = dashSymbols;
          }
        }
        if (pendingSpace) {
          pendingSpace = false;
          if (prev >= 0 && (((INFO[prev]! | INFO[c]!) >>> FLAG_SHIFT) & F_CJK) === 0) {
            // Emit the collapsed space now and see this character again on the next turn.
            c = SPACE;
            sy = spaceSymbols;
            origin = spaceAt;
            i--;
          }
        }
        prev = c;
        if (origin - pos !== delta) {
          delta = origin - pos;
          trail.mark(pos, delta);
        }
        pos++;
        if (rightPending >= 0) {
          if ((INFO[c]! >>> FLAG_SHIFT) & F_WORD) this.dropRightBounded(rightPending);
          rightPending = -1;
        }

        const a = sy & 0xffff;
        if (a === 0) s = 0;
        else {
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
          const h = nodes[s * NODE + N_HIT]!;
          if (h >= 0) rightPending = this.addTerms(h, pos, segStart, origin);
        }

        const q = sy >>> 16;
        if (q === 0) {
          if (ql !== 0) {
            if (ql >= minHan) this.addQuote(qs, ql, pos - 1);
            qs = 0;
            ql = 0;
          }
          win = 0;
          hash = 0;
        } else {
          gram[win & GRAM_MASK] = q;
          win++;
          if (ql !== 0) {
            const t = (qNodes[qs * SAM_NODE + S_BASE]! + q) << 1;
            if (qEdges[t] === qs) {
              qs = qEdges[t + 1]!;
              ql++;
            } else {
              // The run cannot grow: it is maximal. Shorten it along suffix links until it can;
              // the root has an edge on every corpus symbol, so this ends.
              if (ql >= minHan) this.addQuote(qs, ql, pos - 1);
              for (;;) {
                qs = qNodes[qs * SAM_NODE + S_LINK]!;
                const u = (qNodes[qs * SAM_NODE + S_BASE]! + q) << 1;
                if (qEdges[u] === qs) {
                  ql = qNodes[qs * SAM_NODE + S_LEN]! + 1;
                  qs = qEdges[u + 1]!;
                  break;
                }
              }
              // Shorter than W: no reportable run is under way; the filter takes over, with
              // the hash of the last W symbols (it is not kept up while the automaton runs).
              if (ql < W) {
                qs = 0;
                ql = 0;
                hash = 0;
                for (let j = Math.max(0, win - W); j < win; j++) {
                  hash = (Math.imul(hash, GRAM_BASE) + gram[j & GRAM_MASK]!) | 0;
                }
              }
            }
          } else {
            // Rolling hash of the last W symbols (fewer right after a reset).
            const out = win > W ? gram[(win - 1 - W) & GRAM_MASK]! : 0;
            hash = (Math.imul(hash - Math.imul(out, outWeight), GRAM_BASE) + q) | 0;
            const at = hash >>> GRAM_SHIFT;
            if (win >= W && (grams[at >>> 5]! >>> (at & 31)) & 1) {
              // The last W symbols may be a corpus W-gram: run them through the automaton. A
              // longer shared suffix would have woken it a symbol earlier, so this is exact.
              let v = 0;
              let l = 0;
              for (let j = win - W; j < win; j++) {
                const g = gram[j & GRAM_MASK]!;
                for (;;) {
                  const u = (qNodes[v * SAM_NODE + S_BASE]! + g) << 1;
                  if (qEdges[u] === v) {
                    v = qEdges[u + 1]!;
                    l++;
                    break;
                  }
                  v = qNodes[v * SAM_NODE + S_LINK]!;
                  l = qNodes[v * SAM_NODE + S_LEN]!;
                }
              }
              if (l >= W) {
                qs = v;
                ql = l;
              }
            }
          }
        }
      }
    }
    if (ql >= minHan) this.addQuote(qs, ql, pos);
    this.chunks = [];
  }

  /** Whether the original character behind normalized position p is a letter or digit. */
  private isWordAt(p: number): boolean {
    const g = this.trail.origin(p);
    const starts = this.chunkStart;
    let lo = 0;
    let hi = starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= g) lo = mid;
      else hi = mid - 1;
    }
    const code = this.chunks[lo]!.charCodeAt(g - starts[lo]!);
    return ((CHAR_INFO[code]! >>> FLAG_SHIFT) & F_WORD) !== 0;
  }

  /**
   * Records the patterns ending at `end` (exclusive) found from output state `h` whose left edge
   * holds; returns the first recorded candidate that still needs its right edge checked, or -1.
   */
  private addTerms(h: number, end: number, segStart: number, origin: number): number {
    const { nodes, term, samePattern } = this.ac;
    const { length, edges } = this.set;
    const terms = this.terms;
    let waiting = -1;
    for (let st = h; st >= 0; st = nodes[nodes[st * NODE + N_FAIL]! * NODE + N_HIT]!) {
      let p = term[st]!;
      const start = end - length[p]!;
      const edge = edges[p]!;
      if (edge & EDGE_LEFT && start > segStart && this.isWordAt(start - 1)) continue;
      const origStart = this.trail.origin(start);
      if (edge & EDGE_RIGHT && waiting < 0) waiting = terms.count;
      do {
        const row = terms.add();
        const cols = terms.cols;
        cols[T_START]![row] = start;
        cols[T_END]![row] = end;
        cols[T_PATTERN]![row] = p;
        cols[T_ORIG_START]![row] = origStart;
        cols[T_ORIG_END]![row] = origin + 1;
        p = samePattern[p]!;
      } while (p >= 0 && this.all);
      // Leftmost-longest: a shorter match ending here can only be chosen if this one is blocked
      // by an earlier match ending inside it; with none recorded there, the rest are dead.
      if (!this.all && this.lastEnd <= start) break;
    }
    this.lastEnd = end;
    return waiting;
  }

  /** The next character is a letter or digit: candidates ending on one are not words. */
  private dropRightBounded(from: number): void {
    const terms = this.terms;
    const pattern = terms.cols[T_PATTERN]!;
    for (let i = from; i < terms.count; i++) {
      if (this.set.edges[pattern[i]!]! & EDGE_RIGHT) pattern[i] = -1;
    }
  }

  /** Records the maximal shared run of `length` ending at normalized `end`, if long enough. */
  private addQuote(state: number, length: number, end: number): void {
    const traced = this.traced;
    if (!traceQuote(this.quotes, state, length, this.minHan, traced)) return;
    const start = end - length + traced.trimStart;
    const last = end - traced.trimEnd - 1;
    const row = this.quoteHits.add();
    const cols = this.quoteHits.cols;
    cols[Q_ORIG_START]![row] = this.trail.origin(start);
    cols[Q_ORIG_END]![row] = this.trail.origin(last) + 1;
    cols[Q_PASSAGE]![row] = traced.passage;
    cols[Q_START]![row] = traced.start;
    cols[Q_END]![row] = traced.end;
    cols[Q_OCCURRENCES]![row] = traced.occurrences;
  }

  /**
   * Indices of the rows of `columns` that pass `keep` (column `keep` ≥ 0), sorted by span
   * (start, then longer first, then tie), in the reusable `order` buffer of that kind.
   */
  private sorted(columns: Columns, keep: number, start: number, end: number, tie: number): Int32Array {
    const n = columns.count;
    const quotes = columns === this.quoteHits;
    let order = quotes ? this.quoteOrder : this.termOrder;
    if (order.length < n) {
      order = new Int32Array(n * 2);
      if (quotes) this.quoteOrder = order;
      else this.termOrder = order;
    }
    const cols = columns.cols;
    let m = 0;
    if (keep < 0) for (let i = 0; i < n; i++) order[m++] = i;
    else for (let i = 0; i < n; i++) if (cols[keep]![i]! >= 0) order[m++] = i;
    sortRows(order, m, cols[start]!, cols[end]!, cols[tie]!);
    return order.subarray(0, m);
  }

  /**
   * Leftmost-longest selection (unless `all`), merged with the quotes, in chunk terms: into
   * fresh columns (`fresh`, for a table handed out) or the reused ones (for match objects).
   */
  private collect(fresh: boolean): Columns {
    const chunkStart = this.chunkStart;
    const tc = this.terms.cols;
    const tStart = tc[T_START]!;
    const tEnd = tc[T_END]!;
    const tPattern = tc[T_PATTERN]!;
    const tOrigStart = tc[T_ORIG_START]!;
    const tOrigEnd = tc[T_ORIG_END]!;
    // Selection works on normalized spans; their order is the order of the original spans.
    const sortedTerms = this.sorted(this.terms, T_PATTERN, T_START, T_END, T_PATTERN);
    let terms = sortedTerms.length;
    if (!this.all) {
      let coveredTo = -1;
      terms = 0;
      for (let j = 0; j < sortedTerms.length; j++) {
        // The first (longest, highest-priority) candidate at each free start.
        const i = sortedTerms[j]!;
        if (tStart[i]! < coveredTo) continue;
        coveredTo = tEnd[i]!;
        sortedTerms[terms++] = i;
      }
    }
    const termRows = sortedTerms.subarray(0, terms);
    const qc = this.quoteHits.cols;
    const qOrigStart = qc[Q_ORIG_START]!;
    const qOrigEnd = qc[Q_ORIG_END]!;
    const quoteRows = this.sorted(this.quoteHits, -1, Q_ORIG_START, Q_ORIG_END, Q_START);

    const n = termRows.length + quoteRows.length;
    const rows = fresh ? new Columns(ROW_WIDTH, n) : this.rows;
    rows.count = 0;
    const cursor = new ChunkCursor(chunkStart);
    const source = this.set.source;
    const original = this.quotes.original;
    let ti = 0;
    let qi = 0;
    for (let k = 0; k < n; k++) {
      const row = rows.add();
      const out = rows.cols;
      let origStart: number;
      let origEnd: number;
      // Merge by start, longer first; on equal spans the term comes first.
      const tr = ti < termRows.length ? termRows[ti]! : -1;
      const qr = qi < quoteRows.length ? quoteRows[qi]! : -1;
      const quoteFirst =
        tr < 0 ||
        (qr >= 0 &&
          (qOrigStart[qr]! < tOrigStart[tr]! ||
            (qOrigStart[qr] === tOrigStart[tr] && qOrigEnd[qr]! > tOrigEnd[tr]!)));
      if (quoteFirst) {
        origStart = qOrigStart[qr]!;
        origEnd = qOrigEnd[qr]!;
        out[R_KIND]![row] = 1;
        out[R_REF]![row] = qc[Q_PASSAGE]![qr]!;
        out[R_SOURCE_START]![row] = original[qc[Q_START]![qr]!]!;
        out[R_SOURCE_END]![row] = original[qc[Q_END]![qr]! - 1]! + 1;
        out[R_OCCURRENCES]![row] = qc[Q_OCCURRENCES]![qr]!;
        qi++;
      } else {
        origStart = tOrigStart[tr]!;
        origEnd = tOrigEnd[tr]!;
        out[R_KIND]![row] = 0;
        out[R_REF]![row] = source[tPattern[tr]!]!;
        out[R_SOURCE_START]![row] = 0;
        out[R_SOURCE_END]![row] = 0;
        out[R_OCCURRENCES]![row] = 0;
        ti++;
      }
      const sk = cursor.chunkOf(origStart);
      out[R_START_CHUNK]![row] = sk;
      out[R_START_OFFSET]![row] = origStart - chunkStart[sk]!;
      // An exclusive end lies in the chunk of the last character it closes.
      const ek = cursor.chunkOf(origEnd - 1);
      out[R_END_CHUNK]![row] = ek;
      out[R_END_OFFSET]![row] = origEnd - chunkStart[ek]!;
    }
    return rows;
  }

  /** Fresh, exactly sized rows as a table. */
  private table(rows: Columns): MatchTable {
    const { count, cols } = rows;
    const col = (c: number): Int32Array => cols[c]!.subarray(0, count);
    return {
      count,
      kind: Uint8Array.from(col(R_KIND)),
      startChunk: col(R_START_CHUNK),
      startOffset: col(R_START_OFFSET),
      endChunk: col(R_END_CHUNK),
      endOffset: col(R_END_OFFSET),
      ref: col(R_REF),
      sourceStart: col(R_SOURCE_START),
      sourceEnd: col(R_SOURCE_END),
      occurrences: col(R_OCCURRENCES),
    };
  }

  /** Rows as match objects. */
  private objects(rows: Columns): Match[] {
    const { count, cols } = rows;
    const kind = cols[R_KIND]!;
    const startChunk = cols[R_START_CHUNK]!;
    const startOffset = cols[R_START_OFFSET]!;
    const endChunk = cols[R_END_CHUNK]!;
    const endOffset = cols[R_END_OFFSET]!;
    const refs = cols[R_REF]!;
    const out = new Array<Match>(count);
    for (let i = 0; i < count; i++) {
      const start = { chunk: startChunk[i]!, offset: startOffset[i]! };
      const end = { chunk: endChunk[i]!, offset: endOffset[i]! };
      const ref = refs[i]!;
      if (kind[i] === 0) {
        const pattern = this.patterns[ref]!;
        out[i] = { kind: 'term', start, end, entry: pattern.entry, form: pattern.form, script: pattern.script };
      } else {
        const passage = this.corpus[ref]!;
        const from = cols[R_SOURCE_START]![i]!;
        const to = cols[R_SOURCE_END]![i]!;
        out[i] = {
          kind: 'quote',
          start,
          end,
          entry: -1,
          form: passage.text.slice(from, to),
          source: { doc: passage.doc, para: passage.para, start: from, end: to, occurrences: cols[R_OCCURRENCES]![i]! },
        };
      }
    }
    return out;
  }
}

/**
 * Compiles glossary patterns and the corpus into a matcher: an Aho–Corasick automaton for the
 * terms and a suffix automaton of the corpus for quotes, both scanned in one linear pass.
 */
export function compileMatcher(
  patterns: readonly Pattern[],
  corpus: readonly CorpusPassage[],
  options: MatcherOptions = {},
): CompiledMatcher {
  return new AutomatonMatcher(buildMatcherParts(patterns, corpus, options));
}
