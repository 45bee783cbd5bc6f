// Where a card goes next to the text it explains. The first side that holds all of the card wins:
// below the anchor, above it, then beside it (after it in the reading direction, then before it).
// When none does, the side with the most room, where the card scrolls with its actions kept in
// view; when even that is too small to be of use, the card covers the anchor at full height.

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The part of the page the reader sees: the visual viewport, in the coordinates of anchor boxes. */
export interface Viewport extends Size {
  left?: number;
  top?: number;
}

export type Side = 'below' | 'above' | 'right' | 'left' | 'over';

export interface PlacementInput {
  /** The anchor's box in viewport coordinates (getBoundingClientRect). */
  anchor: Rect;
  /** The card's natural size: all of its content, not the height a previous placement allowed. */
  card: Size;
  viewport: Viewport;
  /** The reading direction: a card below or above shares the anchor's start edge. */
  dir?: 'ltr' | 'rtl';
  /** The side the card is on now; kept while it still holds all of the card, so scrolling does not make it jump. */
  current?: Side;
  /** Space between anchor and card. */
  gap?: number;
  /** Space kept free along the viewport edges. */
  margin?: number;
  /** The least height worth showing (the heading and the actions) on a side next to the anchor. */
  minHeight?: number;
}

export interface Placement {
  top: number;
  left: number;
  side: Side;
  /** The height the card may take; smaller than its size when no side holds all of it. */
  maxHeight: number;
  /** Whether all of the card is shown, without scrolling inside it. */
  fits: boolean;
  /** False when the anchor has scrolled entirely out of the viewport. */
  anchorVisible: boolean;
}

const clamp = (value: number, min: number, max: number): number => Math.max(min, Math.min(value, max));

export function placeCard({ anchor, card, viewport, dir = 'ltr', current, gap = 6, margin = 8, minHeight = 160 }: PlacementInput): Placement {
  const x0 = viewport.left ?? 0;
  const y0 = viewport.top ?? 0;
  const x1 = x0 + viewport.width;
  const y1 = y0 + viewport.height;
  const width = Math.min(card.width, Math.max(0, x1 - x0 - 2 * margin));
  const fullHeight = Math.max(0, y1 - y0 - 2 * margin);

  const besideFits = (room: number): number => (room >= width ? fullHeight : -Infinity);
  const rooms: Record<Exclude<Side, 'over'>, number> = {
    below: y1 - margin - (anchor.bottom + gap),
    above: anchor.top - gap - (y0 + margin),
    right: besideFits(x1 - margin - (anchor.right + gap)),
    left: besideFits(anchor.left - gap - (x0 + margin)),
  };
  const order: Exclude<Side, 'over'>[] = dir === 'rtl' ? ['below', 'above', 'left', 'right'] : ['below', 'above', 'right', 'left'];

  let side: Side;
  if (current && current !== 'over' && card.height <= rooms[current]) side = current;
  else {
    const whole = order.find((s) => card.height <= rooms[s]);
    // Ties go to the earlier side in the order.
    const roomiest = order.reduce((best, s) => (rooms[s] > rooms[best] ? s : best));
    side = whole ?? (rooms[roomiest] >= minHeight ? roomiest : 'over');
  }
  const room = side === 'over' ? fullHeight : Math.max(0, rooms[side]);
  const height = Math.min(card.height, room);

  const clampTop = (top: number): number => clamp(top, y0 + margin, Math.max(y0 + margin, y1 - margin - height));
  const clampLeft = (left: number): number => clamp(left, x0 + margin, Math.max(x0 + margin, x1 - margin - width));
  const startAligned = dir === 'rtl' ? anchor.right - width : anchor.left;
  let top: number;
  let left: number;
  switch (side) {
    case 'below':
    case 'over':
      // Clamped, so that an anchor partly off screen still leaves the card on screen.
      top = clampTop(anchor.bottom + gap);
      left = clampLeft(startAligned);
      break;
    case 'above':
      top = clampTop(anchor.top - gap - height);
      left = clampLeft(startAligned);
      break;
    case 'right':
      top = clampTop(anchor.top);
      left = anchor.right + gap;
      break;
    case 'left':
      top = clampTop(anchor.top);
      left = anchor.left - gap - width;
      break;
  }

  const anchorVisible = anchor.bottom > y0 && anchor.top < y1 && anchor.right > x0 && anchor.left < x1;
  return { top, left, side, maxHeight: room, fits: card.height <= room, anchorVisible };
}
