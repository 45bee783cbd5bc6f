/**
 * Growable parallel Int32 columns: candidate matches are recorded here during a scan without
 * allocating an object each, and the storage is reused from one `match` call to the next.
 */
export class Columns {
  count = 0;
  readonly cols: Int32Array[];

  constructor(width: number, capacity = 64) {
    this.cols = Array.from({ length: width }, () => new Int32Array(Math.max(1, capacity)));
  }

  /** Appends a row of zeros and returns its index. */
  add(): number {
    if (this.count === this.cols[0]!.length) {
      for (let c = 0; c < this.cols.length; c++) {
        const wider = new Int32Array(this.count * 2);
        wider.set(this.cols[c]!);
        this.cols[c] = wider;
      }
    }
    return this.count++;
  }
}

/**
 * Row indices `rows[0..n)` sorted by `start` ascending, then `end` descending, then `tie`
 * ascending. Insertion sort: rows arrive ordered by end, so they are nearly sorted by start and
 * each moves back only past the few rows it overlaps.
 */
export function sortRows(rows: Int32Array, n: number, start: Int32Array, end: Int32Array, tie: Int32Array): void {
  for (let i = 1; i < n; i++) {
    const r = rows[i]!;
    const s = start[r]!;
    const e = end[r]!;
    const t = tie[r]!;
    let j = i - 1;
    for (; j >= 0; j--) {
      const o = rows[j]!;
      const os = start[o]!;
      if (os < s || (os === s && (end[o]! > e || (end[o] === e && tie[o]! <= t)))) break;
      rows[j + 1] = o;
    }
    rows[j + 1] = r;
  }
}
