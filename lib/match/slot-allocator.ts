/**
 * First-fit placement of sparse transition rows into one shared array (the double-array /
 * row-displacement layout): a state's edge on symbol `a` lives at slot `base[state] + a`, and the
 * slot records its owner so a lookup is a couple of array reads. Free slots are kept in a bitmap
 * so 32 candidate bases are tested at once with a few word operations per symbol: packing stays
 * first-fit dense without the quadratic search of a slot-by-slot scan.
 */
/** How many blocks of 32 bases first-fit tries before looking near the top of the table. */
const FIRST_FIT_BLOCKS = 512;
/** How far below the top of the table a row then starts looking. */
const WINDOW = 1024;

export class SlotAllocator {
  /** Bit i set: slot i is free. */
  private free: Uint32Array;
  /** Bit w set: word w of `free` has a free slot (so full stretches are skipped 1,024 at a time). */
  private summary: Uint32Array;
  /** Lowest free slot. */
  private lowest = 0;
  /** One past the highest slot taken. */
  used = 0;

  constructor(capacity: number) {
    const words = ((Math.max(1024, capacity) + 64) >>> 5) + 2;
    this.free = new Uint32Array(words).fill(0xffffffff);
    this.summary = new Uint32Array((words >>> 5) + 1).fill(0xffffffff);
  }

  /** Makes the bitmap cover slot `slot` plus two words. */
  private cover(slot: number): void {
    const words = (slot >>> 5) + 3;
    if (words <= this.free.length) return;
    let size = this.free.length;
    while (size < words) size *= 2;
    const wider = new Uint32Array(size).fill(0xffffffff);
    wider.set(this.free);
    this.free = wider;
    const summary = new Uint32Array((size >>> 5) + 1).fill(0xffffffff);
    summary.set(this.summary);
    this.summary = summary;
  }

  /** Free-bits of slots `p .. p + 31`, bit 0 for slot p. */
  private bitsAt(p: number): number {
    const w = p >>> 5;
    const o = p & 31;
    const lo = this.free[w]!;
    return o === 0 ? lo : (lo >>> o) | (this.free[w + 1]! << (32 - o));
  }

  /** The lowest free slot at or after `p`. */
  private nextFree(p: number): number {
    this.cover(p);
    let w = p >>> 5;
    let bits = this.free[w]! >>> (p & 31);
    if (bits !== 0) return p + 31 - Math.clz32(bits & -bits);
    // The next word with a free slot, from the summary.
    w++;
    for (;;) {
      this.cover(w * 32);
      const sw = w >>> 5;
      const sbits = (this.summary[sw]! >>> (w & 31)) << (w & 31);
      if (sbits !== 0) {
        w = sw * 32 + 31 - Math.clz32(sbits & -sbits);
        break;
      }
      w = (sw + 1) * 32;
    }
    this.cover(w * 32);
    bits = this.free[w]!;
    return w * 32 + 31 - Math.clz32(bits & -bits);
  }

  /** Marks a slot as taken. */
  take(slot: number): void {
    this.cover(slot);
    const w = slot >>> 5;
    const left = this.free[w]! & ~(1 << (slot & 31));
    this.free[w] = left;
    if (left === 0) this.summary[w >>> 5]! &= ~(1 << (w & 31));
    if (slot + 1 > this.used) this.used = slot + 1;
    if (slot === this.lowest) this.lowest = this.nextFree(slot + 1);
  }

  /**
   * A base ≥ 0 at which every `syms[from..to)` slot is free, as low as a bounded search finds;
   * the row must be sorted ascending. Does not take the slots.
   */
  findBase(syms: Int32Array, from: number, to: number): number {
    const first = syms[from]!;
    const last = syms[to - 1]!;
    // First-fit from the lowest free slot, for a bounded number of 32-base blocks: in a dense
    // table an unbounded first-fit scans most of it for every wide row. Then the row goes near
    // the top, where there is room; later single-symbol rows fill the holes left below.
    let p = this.nextFree(Math.max(this.lowest, first));
    for (let blocks = 0; ; blocks++) {
      if (blocks === FIRST_FIT_BLOCKS) p = this.nextFree(Math.max(p, this.used - WINDOW, first));
      // Bases b .. b + 31 at once: bit k of m says base b + k fits every symbol so far.
      const b = p - first;
      this.cover(b + last + 32);
      let m = -1;
      for (let j = from; j < to && m !== 0; j++) m &= this.bitsAt(b + syms[j]!);
      if (m !== 0) return b + 31 - Math.clz32(m & -m);
      p = this.nextFree(p + 32);
    }
  }
}

/**
 * Sorts the row `syms[from..to)` ascending, moving `targets` along. Short rows by insertion; long
 * ones (the root's, hundreds of symbols) through a packed numeric sort, as insertion would be
 * quadratic there.
 */
export function sortRow(syms: Int32Array, targets: Int32Array, from: number, to: number): void {
  const n = to - from;
  if (n <= 32) {
    for (let i = from + 1; i < to; i++) {
      const s = syms[i]!;
      const t = targets[i]!;
      let j = i - 1;
      while (j >= from && syms[j]! > s) {
        syms[j + 1] = syms[j]!;
        targets[j + 1] = targets[j]!;
        j--;
      }
      syms[j + 1] = s;
      targets[j + 1] = t;
    }
    return;
  }
  // Symbols are below 2^17 and targets below 2^31: the pair fits a double exactly.
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = syms[from + i]! * 2147483648 + targets[from + i]!;
  packed.sort();
  for (let i = 0; i < n; i++) {
    const v = packed[i]!;
    const s = Math.floor(v / 2147483648);
    syms[from + i] = s;
    targets[from + i] = v - s * 2147483648;
  }
}
