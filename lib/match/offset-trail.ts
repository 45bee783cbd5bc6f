/**
 * The map from normalized positions back to original offsets, kept as a trail of changes: a
 * normalized character at position p comes from original offset `p + delta`, and `delta` only
 * changes where normalization drops or merges characters (ignorables, whitespace runs, dash
 * runs). The scan records a change, not every character, so plain text costs nothing here.
 */
export class OffsetTrail {
  private readonly at: Int32Array;
  private readonly delta: Int32Array;
  private readonly mask: number;
  private n = 0;

  /** `window`: how far back (in normalized positions) lookups may reach. */
  constructor(window: number) {
    let size = 16;
    while (size < window + 2) size *= 2;
    this.at = new Int32Array(size);
    this.delta = new Int32Array(size);
    this.mask = size - 1;
  }

  reset(): void {
    this.n = 0;
  }

  /** From normalized position `at` on, original offset = position + `delta`. */
  mark(at: number, delta: number): void {
    const i = this.n & this.mask;
    this.at[i] = at;
    this.delta[i] = delta;
    this.n++;
  }

  /**
   * The original offset of normalized position p. Marks have distinct positions, so the ring
   * (window + 2 entries) always holds the last mark at or before any p within the window.
   */
  origin(p: number): number {
    const mask = this.mask;
    // Most lookups fall after the last change (plain CJK text has few).
    const last = (this.n - 1) & mask;
    if (this.at[last]! <= p) return p + this.delta[last]!;
    let lo = Math.max(0, this.n - mask - 1);
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.at[mid & mask]! <= p) lo = mid;
      else hi = mid - 1;
    }
    return p + this.delta[lo & mask]!;
  }
}
