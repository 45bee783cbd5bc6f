import type { OpKind } from './types';

/** An alignment step in folded units: page [p0, p1), corpus [c0, c1). */
export interface Step {
  kind: OpKind;
  p0: number;
  p1: number;
  c0: number;
  c1: number;
}

/** Bounds that keep an alignment's cost proportional to the text it covers. */
export interface AlignBounds {
  /** Most anchors chained (longest kept): the chain is quadratic in them. */
  maxAnchors: number;
  /** Most cells of the edit-distance table between two anchors; a larger gap is one `changed`. */
  maxGapCells: number;
}

export const DEFAULT_BOUNDS: AlignBounds = { maxAnchors: 192, maxGapCells: 64 * 64 };

interface Anchor {
  p: number;
  c: number;
  len: number;
}

/** Every maximal common run of at least two units of page [p0, p1) and corpus [c0, c1). */
function anchorsOf(page: Uint16Array, p0: number, p1: number, corpus: Uint16Array, c0: number, c1: number): Anchor[] {
  const byPair = new Map<number, number[]>();
  for (let c = c0; c + 1 < c1; c++) {
    const key = corpus[c]! * 0x10000 + corpus[c + 1]!;
    const list = byPair.get(key);
    if (list) list.push(c);
    else byPair.set(key, [c]);
  }
  const out: Anchor[] = [];
  for (let p = p0; p + 1 < p1; p++) {
    const list = byPair.get(page[p]! * 0x10000 + page[p + 1]!);
    if (!list) continue;
    for (const c of list) {
      // Only where the run starts: one anchor per maximal run.
      if (p > p0 && c > c0 && page[p - 1] === corpus[c - 1]) continue;
      let len = 2;
      while (p + len < p1 && c + len < c1 && page[p + len] === corpus[c + len]) len++;
      out.push({ p, c, len });
    }
  }
  return out;
}

/**
 * The chain of anchors, increasing on both sides, that covers the most units; a later anchor
 * may lose its head where it overlaps its predecessor. Ties go to the chain whose diagonal
 * moves least (the plainest reading of the differences).
 */
function chain(anchors: Anchor[], maxAnchors: number): Anchor[] {
  let list = anchors;
  if (list.length > maxAnchors) list = [...list].sort((a, b) => b.len - a.len).slice(0, maxAnchors);
  list = [...list].sort((a, b) => a.p + a.len - (b.p + b.len) || a.c - b.c);
  const n = list.length;
  const score = new Float64Array(n);
  const from = new Int32Array(n).fill(-1);
  const cut = new Int32Array(n);
  let best = -1;
  for (let j = 0; j < n; j++) {
    const b = list[j]!;
    score[j] = b.len * 4;
    for (let i = 0; i < j; i++) {
      const a = list[i]!;
      const overlap = Math.max(0, a.p + a.len - b.p, a.c + a.len - b.c);
      if (overlap >= b.len) continue;
      const shift = Math.abs(b.c - b.p - (a.c - a.p));
      const s = score[i]! + (b.len - overlap) * 4 - Math.min(shift, 3);
      if (s > score[j]!) {
        score[j] = s;
        from[j] = i;
        cut[j] = overlap;
      }
    }
    if (best < 0 || score[j]! > score[best]!) best = j;
  }
  const out: Anchor[] = [];
  for (let j = best; j >= 0; j = from[j]!) {
    const a = list[j]!;
    const o = cut[j]!;
    out.push({ p: a.p + o, c: a.c + o, len: a.len - o });
  }
  return out.reverse();
}

/** Edit-distance alignment of a gap; consecutive differences become one step. */
function alignGap(page: Uint16Array, p0: number, p1: number, corpus: Uint16Array, c0: number, c1: number, out: Step[], bounds: AlignBounds): void {
  const m = p1 - p0;
  const n = c1 - c0;
  if (m === 0 && n === 0) return;
  if (m === 0 || n === 0 || m * n > bounds.maxGapCells) {
    push(out, m === 0 ? 'dropped' : n === 0 ? 'added' : 'changed', p0, p1, c0, c1);
    return;
  }
  const w = n + 1;
  const d = new Int32Array((m + 1) * w);
  for (let i = 0; i <= m; i++) d[i * w] = i;
  for (let j = 0; j <= n; j++) d[j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const same = page[p0 + i - 1] === corpus[c0 + j - 1];
      d[i * w + j] = Math.min(d[(i - 1) * w + j - 1]! + (same ? 0 : 1), d[(i - 1) * w + j]! + 1, d[i * w + j - 1]! + 1);
    }
  }
  // Walk back, then emit forwards: matches as `same`, everything else merged.
  const path: number[] = [];
  let i = m;
  let j = n;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && page[p0 + i - 1] === corpus[c0 + j - 1] && d[i * w + j] === d[(i - 1) * w + j - 1]) {
      path.push(0);
      i--;
      j--;
    } else if (i > 0 && j > 0 && d[i * w + j] === d[(i - 1) * w + j - 1]! + 1) {
      path.push(3);
      i--;
      j--;
    } else if (i > 0 && d[i * w + j] === d[(i - 1) * w + j]! + 1) {
      path.push(1);
      i--;
    } else {
      path.push(2);
      j--;
    }
  }
  let p = p0;
  let c = c0;
  for (let k = path.length - 1; k >= 0; k--) {
    const move = path[k]!;
    const dp = move === 2 ? 0 : 1;
    const dc = move === 1 ? 0 : 1;
    if (move === 0) push(out, 'same', p, p + 1, c, c + 1);
    else push(out, dp === 0 ? 'dropped' : dc === 0 ? 'added' : 'changed', p, p + dp, c, c + dc);
    p += dp;
    c += dc;
  }
}

/** Appends a step, merging it into the last one when both are the same or both differences. */
function push(out: Step[], kind: OpKind, p0: number, p1: number, c0: number, c1: number): void {
  const last = out[out.length - 1];
  if (last && last.p1 === p0 && last.c1 === c0 && (last.kind === 'same') === (kind === 'same')) {
    last.p1 = p1;
    last.c1 = c1;
    if (kind !== 'same') last.kind = last.p0 === last.p1 ? 'dropped' : last.c0 === last.c1 ? 'added' : 'changed';
    return;
  }
  out.push({ kind, p0, p1, c0, c1 });
}

/**
 * Aligns folded page units [p0, p1) with corpus units [c0, c1): exact shared runs are the anchors,
 * chained in order; only the gaps between them are aligned character by character, each bounded.
 * The steps cover both windows entirely, in order.
 */
export function alignWindows(
  page: Uint16Array,
  p0: number,
  p1: number,
  corpus: Uint16Array,
  c0: number,
  c1: number,
  bounds: AlignBounds = DEFAULT_BOUNDS,
): Step[] {
  const anchors = chain(anchorsOf(page, p0, p1, corpus, c0, c1), bounds.maxAnchors);
  const out: Step[] = [];
  let p = p0;
  let c = c0;
  for (const a of anchors) {
    alignGap(page, p, a.p, corpus, c, a.c, out, bounds);
    push(out, 'same', a.p, a.p + a.len, a.c, a.c + a.len);
    p = a.p + a.len;
    c = a.c + a.len;
  }
  alignGap(page, p, p1, corpus, c, c1, out, bounds);
  return out;
}
