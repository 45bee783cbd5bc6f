/** The fields of a DOMRect that hit-testing reads. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Whether the point lies on one of the boxes, `slop` pixels of tolerance around each: a caret
 * position is only the nearest one, so the glyph boxes decide whether the pointer is on the text.
 */
export function boxesContain(boxes: Iterable<Box>, x: number, y: number, slop = 1): boolean {
  for (const b of boxes) {
    if (b.right - b.left <= 0 || b.bottom - b.top <= 0) continue;
    if (x >= b.left - slop && x <= b.right + slop && y >= b.top - slop && y <= b.bottom + slop) return true;
  }
  return false;
}

/** The first box that contains the point (see `boxesContain`), else the first non-empty box. */
export function pickBox<B extends Box>(boxes: readonly B[], x: number, y: number, slop = 1): B | undefined {
  for (const b of boxes) if (boxesContain([b], x, y, slop)) return b;
  return boxes.find((b) => b.right > b.left && b.bottom > b.top);
}
