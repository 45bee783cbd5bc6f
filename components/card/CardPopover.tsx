import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { placeCard } from '../../lib/card/placement';
import type { Placement, Rect, Side, Size, Viewport } from '../../lib/card/placement';

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

/** The card's size with all of its content shown, whatever height the last placement allowed it. */
function naturalSize(element: HTMLElement): Size {
  const content = element.firstElementChild;
  // Borders (and a horizontal scrollbar) are outside the content but inside the card's maximum height.
  const frame = element.offsetHeight - element.clientHeight;
  const height = content ? Math.ceil(content.getBoundingClientRect().height) + frame : element.scrollHeight + frame;
  return { width: Math.ceil(element.getBoundingClientRect().width), height };
}

/** What the reader sees of the page: the visual viewport (pinch zoom, scrollbars excluded) where there is one. */
function visibleViewport(view: Window): Viewport {
  const visual = view.visualViewport;
  if (!visual) return { width: view.innerWidth, height: view.innerHeight };
  return { left: visual.offsetLeft, top: visual.offsetTop, width: visual.width, height: visual.height };
}

/**
 * Holds a card in a fixed position next to its anchor (lib/card/placement), inside the viewport,
 * following the anchor as the page (or any scroller in it) scrolls and the viewport resizes.
 * The card is measured, hidden, before it is first placed.
 */
export function CardPopover({ anchor, children, onPointerEnter, onPointerLeave, version = 0 }: CardPopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  const anchorRef = useRef(anchor);
  anchorRef.current = anchor;
  const [placement, setPlacement] = useState<Placement | null>(null);
  const placeRef = useRef<() => void>(() => {});
  const sideRef = useRef<Side | undefined>(undefined);

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
      const next = placeCard({
        anchor: rect,
        card: naturalSize(element),
        viewport: visibleViewport(view),
        dir: view.getComputedStyle(element).direction === 'rtl' ? 'rtl' : 'ltr',
        current: sideRef.current,
      });
      sideRef.current = next.side;
      setPlacement((prev) =>
        prev &&
        prev.top === next.top &&
        prev.left === next.left &&
        prev.maxHeight === next.maxHeight &&
        prev.side === next.side &&
        prev.fits === next.fits &&
        prev.anchorVisible === next.anchorVisible
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
    // Pinch zoom and the on-screen keyboard move the visual viewport without a window event.
    view.visualViewport?.addEventListener('resize', schedule, { passive: true });
    view.visualViewport?.addEventListener('scroll', schedule, { passive: true });
    const observer = typeof view.ResizeObserver === 'function' ? new view.ResizeObserver(schedule) : null;
    observer?.observe(element);
    // The content too: it grows (notes, the composer) while the card's own box is held at its maximum height.
    if (element.firstElementChild) observer?.observe(element.firstElementChild);
    return () => {
      if (frame) view.cancelAnimationFrame(frame);
      view.removeEventListener('scroll', schedule, { capture: true });
      view.removeEventListener('resize', schedule);
      view.visualViewport?.removeEventListener('resize', schedule);
      view.visualViewport?.removeEventListener('scroll', schedule);
      observer?.disconnect();
    };
  }, []);

  useLayoutEffect(() => {
    // A new anchor chooses its side afresh.
    sideRef.current = undefined;
    if (version) placeRef.current();
  }, [version]);

  // Hidden (not removed) while the anchor is scrolled away, unless the reader is working in the card.
  const hidden = !placement || (!placement.anchorVisible && !focusWithin(ref.current));
  return (
    <div
      ref={ref}
      class="tl-popover"
      data-side={placement?.side ?? 'below'}
      data-fits={placement ? String(placement.fits) : undefined}
      style={{
        top: `${placement?.top ?? 0}px`,
        left: `${placement?.left ?? 0}px`,
        maxHeight: placement ? `${placement.maxHeight}px` : undefined,
        visibility: hidden ? 'hidden' : 'visible',
      }}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
    >
      {children}
    </div>
  );
}
