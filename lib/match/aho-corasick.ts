import { charInfo, F_WORD, FLAG_SHIFT } from './char-table';
import { frequencyAlphabet } from './alphabet';
import { SlotAllocator, sortRow } from './slot-allocator';

/**
 * An Aho–Corasick automaton in double-array form: state ids are slots, the child of `s` on
 * symbol `a` is `t = base(s) + a` when `check(t) === s`. A state's four words sit together in
 * `nodes` (stride 4: base, check, fail, hit), so one step touches one cache line: the check of
 * the child just reached is next to its base (read on the next character) and its hit. Root is
 * state 0. Symbols are dense ids ≥ 1 of normalized code units (`alphabet`), 0: in no pattern.
 */
export interface AhoCorasick {
  /**
   * Per state (stride NODE): base; check (the parent, -1 for a free slot); fail; hit (the first
   * state on the fail chain from here, itself included, where a pattern ends, or -1).
   */
  nodes: Int32Array;
  /** The highest-priority pattern ending at a state, or -1; more via `samePattern`. */
  term: Int32Array;
  /** The next pattern with the same key as pattern `p` (by priority), or -1. */
  samePattern: Int32Array;
  /** The root's child on each symbol, or 0 (the root's row, dense: one read at the root). */
  rootTo: Int32Array;
  /** Normalized code unit → symbol. */
  alphabet: Uint16Array;
  /** Symbol → normalized code unit (index 0 unused). */
  codes: Uint16Array;
  alphabetSize: number;
}

/** Words per state in `nodes`, and their offsets. */
export const NODE = 4;
export const N_BASE = 0;
export const N_CHECK = 1;
export const N_FAIL = 2;
export const N_HIT = 3;

/**
 * Builds the automaton of `keys` (normalized, non-empty). A pattern's index in `keys` is its
 * priority: among equal keys the lower index reports first.
 */
export function buildAhoCorasick(keys: readonly string[]): AhoCorasick {
  const order = keys.map((_, i) => i);
  // Sorted keys make the trie a single pass: each key shares its longest common prefix with the
  // previous one, so no per-node child lookup is needed while inserting.
  order.sort((a, b) => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    return ka < kb ? -1 : ka > kb ? 1 : a - b;
  });

  let total = 1;
  for (const k of keys) total += k.length;
  const { alphabet, codes } = frequencyAlphabet((visit) => {
    for (const k of keys) for (let i = 0; i < k.length; i++) visit(k.charCodeAt(i));
  });
  const alphabetSize = codes.length - 1;
  const parent = new Int32Array(total);
  const symOf = new Int32Array(total);
  const termTmp = new Int32Array(total).fill(-1);
  const samePattern = new Int32Array(keys.length).fill(-1);
  const lastSame = new Int32Array(total).fill(-1);
  let trieSize = 1;
  parent[0] = -1;

  const path: number[] = [0];
  let prev = '';
  for (const p of order) {
    const key = keys[p]!;
    let lcp = 0;
    const max = Math.min(key.length, prev.length);
    while (lcp < max && key.charCodeAt(lcp) === prev.charCodeAt(lcp)) lcp++;
    path.length = lcp + 1;
    let node = path[lcp]!;
    for (let i = lcp; i < key.length; i++) {
      const child = trieSize++;
      parent[child] = node;
      symOf[child] = alphabet[key.charCodeAt(i)]!;
      path.push(child);
      node = child;
    }
    if (termTmp[node] === -1) termTmp[node] = p;
    else samePattern[lastSame[node]!] = p;
    lastSame[node] = p;
    prev = key;
  }

  // Children of each node, sorted by symbol (the allocator wants the smallest first).
  const childStart = new Int32Array(trieSize + 1);
  for (let v = 1; v < trieSize; v++) childStart[parent[v]! + 1]!++;
  for (let v = 0; v < trieSize; v++) childStart[v + 1]! += childStart[v]!;
  const fillAt = childStart.slice(0, trieSize);
  const children = new Int32Array(Math.max(0, trieSize - 1));
  for (let v = 1; v < trieSize; v++) children[fillAt[parent[v]!]!++] = v;
  const syms = new Int32Array(children.length);
  for (let i = 0; i < children.length; i++) syms[i] = symOf[children[i]!]!;
  for (let v = 0; v < trieSize; v++) sortRow(syms, children, childStart[v]!, childStart[v + 1]!);

  // Place rows breadth-first: a node's id is fixed when its parent's row is placed.
  const alloc = new SlotAllocator(trieSize * 2 + alphabetSize);
  const idOf = new Int32Array(trieSize);
  const baseTmp = new Int32Array(trieSize);
  const queue = new Int32Array(trieSize);
  alloc.take(0);
  idOf[0] = 0;
  let head = 0;
  let tail = 1;
  queue[0] = 0;
  while (head < tail) {
    const v = queue[head++]!;
    const from = childStart[v]!;
    const to = childStart[v + 1]!;
    if (from === to) continue;
    const b = alloc.findBase(syms, from, to);
    baseTmp[v] = b;
    for (let i = from; i < to; i++) {
      const id = b + syms[i]!;
      alloc.take(id);
      idOf[children[i]!] = id;
      queue[tail++] = children[i]!;
    }
  }

  // Padding lets a lookup `base[s] + a` read past the last row without a bounds test.
  const size = alloc.used + alphabetSize + 2;
  const base = new Int32Array(size);
  const check = new Int32Array(size).fill(-1);
  const fail = new Int32Array(size);
  const hit = new Int32Array(size).fill(-1);
  const term = new Int32Array(size).fill(-1);
  for (let v = 0; v < trieSize; v++) {
    const id = idOf[v]!;
    base[id] = baseTmp[v]!;
    term[id] = termTmp[v]!;
    if (v > 0) check[id] = idOf[parent[v]!]!;
  }

  // Fail links in breadth-first order (the queue order above), parents before children. A
  // pattern that starts on a letter or digit must start a word, so a fail link skips a suffix
  // that starts on one right after one (inside the state's own string): matches there would be
  // dropped by the left-edge check anyway, and inside English words the automaton then falls
  // back to the root (where the scan strides) instead of wandering through mid-word prefixes.
  const wordSymbol = new Uint8Array(alphabetSize + 1);
  const info = charInfo();
  for (let a = 1; a <= alphabetSize; a++) wordSymbol[a] = (info[codes[a]!]! >>> FLAG_SHIFT) & F_WORD ? 1 : 0;
  for (let qi = 1; qi < trieSize; qi++) {
    const v = queue[qi]!;
    const id = idOf[v]!;
    const par = check[id]!;
    let f = 0;
    if (par !== 0) {
      const a = symOf[v]!;
      const midWord = wordSymbol[a] === 1 && wordSymbol[symOf[parent[v]!]!] === 1;
      let s = fail[par]!;
      for (;;) {
        const t = base[s]! + a;
        if (check[t] === s && (s !== 0 || !midWord)) {
          f = t;
          break;
        }
        if (s === 0) break;
        s = fail[s]!;
      }
    }
    fail[id] = f;
    hit[id] = term[id] !== -1 ? id : hit[f]!;
  }

  const rootTo = new Int32Array(alphabetSize + 1);
  for (let a = 1; a <= alphabetSize; a++) if (check[base[0]! + a] === 0) rootTo[a] = base[0]! + a;
  const nodes = new Int32Array(size * NODE);
  for (let id = 0; id < size; id++) {
    nodes[id * NODE + N_BASE] = base[id]!;
    nodes[id * NODE + N_CHECK] = check[id]!;
    nodes[id * NODE + N_FAIL] = fail[id]!;
    nodes[id * NODE + N_HIT] = hit[id]!;
  }
  return { nodes, term, samePattern, rootTo, alphabet, codes, alphabetSize };
}
