import { describe, expect, it } from 'vitest';
import { placeCard } from '../../../lib/card/placement';

const viewport = { width: 1000, height: 800 };
const card = { width: 300, height: 200 };
const anchorAt = (left: number, top: number, width = 60, height = 20) => ({ left, top, right: left + width, bottom: top + height });

describe('placeCard', () => {
  it('puts the card below the anchor, left edges aligned', () => {
    const p = placeCard({ anchor: anchorAt(100, 100), card, viewport, gap: 6, margin: 8 });
    expect(p).toMatchObject({ side: 'below', top: 126, left: 100, anchorVisible: true });
    expect(p.maxHeight).toBeGreaterThanOrEqual(200);
  });

  it('flips above near the bottom edge', () => {
    const p = placeCard({ anchor: anchorAt(100, 700), card, viewport, gap: 6, margin: 8 });
    expect(p.side).toBe('above');
    expect(p.top).toBe(700 - 6 - 200);
  });

  it('stays below near the top edge', () => {
    const p = placeCard({ anchor: anchorAt(100, 2), card, viewport, gap: 6, margin: 8 });
    expect(p).toMatchObject({ side: 'below', top: 28 });
  });

  it('is pushed left at the right edge and right at the left edge', () => {
    expect(placeCard({ anchor: anchorAt(950, 100), card, viewport, margin: 8 }).left).toBe(1000 - 8 - 300);
    expect(placeCard({ anchor: anchorAt(-40, 100), card, viewport, margin: 8 }).left).toBe(8);
  });

  it('starts at the margin when the card is wider than the viewport', () => {
    expect(placeCard({ anchor: anchorAt(200, 100), card: { width: 500, height: 100 }, viewport: { width: 320, height: 600 }, margin: 8 }).left).toBe(8);
  });

  it('takes the roomier side and limits its height when neither side fits', () => {
    const tall = { width: 300, height: 700 };
    const below = placeCard({ anchor: anchorAt(100, 300), card: tall, viewport, gap: 6, margin: 8 });
    expect(below.side).toBe('below');
    expect(below.maxHeight).toBe(800 - 8 - 326);
    expect(below.top).toBe(326);
    const above = placeCard({ anchor: anchorAt(100, 500), card: tall, viewport, gap: 6, margin: 8 });
    expect(above.side).toBe('above');
    expect(above.maxHeight).toBe(500 - 6 - 8);
    expect(above.top).toBe(8);
  });

  it('keeps the card on screen and says so when the anchor has scrolled away', () => {
    const gone = placeCard({ anchor: anchorAt(100, -200), card, viewport, margin: 8 });
    expect(gone.anchorVisible).toBe(false);
    expect(gone.top).toBeGreaterThanOrEqual(8);
    const below = placeCard({ anchor: anchorAt(100, 900), card, viewport, margin: 8 });
    expect(below.anchorVisible).toBe(false);
    expect(below.top + Math.min(200, below.maxHeight)).toBeLessThanOrEqual(800 - 8);
  });
});
