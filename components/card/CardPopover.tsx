import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { placeCard } from '../../lib/card/placement';
import type { Placement, Rect } from '../../lib/card/placement';

export interface CardPopoverProps {
  /** The anchor's current box in viewport coordinates; null once it is gone. Read again on every scroll and resize. */
  anchor: () => Rect | null;
  children: ComponentChildren;
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
  /** Changing it places the card again (a new anchor for the same card). */
  version?: number;
}

/** Whether focus is inside the element; inside a shadow root the document only sees the host. */
function focusWithin(element: HTMLElement | null): boolean {
  if (!element) return false;
  const root = element.getRootNode();
  const active = 'activeElement' in root && root.activeElement instanceof Node ? root.activeElement : null;
  return active !== null && element.contains(active);
}

/**
 * Holds a card in a fixed position next to its anchor, below or above it, inside the viewport,
 * following the anchor as the page (or any scroller in it) scrolls and the viewport resizes.
 */
export function CardPopover({ anchor, children, onPointerEnter, onPointerLeave, version = 0 }: CardPopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  const anchorRef = useRef(anchor);
  anchorRef.current = anchor;
  const [placement, setPlacement] = useState<Placement | null>(null);
  const placeRef = useRef<() => void>(() => {});

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const view = element.ownerDocument.defaultView;
    if (!view) return undefined;
    let frame = 0;
    const place = (): void => {
      frame = 0;
      const rect = anchorRef.current();
      if (!rect) return;
      // The natural height, not the one the last placement allowed.
      const size = { width: element.offsetWidth, height: element.scrollHeight };
      const next = placeCard({ anchor: rect, card: size, viewport: { width: view.innerWidth, height: view.innerHeight } });
      setPlacement((prev) =>
        prev && prev.top === next.top && prev.left === next.left && prev.maxHeight === next.maxHeight && prev.side === next.side && prev.anchorVisible === next.anchorVisible
          ? prev
          : next,
      );
    };
    const schedule = (): void => {
      if (!frame) frame = view.requestAnimationFrame(place);
    };
    placeRef.current = place;
    place();
    view.addEventListener('scroll', schedule, { capture: true, passive: true });
    view.addEventListener('resize', schedule, { passive: true });
    const observer = typeof view.ResizeObserver === 'function' ? new view.ResizeObserver(schedule) : null;
    observer?.observe(element);
    return () => {
      if (frame) view.cancelAnimationFrame(frame);
      view.removeEventListener('scroll', schedule, { capture: true });
      view.removeEventListener('resize', schedule);
      observer?.disconnect();
    };
  }, []);

  useLayoutEffect(() => {
    if (version) placeRef.current();
  }, [version]);

  // Hidden (not removed) while the anchor is scrolled away, unless the reader is working in the card.
  const hidden = !placement || (!placement.anchorVisible && !focusWithin(ref.current));
  return (
    <div
      ref={ref}
      class="tl-popover"
      data-side={placement?.side ?? 'below'}
      style={{
        top: `${placement?.top ?? 0}px`,
        left: `${placement?.left ?? 0}px`,
        maxHeight: placement ? `${Math.max(placement.maxHeight, 120)}px` : undefined,
        visibility: hidden ? 'hidden' : 'visible',
      }}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
    >
      {children}
    </div>
  );
}
