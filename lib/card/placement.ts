// Where a card goes next to the text it explains: below the anchor if it fits, else above, else
// on whichever side has more room; clamped into the viewport horizontally and vertically.

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

export interface PlacementInput {
  /** The anchor's box in viewport coordinates (getBoundingClientRect). */
  anchor: Rect;
  /** The card's rendered size. */
  card: Size;
  viewport: Size;
  /** Space between anchor and card. */
  gap?: number;
  /** Space kept free along the viewport edges. */
  margin?: number;
}

export interface Placement {
  top: number;
  left: number;
  side: 'below' | 'above';
  /** The height the card may take on its side; smaller than its size when neither side fits it. */
  maxHeight: number;
  /** False when the anchor has scrolled entirely out of the viewport. */
  anchorVisible: boolean;
}

const clamp = (value: number, min: number, max: number): number => Math.max(min, Math.min(value, max));

export function placeCard({ anchor, card, viewport, gap = 6, margin = 8 }: PlacementInput): Placement {
  const roomBelow = viewport.height - margin - (anchor.bottom + gap);
  const roomAbove = anchor.top - gap - margin;
  let side: Placement['side'];
  if (card.height <= roomBelow) side = 'below';
  else if (card.height <= roomAbove) side = 'above';
  else side = roomBelow >= roomAbove ? 'below' : 'above';

  const room = Math.max(0, side === 'below' ? roomBelow : roomAbove);
  const height = Math.min(card.height, room);
  const wanted = side === 'below' ? anchor.bottom + gap : anchor.top - gap - height;
  // Clamped so that an anchor partly off screen still leaves the card on screen.
  const top = clamp(wanted, margin, Math.max(margin, viewport.height - margin - height));

  // Left edges aligned; pushed left at the right edge; a card wider than the viewport starts at the margin.
  const left = clamp(anchor.left, margin, Math.max(margin, viewport.width - margin - card.width));

  const anchorVisible =
    anchor.bottom > 0 && anchor.top < viewport.height && anchor.right > 0 && anchor.left < viewport.width;
  return { top, left, side, maxHeight: Math.max(room, 0), anchorVisible };
}
