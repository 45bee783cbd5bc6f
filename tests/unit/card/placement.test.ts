import { describe, expect, it } from 'vitest';
import { placeCard } from '../../../lib/card/placement';
import type { Placement, Rect, Size, Viewport } from '../../../lib/card/placement';

const viewport = { width: 1000, height: 800 };
const card = { width: 300, height: 200 };
const anchorAt = (left: number, top: number, width = 60, height = 20): Rect => ({ left, top, right: left + width, bottom: top + height });

/** The box the card takes on screen. */
const boxOf = (p: Placement, size: Size): Rect => ({
  left: p.left,
  top: p.top,
  right: p.left + size.width,
  bottom: p.top + Math.min(size.height, p.maxHeight),
});
const overlaps = (a: Rect, b: Rect): boolean => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
const within = (box: Rect, view: Viewport, margin = 8): boolean =>
  box.left >= (view.left ?? 0) + margin &&
  box.top >= (view.top ?? 0) + margin &&
  box.right <= (view.left ?? 0) + view.width - margin &&
  box.bottom <= (view.top ?? 0) + view.height - margin;

describe('placeCard', () => {
  it('puts the card below the anchor, start edges aligned', () => {
    const p = placeCard({ anchor: anchorAt(100, 100), card, viewport, gap: 6, margin: 8 });
    expect(p).toMatchObject({ side: 'below', top: 126, left: 100, fits: true, anchorVisible: true });
    expect(p.maxHeight).toBeGreaterThanOrEqual(200);
  });

  it('aligns right edges in a right-to-left page', () => {
    const p = placeCard({ anchor: anchorAt(500, 100), card, viewport, dir: 'rtl' });
    expect(p).toMatchObject({ side: 'below', left: 560 - 300 });
  });

  it('flips above near the bottom edge', () => {
    const p = placeCard({ anchor: anchorAt(100, 700), card, viewport, gap: 6, margin: 8 });
    expect(p).toMatchObject({ side: 'above', top: 700 - 6 - 200, fits: true });
  });

  it('stays below near the top edge', () => {
    const p = placeCard({ anchor: anchorAt(100, 2), card, viewport, gap: 6, margin: 8 });
    expect(p).toMatchObject({ side: 'below', top: 28 });
  });

  it('is pushed left at the right edge and right at the left edge', () => {
    expect(placeCard({ anchor: anchorAt(950, 100), card, viewport, margin: 8 }).left).toBe(1000 - 8 - 300);
    expect(placeCard({ anchor: anchorAt(-40, 100), card, viewport, margin: 8 }).left).toBe(8);
    expect(placeCard({ anchor: anchorAt(0, 100), card, viewport, dir: 'rtl', margin: 8 }).left).toBe(8);
  });

  it('starts at the margin when the card is wider than the viewport', () => {
    expect(placeCard({ anchor: anchorAt(200, 100), card: { width: 500, height: 100 }, viewport: { width: 320, height: 600 }, margin: 8 }).left).toBe(8);
  });

  // The case of the report: an 860-px-high window, a term just below its middle, a card taller than the room on either side.
  const window860 = { width: 1280, height: 860 };
  const tall = { width: 380, height: 565 };

  it('puts a card too tall for above and below beside the term, after it, whole', () => {
    const anchor = anchorAt(480, 440, 112, 24);
    const p = placeCard({ anchor, card: tall, viewport: window860, gap: 6, margin: 8 });
    expect(p).toMatchObject({ side: 'right', left: 592 + 6, fits: true });
    expect(within(boxOf(p, tall), window860)).toBe(true);
    expect(overlaps(boxOf(p, tall), anchor)).toBe(false);
    // Level with the term while there is room, else as low as the viewport allows.
    expect(p.top).toBe(860 - 8 - 565);
    expect(placeCard({ anchor: anchorAt(480, 150, 112, 24), card: { width: 380, height: 230 }, viewport: { width: 1280, height: 400 } })).toMatchObject({
      side: 'right',
      top: 150,
    });
  });

  it('puts it before the term when there is no room after it, and before first in a right-to-left page', () => {
    const nearRight = placeCard({ anchor: anchorAt(1100, 440, 112, 24), card: tall, viewport: window860, gap: 6 });
    expect(nearRight).toMatchObject({ side: 'left', left: 1100 - 6 - 380, fits: true });
    const rtl = placeCard({ anchor: anchorAt(480, 440, 112, 24), card: tall, viewport: window860, dir: 'rtl', gap: 6 });
    expect(rtl).toMatchObject({ side: 'left', left: 480 - 6 - 380, fits: true });
  });

  it('gives the card the roomier side, where it scrolls, when no side holds it', () => {
    const narrow = { width: 360, height: 740 };
    const size = { width: 344, height: 565 };
    const below = placeCard({ anchor: anchorAt(100, 300, 112, 24), card: size, viewport: narrow, gap: 6, margin: 8 });
    expect(below).toMatchObject({ side: 'below', top: 330, maxHeight: 740 - 8 - 330, fits: false, left: 8 });
    const above = placeCard({ anchor: anchorAt(100, 420, 112, 24), card: size, viewport: narrow, gap: 6, margin: 8 });
    expect(above).toMatchObject({ side: 'above', top: 8, maxHeight: 420 - 6 - 8, fits: false });
    for (const p of [below, above]) expect(within(boxOf(p, size), narrow)).toBe(true);
  });

  it('puts a card taller than the viewport beside the term at full height when there is room beside', () => {
    const p = placeCard({ anchor: anchorAt(100, 300), card: { width: 300, height: 2000 }, viewport, margin: 8 });
    expect(p).toMatchObject({ side: 'right', top: 8, maxHeight: 800 - 16, fits: false });
  });

  it('covers the term at full height in a viewport too small for a useful card on any side', () => {
    const tiny = { width: 320, height: 240 };
    const p = placeCard({ anchor: anchorAt(40, 110), card: { width: 304, height: 400 }, viewport: tiny, margin: 8 });
    expect(p).toMatchObject({ side: 'over', top: 8, maxHeight: 224, fits: false, left: 8 });
    // A short card in the same viewport is shown whole, even if over the term.
    const short = placeCard({ anchor: anchorAt(40, 110), card: { width: 304, height: 120 }, viewport: tiny, margin: 8 });
    expect(short).toMatchObject({ side: 'over', fits: true });
    expect(within(boxOf(short, { width: 304, height: 120 }), tiny)).toBe(true);
  });

  it('keeps the side it is on while that side holds the card, and leaves it when it does not', () => {
    // Above is the second choice, but the card is there and still fits: no jump below as the page scrolls.
    const kept = placeCard({ anchor: anchorAt(100, 400), card, viewport, current: 'above' });
    expect(kept.side).toBe('above');
    const left = placeCard({ anchor: anchorAt(100, 150), card, viewport, current: 'above' });
    expect(left.side).toBe('below');
  });

  it('keeps the card on screen and says so when the anchor has scrolled away', () => {
    const gone = placeCard({ anchor: anchorAt(100, -200), card, viewport, margin: 8 });
    expect(gone.anchorVisible).toBe(false);
    expect(gone.top).toBeGreaterThanOrEqual(8);
    const below = placeCard({ anchor: anchorAt(100, 900), card, viewport, margin: 8 });
    expect(below.anchorVisible).toBe(false);
    expect(below.top + Math.min(200, below.maxHeight)).toBeLessThanOrEqual(800 - 8);
  });

  it('stays in the visual viewport of a pinch-zoomed page', () => {
    const visual = { left: 400, top: 300, width: 500, height: 400 };
    const p = placeCard({ anchor: anchorAt(820, 650), card, viewport: visual, margin: 8 });
    expect(p.side).toBe('above');
    expect(within(boxOf(p, card), visual)).toBe(true);
    expect(placeCard({ anchor: anchorAt(100, 100), card, viewport: visual }).anchorVisible).toBe(false);
  });

  it('never leaves the viewport, and shows the card whole next to its term whenever some side has room', () => {
    const views = [window860, { width: 360, height: 740 }, { width: 640, height: 430 }, { width: 320, height: 240 }];
    const sizes = [card, tall, { width: 344, height: 900 }, { width: 380, height: 120 }];
    for (const view of views) {
      for (const size of sizes) {
        const shown = { width: Math.min(size.width, view.width - 16), height: size.height };
        for (let y = 0; y <= view.height - 24; y += 37) {
          for (let x = 0; x <= view.width - 60; x += 53) {
            for (const dir of ['ltr', 'rtl'] as const) {
              const anchor = anchorAt(x, y, 60, 24);
              const p = placeCard({ anchor, card: size, viewport: view, dir });
              const box = boxOf(p, shown);
              expect(within(box, view), JSON.stringify({ view, size, x, y, dir, p })).toBe(true);
              if (p.side !== 'over') expect(overlaps(box, anchor)).toBe(false);
              const roomBelow = view.height - 8 - (anchor.bottom + 6);
              const roomAbove = anchor.top - 6 - 8;
              if (size.height <= Math.max(roomBelow, roomAbove)) expect(p.fits && (p.side === 'below' || p.side === 'above')).toBe(true);
            }
          }
        }
      }
    }
  });
});
