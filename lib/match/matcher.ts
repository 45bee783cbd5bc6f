import { charInfo, F_CJK, F_DASH, F_IGNORE, F_SPACE, F_SPECIAL, F_WORD, FLAG_SHIFT, SPACE } from './char-table';
import { N_BASE, N_CHECK, N_FAIL, N_HIT, NODE } from './aho-corasick';
import { GRAM_BASE, GRAM_BITS, GRAM_MIX, GRAM_RING, gramOutWeight } from './gram-filter';
import { buildMatcherParts } from './matcher-parts';
import type { MatcherParts } from './matcher-parts';
import type { AcTables, QuoteTables, TermTables } from './scan-tables';
import { EDGE_LEFT, EDGE_RIGHT } from './patterns';
import { TracedQuote, traceQuote } from './quote-index';
import { S_BASE, S_FIRST_END, S_LEN, S_LINK, SAM_NODE } from './suffix-automaton';
import { QUOTE_SYMBOL_MASK, scanSymbols } from './scan-symbols';
import { HAS_HIT, STEP_CODE, stateAt } from './verbatim';
import type { VerbatimTables } from './verbatim';
import { Columns, sortRows } from './columns';
import { OffsetTrail } from './offset-trail';
import { NearRules } from './near-rules';
import type { Boundary, CompiledMatcher, CorpusPassage, Match, MatcherOptions, MatchTable, Pattern, QuoteSource } from './types';

const GRAM_MASK = GRAM_RING - 1;
const GRAM_SHIFT = 32 - GRAM_BITS;
/** The most rows of a scan table whose columns share one buffer (see `table`). */
const SHARED_ROWS = 1024;

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
  /** The per-code-unit tables of the scan (see scan-symbols.ts). */
  private readonly symbols: Int32Array;
  private readonly spaceSymbols: number;
  private readonly dashSymbols: number;
  private readonly rootStep: Int32Array;
  private readonly afterSymbol: Int32Array;
  private readonly wordSkip: Uint8Array;
  /** Normalized position → original offset, for as far back as a match can reach. */
  private readonly trail: OffsetTrail;
  /** The near words of the patterns that have them (null: none has). */
  private readonly near: NearRules | null;
  /** Per pattern key: 1 if its pattern has near words (null: none has). */
  private readonly conditional: Uint8Array | null;
  /** Per pattern key: 1 if its pattern is a stop pattern (null: none is). */
  private readonly stops: Uint8Array | null;
  /** The page being scanned (for word-edge checks against its original text). */
  private chunks: readonly string[] = [];
  /** The boundaries of the blocks near words are looked for in. */
  private context: readonly Boundary[] | undefined;
  private chunkStart: Int32Array = new Int32Array(1);
  private readonly terms = new Columns(5);
  private readonly quoteHits = new Columns(6);
  /** The selected candidates in output order: term row r as r, quote row r as ~r. */
  private merged = new Int32Array(64);
  private termOrder = new Int32Array(64);
  private quoteOrder = new Int32Array(64);
  private readonly traced = new TracedQuote();
  private readonly gram = new Int32Array(GRAM_RING);
  /** End of the candidates recorded at earlier positions (normalized), for pruning. */
  private lastEnd = 0;
  /** The corpus tables of the verbatim fast path. */
  private readonly verbatim: VerbatimTables;

  constructor(readonly parts: MatcherParts) {
    this.patterns = parts.patterns;
    this.corpus = parts.corpus;
    this.all = parts.all;
    this.minHan = parts.minHan;
    this.set = parts.terms;
    this.ac = parts.ac;
    this.quotes = parts.quotes;

    const tables = scanSymbols(this.ac, this.quotes);
    this.symbols = tables.symbols;
    this.spaceSymbols = tables.spaceSymbols;
    this.dashSymbols = tables.dashSymbols;
    this.rootStep = tables.rootStep;
    this.afterSymbol = tables.afterSymbol;
    this.wordSkip = tables.wordSkip;
    this.verbatim = parts.verbatim;
    this.trail = new OffsetTrail(Math.max(this.set.maxLength, this.quotes.maxPassageLength));
    this.near = NearRules.of(this.patterns);
    const near = this.near;
    this.conditional = near ? Uint8Array.from(this.set.source, (p) => (near.has(p) ? 1 : 0)) : null;
    const patterns = this.patterns;
    this.stops = patterns.some((p) => p.stop) ? Uint8Array.from(this.set.source, (p) => (patterns[p]!.stop ? 1 : 0)) : null;
  }

  matchText(text: string): Match[] {
    return this.match([text]);
  }

  match(chunks: readonly string[], boundaries?: readonly Boundary[], context?: readonly Boundary[]): Match[] {
    this.run(chunks, boundaries, context);
    return this.objects(this.collect());
  }

  scan(chunks: readonly string[], boundaries?: readonly Boundary[], context?: readonly Boundary[]): MatchTable {
    this.run(chunks, boundaries, context);
    return this.table(this.collect());
  }

  /** The one pass: fills the candidate columns (`terms`, `quoteHits`). */
  private run(chunks: readonly string[], boundaries?: readonly Boundary[], context?: readonly Boundary[]): void {
    const nChunks = chunks.length;
    // Reused from call to call (entries past nChunks are stale: nothing reads them).
    let chunkStart = this.chunkStart;
    if (chunkStart.length < nChunks + 1) chunkStart = new Int32Array(2 * nChunks + 1);
    chunkStart[0] = 0;
    for (let k = 0; k < nChunks; k++) chunkStart[k + 1] = chunkStart[k]! + chunks[k]!.length;
    this.chunks = chunks;
    this.context = context ?? boundaries;
    this.chunkStart = chunkStart;
    this.terms.count = 0;
    this.quoteHits.count = 0;
    this.lastEnd = 0;
    const trail = this.trail;
    trail.reset();

    const INFO = charInfo();
    const SYM = this.symbols;
    const spaceSymbols = this.spaceSymbols;
    const dashSymbols = this.dashSymbols;
    const nodes = this.ac.nodes;
    const rootStep = this.rootStep;
    const afterSymbol = this.afterSymbol;
    const wordSkip = this.wordSkip;
    const sam = this.quotes.sam;
    const qNodes = sam.nodes;
    const qEdges = sam.edges;
    const minHan = this.minHan;

    let s = 0; // term automaton state
    let lastA = 0; // term symbol of the last character (0 after a block boundary)
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
    let hash = 0; // of the last W symbols, once win ≥ W
    let shortUntil = 0; // until pos reaches it, a short run keeps the automaton awake
    const verbatim = this.verbatim;
    const vSymbol = verbatim.symbol;
    const vFast = verbatim.symbol; // separators match no page character
    const vStep = verbatim.step;
    const vAcAt = verbatim.acAt;
    const vHitAt = verbatim.hitAt;
    const vGramEnd = verbatim.gramEnd;
    const vGramState = verbatim.gramState;
    const vGramShift = verbatim.gramShift;
    const vGramMask = vGramEnd.length - 1;

    for (let k = 0; k < nChunks; k++) {
      if (k > 0 && boundaries?.[k - 1] !== 'inline') {
        // A block boundary ends everything: runs, pending whitespace, word-edge waits.
        if (ql >= minHan) this.addQuote(qs, ql, pos);
        rightPending = -1;
        s = 0;
        lastA = 0;
        qs = 0;
        ql = 0;
        win = 0;
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
            if (pendingSpace || prev < 0 || i + 1 === n || ((INFO[prev]! | INFO[text.charCodeAt(i + 1)]!) >>> FLAG_SHIFT) & (F_CJK | F_SPECIAL)) {
              if (!pendingSpace) {
                pendingSpace = true;
                spaceAt = origin;
              }
              // The rest of the run (ignorables too) changes nothing: stride over it (runs of
              // whitespace around the short chunks of Chinese pages).
              while (i + 1 < n && (INFO[text.charCodeAt(i + 1)]! >>> FLAG_SHIFT) & (F_SPACE | F_IGNORE)) i++;
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

        // Term automaton: termStep (scan-symbols.ts) written out, as a call here costs a few
        // percent of the pass. At the root (most characters of most pages) a step is one lookup.
        const a = sy & 0xffff;
        if (s === 0) s = rootStep[afterSymbol[lastA]! + a]!;
        else if (a === 0) s = 0;
        else {
          for (;;) {
            const t = nodes[s * NODE + N_BASE]! + a;
            if (nodes[t * NODE + N_CHECK] === s) {
              s = t;
              break;
            }
            s = nodes[s * NODE + N_FAIL]!;
            if (s === 0) {
              s = rootStep[afterSymbol[lastA]! + a]!;
              break;
            }
          }
        }
        lastA = a;
        if (s !== 0) {
          const h = nodes[s * NODE + N_HIT]!;
          if (h >= 0) rightPending = this.addTerms(h, pos, segStart, origin);
        }

        const q = (sy >>> 16) & QUOTE_SYMBOL_MASK;
        if (q === 0) {
          if (ql !== 0) {
            if (ql >= minHan) this.addQuote(qs, ql, pos - 1);
            qs = 0;
            ql = 0;
          }
          win = 0;
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
              if (ql >= W) shortUntil = pos + W;
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
              // Not for W characters after a long run though: where one quote ends another
              // often begins, and the automaton (with the fast path) finds it sooner.
              if (ql < W && pos >= shortUntil) {
                qs = 0;
                ql = 0;
                hash = 0;
                for (let j = Math.max(0, win - W); j < win; j++) {
                  hash = (Math.imul(hash, GRAM_BASE) + gram[j & GRAM_MASK]!) | 0;
                }
              }
            }
          } else if (win >= W) {
            // The hash of the last W symbols: from scratch when the window has just filled (runs
            // shorter than W, such as the digits and spaces of English text, cost no hashing),
            // then rolling.
            if (win === W) {
              hash = 0;
              for (let j = 0; j < W; j++) hash = (Math.imul(hash, GRAM_BASE) + gram[j]!) | 0;
            } else {
              const out = gram[(win - 1 - W) & GRAM_MASK]!;
              hash = (Math.imul(hash - Math.imul(out, outWeight), GRAM_BASE) + q) | 0;
            }
            const at = hash >>> GRAM_SHIFT;
            const at2 = Math.imul(hash, GRAM_MIX) >>> GRAM_SHIFT;
            if ((grams[at >>> 5]! >>> (at & 31)) & (grams[at2 >>> 5]! >>> (at2 & 31)) & 1) {
              // The last W symbols may be a corpus W-gram: look them up. If they are one, the
              // shared run is W long (a longer one would have woken the automaton a symbol
              // earlier), in the W-gram's state.
              for (let e = hash >>> vGramShift; ; e = (e + 1) & vGramMask) {
                const at = vGramEnd[e]!;
                if (at < 0) break;
                let j = 1;
                while (j <= W && gram[(win - j) & GRAM_MASK] === vSymbol[at - j]) j++;
                if (j > W) {
                  qs = vGramState[e]!;
                  ql = W;
                  break;
                }
              }
            }
          }
        }

        if (ql === 0) {
          // Inside a word at the root, a letter that no pattern starts a word with and no corpus
          // text holds leaves everything as it is but the position (no dropped character
          // between: the offset map stays too).
          if (s === 0 && afterSymbol[lastA] !== 0 && i + 1 < n && wordSkip[text.charCodeAt(i + 1)] === 1) {
            let j = i + 2;
            while (j < n && wordSkip[text.charCodeAt(j)] === 1) j++;
            pos += j - i - 1;
            i = j - 1;
            prev = text.charCodeAt(i);
            lastA = SYM[prev]!;
            win = 0;
          }
        } else if (rightPending < 0) {
          // The verbatim fast path (see verbatim.ts): while the page goes on as the corpus after
          // the run's first occurrence, one comparison per character stands for both automaton
          // steps. Entered when the term automaton is where it is at that corpus position, no
          // word-edge check waits and no character was dropped (the offset map stays as it is).
          let p = qNodes[qs * SAM_NODE + S_FIRST_END]!;
          if (vAcAt[p] === s && offset + i + 1 - pos === delta) {
            const from = pos;
            let j = i + 1;
            while (j < n) {
              const u = text.charCodeAt(j);
              const st = vStep[p]!;
              if ((st & STEP_CODE) !== u + 1 && SYM[u]! >>> 16 !== vFast[p]) {
                // Whitespace after a CJK character vanishes (`建交 30 周年`): if the run goes on
                // after it, step over it and note the new offset shift.
                if (!((INFO[u]! >>> FLAG_SHIFT) & F_SPACE && (INFO[text.charCodeAt(j - 1)]! >>> FLAG_SHIFT) & F_CJK)) break;
                let after = j + 1;
                while (after < n && (INFO[text.charCodeAt(after)]! >>> FLAG_SHIFT) & F_SPACE) after++;
                if (after === n) break;
                const v = text.charCodeAt(after);
                if ((st & STEP_CODE) !== v + 1 && SYM[v]! >>> 16 !== vFast[p]) break;
                j = after;
                delta = offset + j - pos;
                trail.mark(pos, delta);
              }
              p++;
              j++;
              pos++;
              if (st & HAS_HIT) {
                const waiting = this.addTerms(vHitAt[p]!, pos, segStart, offset + j - 1);
                if (waiting >= 0) {
                  // A pattern ending on a letter or digit: if the run goes on, its next
                  // character decides now; else the slow path does, as for any character.
                  const v = j < n ? text.charCodeAt(j) : -1;
                  if (v >= 0 && ((vStep[p]! & STEP_CODE) === v + 1 || SYM[v]! >>> 16 === vFast[p])) {
                    if ((INFO[v]! >>> FLAG_SHIFT) & F_WORD) this.dropRightBounded(waiting);
                  } else {
                    rightPending = waiting;
                    break;
                  }
                }
              }
            }
            const k = pos - from;
            if (k > 0) {
              // Leave with the automata where the page left them.
              ql += k;
              win += k;
              // The filter reads back at most W symbols.
              for (let t = k < W ? k : W; t > 0; t--) gram[(win - t) & GRAM_MASK] = vSymbol[p - t]!;
              s = vAcAt[p]!;
              prev = text.charCodeAt(j - 1);
              lastA = SYM[prev]! & 0xffff;
              qs = stateAt(verbatim, this.quotes, p, ql);
              i = j - 1;
            }
          }
        }
      }
    }
    if (ql >= minHan) this.addQuote(qs, ql, pos);
    if (this.near) this.dropUnmetNear(this.near);
    this.chunks = [];
    this.context = undefined;
  }

  /** Whether the original character behind normalized position p is a letter or digit. */
  private isWordAt(p: number): boolean {
    const g = this.trail.origin(p);
    const starts = this.chunkStart;
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= g) lo = mid;
      else hi = mid - 1;
    }
    const code = this.chunks[lo]!.charCodeAt(g - starts[lo]!);
    return ((charInfo()[code]! >>> FLAG_SHIFT) & F_WORD) !== 0;
  }

  /**
   * Records the patterns ending at `end` (exclusive) found from output state `h` whose left edge
   * holds; returns the first recorded candidate that still needs its right edge checked, or -1.
   */
  private addTerms(h: number, end: number, segStart: number, origin: number): number {
    const ac = this.ac;
    const nodes = ac.nodes;
    const term = ac.term;
    const samePattern = ac.samePattern;
    const length = this.set.length;
    const edges = this.set.edges;
    const terms = this.terms;
    let waiting = -1;
    const conditional = this.conditional;
    for (let st = h; st >= 0; st = nodes[nodes[st * NODE + N_FAIL]! * NODE + N_HIT]!) {
      let p = term[st]!;
      const first = p;
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
      // Not past a candidate that its near words may still drop.
      if (!this.all && this.lastEnd <= start && (conditional === null || conditional[first] === 0)) break;
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

  /**
   * Drops the term candidates whose pattern needs a near word their block lacks, before selection
   * (so a shorter term under a dropped one can still be chosen). Rare: only blocks holding such a
   * candidate are read again.
   */
  private dropUnmetNear(near: NearRules): void {
    const terms = this.terms;
    const pattern = terms.cols[T_PATTERN]!;
    const origStart = terms.cols[T_ORIG_START]!;
    const source = this.set.source;
    let cursor: ChunkCursor | null = null;
    near.startPage(this.chunks, this.context);
    if (terms.count === 0) return;
    for (let i = 0; i < terms.count; i++) {
      const p = pattern[i]!;
      if (p < 0 || !near.has(source[p]!)) continue;
      cursor ??= new ChunkCursor(this.chunkStart);
      if (!near.met(source[p]!, cursor.chunkOf(origStart[i]!))) pattern[i] = -1;
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
   * Leftmost-longest selection (unless `all`), merged with the quotes: the output order as
   * candidate rows (term row r as r, quote row r as ~r) in `this.merged`; returns their count.
   */
  private collect(): number {
    const tc = this.terms.cols;
    const tStart = tc[T_START]!;
    const tEnd = tc[T_END]!;
    const tOrigStart = tc[T_ORIG_START]!;
    const tOrigEnd = tc[T_ORIG_END]!;
    // Selection works on normalized spans; their order is the order of the original spans.
    const sortedTerms = this.sorted(this.terms, T_PATTERN, T_START, T_END, T_PATTERN);
    let terms = sortedTerms.length;
    const stops = this.stops;
    if (!this.all) {
      let coveredTo = -1;
      terms = 0;
      for (let j = 0; j < sortedTerms.length; j++) {
        // The first (longest, highest-priority) candidate at each free start.
        const i = sortedTerms[j]!;
        if (tStart[i]! < coveredTo) continue;
        coveredTo = tEnd[i]!;
        // A stop pattern covers its span and reports nothing.
        if (stops !== null && stops[tc[T_PATTERN]![i]!] === 1) continue;
        sortedTerms[terms++] = i;
      }
    } else if (stops !== null) {
      terms = 0;
      for (let j = 0; j < sortedTerms.length; j++) {
        const i = sortedTerms[j]!;
        if (stops[tc[T_PATTERN]![i]!] !== 1) sortedTerms[terms++] = i;
      }
    }
    const qc = this.quoteHits.cols;
    const qOrigStart = qc[Q_ORIG_START]!;
    const qOrigEnd = qc[Q_ORIG_END]!;
    const quoteRows = this.sorted(this.quoteHits, -1, Q_ORIG_START, Q_ORIG_END, Q_START);
    const quotes = quoteRows.length;

    const n = terms + quotes;
    let merged = this.merged;
    if (merged.length < n) merged = this.merged = new Int32Array(n * 2);
    let ti = 0;
    let qi = 0;
    for (let k = 0; k < n; k++) {
      // Merge by start, longer first; on equal spans the term comes first.
      if (qi === quotes) merged[k] = sortedTerms[ti++]!;
      else if (ti === terms) merged[k] = ~quoteRows[qi++]!;
      else {
        const tr = sortedTerms[ti]!;
        const qr = quoteRows[qi]!;
        const qs = qOrigStart[qr]!;
        const ts = tOrigStart[tr]!;
        if (qs < ts || (qs === ts && qOrigEnd[qr]! > tOrigEnd[tr]!)) {
          merged[k] = ~qr;
          qi++;
        } else {
          merged[k] = tr;
          ti++;
        }
      }
    }
    return n;
  }

  /** The merged rows as fresh, exactly sized columns. */
  private table(n: number): MatchTable {
    const merged = this.merged;
    const chunkStart = this.chunkStart;
    const cursor = new ChunkCursor(chunkStart);
    const tc = this.terms.cols;
    const tPattern = tc[T_PATTERN]!;
    const tOrigStart = tc[T_ORIG_START]!;
    const tOrigEnd = tc[T_ORIG_END]!;
    const qc = this.quoteHits.cols;
    const qOrigStart = qc[Q_ORIG_START]!;
    const qOrigEnd = qc[Q_ORIG_END]!;
    const qPassage = qc[Q_PASSAGE]!;
    const qStart = qc[Q_START]!;
    const qEnd = qc[Q_END]!;
    const qOccurrences = qc[Q_OCCURRENCES]!;
    const source = this.set.source;
    const original = this.quotes.original;
    // Up to SHARED_ROWS rows, one buffer for the nine columns: past 64 bytes each typed array
    // gets a backing store of its own, and nine of those cost ~4 % of a scan of a page with a
    // few dozen matches. Not for large tables: one buffer of 33 bytes a row was ~3 % slower
    // on a text with 30,000 matches than nine arrays of 4.
    const shared = n <= SHARED_ROWS ? new ArrayBuffer(33 * n) : null;
    const int32s = (i: number): Int32Array => (shared ? new Int32Array(shared, 4 * i * n, n) : new Int32Array(n));
    const startChunk = int32s(0);
    const startOffset = int32s(1);
    const endChunk = int32s(2);
    const endOffset = int32s(3);
    const ref = int32s(4);
    const sourceStart = int32s(5);
    const sourceEnd = int32s(6);
    const occurrences = int32s(7);
    const kind = shared ? new Uint8Array(shared, 32 * n, n) : new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const r = merged[k]!;
      let origStart: number;
      let origEnd: number;
      if (r >= 0) {
        origStart = tOrigStart[r]!;
        origEnd = tOrigEnd[r]!;
        ref[k] = source[tPattern[r]!]!;
      } else {
        const q = ~r;
        origStart = qOrigStart[q]!;
        origEnd = qOrigEnd[q]!;
        kind[k] = 1;
        ref[k] = qPassage[q]!;
        sourceStart[k] = original[qStart[q]!]!;
        sourceEnd[k] = original[qEnd[q]! - 1]! + 1;
        occurrences[k] = qOccurrences[q]!;
      }
      const sk = cursor.chunkOf(origStart);
      startChunk[k] = sk;
      startOffset[k] = origStart - chunkStart[sk]!;
      // An exclusive end lies in the chunk of the last character it closes.
      const ek = cursor.chunkOf(origEnd - 1);
      endChunk[k] = ek;
      endOffset[k] = origEnd - chunkStart[ek]!;
    }
    return { count: n, kind, startChunk, startOffset, endChunk, endOffset, ref, sourceStart, sourceEnd, occurrences };
  }

  /** Row `row` of a `scan` table, as `match` reports it. */
  describe(table: MatchTable, row: number): Match {
    const start = { chunk: table.startChunk[row]!, offset: table.startOffset[row]! };
    const end = { chunk: table.endChunk[row]!, offset: table.endOffset[row]! };
    const ref = table.ref[row]!;
    if (table.kind[row] === 0) {
      const pattern = this.patterns[ref]!;
      return { kind: 'term', start, end, entry: pattern.entry, form: pattern.form, script: pattern.script };
    }
    const source = this.sourceOf(table, row)!;
    return { kind: 'quote', start, end, entry: -1, form: this.corpus[ref]!.text.slice(source.start, source.end), source };
  }

  /** That row's entry (-1 for a quote), without making its Match. */
  entryOf(table: MatchTable, row: number): number {
    return table.kind[row] === 0 ? this.patterns[table.ref[row]!]!.entry : -1;
  }

  /** That row's corpus source (null for a term), without making its Match. */
  sourceOf(table: MatchTable, row: number): QuoteSource | null {
    if (table.kind[row] === 0) return null;
    const passage = this.corpus[table.ref[row]!]!;
    return {
      doc: passage.doc,
      para: passage.para,
      start: table.sourceStart[row]!,
      end: table.sourceEnd[row]!,
      occurrences: table.occurrences[row]!,
    };
  }

  /** The merged rows as match objects: the table's rows, described. */
  private objects(n: number): Match[] {
    const table = this.table(n);
    const out = new Array<Match>(n);
    for (let k = 0; k < n; k++) out[k] = this.describe(table, k);
    return out;
  }
}

/**
 * Compiles glossary patterns and the corpus into a matcher: an Aho–Corasick automaton for the
 * terms and a suffix automaton of the corpus for quotes, both scanned in one linear pass.
 */
export function compileMatcher(patterns: readonly Pattern[], corpus: readonly CorpusPassage[], options: MatcherOptions = {}): CompiledMatcher {
  return new AutomatonMatcher(buildMatcherParts(patterns, corpus, options));
}
