import { SlotAllocator, sortRow } from './slot-allocator';

/**
 * A suffix automaton of a symbol string, its transitions packed into one row-displacement table:
 * the edge of `s` on symbol `a` is slot `t = base(s) + a` when `edges[2t] === s`, and leads to
 * `edges[2t + 1]` (states are not slots here: a state has many parents). Owner and target share
 * a cache line, and so do a state's base, suffix link and length (`nodes`, stride 4). Root is 0.
 */
export interface SuffixAutomaton {
  /** Per state (stride SAM_NODE): base, suffix link (-1 at the root), length, first end. */
  nodes: Int32Array;
  edges: Int32Array;
  /** How many times the state's strings occur in the text. */
  count: Int32Array;
  states: number;
}

/** Words per state in `nodes`, and their offsets. */
export const SAM_NODE = 4;
export const S_BASE = 0;
/** Suffix link. */
export const S_LINK = 1;
/** Length of the longest string of the state. */
export const S_LEN = 2;
/** End (exclusive) of the first occurrence of the state's strings in the text. */
export const S_FIRST_END = 3;

function hashOf(state: number, sym: number, mask: number): number {
  return (Math.imul(state, 0x9e3779b1) ^ Math.imul(sym, 0x85ebca77)) & mask;
}

/**
 * Builds the automaton of `text[0..n)`, symbols in `[1, alphabetSize]`. Construction keeps the
 * transitions in an open-addressing hash (plus per-state edge lists for cloning), then packs them.
 */
export function buildSuffixAutomaton(text: Int32Array, n: number, alphabetSize: number): SuffixAutomaton {
  const maxStates = Math.max(2, 2 * n);
  const maxEdges = Math.max(4, 3 * n);
  const len = new Int32Array(maxStates);
  const link = new Int32Array(maxStates);
  const firstEnd = new Int32Array(maxStates);
  const count = new Int32Array(maxStates);
  const head = new Int32Array(maxStates).fill(-1);
  const eSym = new Int32Array(maxEdges);
  const eTo = new Int32Array(maxEdges);
  const eNext = new Int32Array(maxEdges);
  let edges = 0;
  let hashSize = 16;
  while (hashSize < maxEdges * 2) hashSize *= 2;
  const mask = hashSize - 1;
  const hState = new Int32Array(hashSize).fill(-1);
  const hSym = new Int32Array(hashSize);
  const hEdge = new Int32Array(hashSize);

  /** The edge id of `state` on `sym`, or -1. */
  const edgeOf = (state: number, sym: number): number => {
    let h = hashOf(state, sym, mask);
    for (;;) {
      const s = hState[h]!;
      if (s === -1) return -1;
      if (s === state && hSym[h] === sym) return hEdge[h]!;
      h = (h + 1) & mask;
    }
  };
  const addEdge = (state: number, sym: number, to: number): void => {
    let h = hashOf(state, sym, mask);
    while (hState[h] !== -1) h = (h + 1) & mask;
    hState[h] = state;
    hSym[h] = sym;
    hEdge[h] = edges;
    eSym[edges] = sym;
    eTo[edges] = to;
    eNext[edges] = head[state]!;
    head[state] = edges;
    edges++;
  };

  let states = 1;
  let last = 0;
  link[0] = -1;
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    const cur = states++;
    len[cur] = len[last]! + 1;
    firstEnd[cur] = i + 1;
    count[cur] = 1;
    let p = last;
    while (p !== -1 && edgeOf(p, c) === -1) {
      addEdge(p, c, cur);
      p = link[p]!;
    }
    if (p === -1) link[cur] = 0;
    else {
      const q = eTo[edgeOf(p, c)]!;
      if (len[p]! + 1 === len[q]) link[cur] = q;
      else {
        const clone = states++;
        len[clone] = len[p]! + 1;
        link[clone] = link[q]!;
        firstEnd[clone] = firstEnd[q]!;
        for (let e = head[q]!; e !== -1; e = eNext[e]!) addEdge(clone, eSym[e]!, eTo[e]!);
        for (;;) {
          if (p === -1) break;
          const e = edgeOf(p, c);
          if (eTo[e] !== q) break;
          eTo[e] = clone;
          p = link[p]!;
        }
        link[q] = clone;
        link[cur] = clone;
      }
    }
    last = cur;
  }

  // Occurrence counts: each position adds one to its state and all its suffix-link ancestors.
  const byLen = new Int32Array(n + 2);
  for (let s = 0; s < states; s++) byLen[len[s]!]!++;
  for (let l = 1; l <= n; l++) byLen[l]! += byLen[l - 1]!;
  const sorted = new Int32Array(states);
  for (let s = states - 1; s >= 0; s--) sorted[--byLen[len[s]!]!] = s;
  for (let i = states - 1; i > 0; i--) {
    const s = sorted[i]!;
    count[link[s]!]! += count[s]!;
  }

  // Pack rows, widest first: the wide rows find room while the table is empty, the many
  // single-edge rows then fill the gaps.
  const degree = new Int32Array(states);
  for (let s = 0; s < states; s++) for (let e = head[s]!; e !== -1; e = eNext[e]!) degree[s]!++;
  let maxDegree = 0;
  for (let s = 0; s < states; s++) if (degree[s]! > maxDegree) maxDegree = degree[s]!;
  const byDegree = new Int32Array(maxDegree + 2);
  for (let s = 0; s < states; s++) byDegree[maxDegree - degree[s]! + 1]!++;
  for (let d = 1; d <= maxDegree + 1; d++) byDegree[d]! += byDegree[d - 1]!;
  const order = new Int32Array(states);
  for (let s = 0; s < states; s++) order[byDegree[maxDegree - degree[s]!]!++] = s;

  const alloc = new SlotAllocator(edges + alphabetSize + 1);
  const base = new Int32Array(states);
  const rowSym = new Int32Array(maxDegree + 1);
  const rowTo = new Int32Array(maxDegree + 1);
  const placedSlot = new Int32Array(edges);
  const placedOwner = new Int32Array(edges);
  const placedTo = new Int32Array(edges);
  let placed = 0;
  for (let oi = 0; oi < states; oi++) {
    const s = order[oi]!;
    let k = 0;
    for (let e = head[s]!; e !== -1; e = eNext[e]!) {
      rowSym[k] = eSym[e]!;
      rowTo[k] = eTo[e]!;
      k++;
    }
    sortRow(rowSym, rowTo, 0, k);
    if (k === 0) continue;
    const b = alloc.findBase(rowSym, 0, k);
    base[s] = b;
    for (let j = 0; j < k; j++) {
      const slot = b + rowSym[j]!;
      alloc.take(slot);
      placedSlot[placed] = slot;
      placedOwner[placed] = s;
      placedTo[placed] = rowTo[j]!;
      placed++;
    }
  }
  const size = alloc.used + alphabetSize + 2;
  const packed = new Int32Array(size * 2).fill(-1);
  for (let i = 0; i < placed; i++) {
    packed[placedSlot[i]! * 2] = placedOwner[i]!;
    packed[placedSlot[i]! * 2 + 1] = placedTo[i]!;
  }

  const nodes = new Int32Array(states * SAM_NODE);
  for (let v = 0; v < states; v++) {
    nodes[v * SAM_NODE + S_BASE] = base[v]!;
    nodes[v * SAM_NODE + S_LINK] = link[v]!;
    nodes[v * SAM_NODE + S_LEN] = len[v]!;
    nodes[v * SAM_NODE + S_FIRST_END] = firstEnd[v]!;
  }
  return { nodes, edges: packed, count: count.slice(0, states), states };
}
