// When the source viewer shows a term's card: on hover (after a short delay, so that moving the
// pointer across the text does not flash cards), on keyboard focus, on click. The card stays open
// while the pointer is on the term or the card, or focus is in either; Esc closes it.

import type { JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface OpenTerm {
  element: HTMLElement;
  entry: number;
  occurrence: number;
  /** How it was opened: a hovered card closes when the pointer leaves, a clicked one stays. */
  via: 'hover' | 'focus' | 'click' | 'key';
}

const TERM = '.term[data-entry]';
const CARD = '.tl-popover';

function termOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(TERM) : null;
}

function inCard(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(CARD) !== null;
}

function describe(element: HTMLElement, via: OpenTerm['via']): OpenTerm | null {
  const entry = Number(element.dataset.entry);
  const occurrence = Number(element.dataset.occurrence);
  return Number.isInteger(entry) && Number.isInteger(occurrence) ? { element, entry, occurrence, via } : null;
}

export function useTermPopover({ openDelay = 150, closeDelay = 300 } = {}) {
  const [open, setOpen] = useState<OpenTerm | null>(null);
  const current = useRef<OpenTerm | null>(null);
  const openTimer = useRef<ReturnType<typeof setTimeout>>();
  const closeTimer = useRef<ReturnType<typeof setTimeout>>();
  const pointerInCard = useRef(false);
  const focusCard = useRef(false);
  /** Focus given back to the term on close must not open its card again. */
  const restoring = useRef(false);

  const set = useCallback((next: OpenTerm | null) => {
    current.current = next;
    setOpen(next);
  }, []);
  const clearTimers = (): void => {
    clearTimeout(openTimer.current);
    clearTimeout(closeTimer.current);
  };

  const close = useCallback(
    (restoreFocus = false) => {
      clearTimers();
      const was = current.current;
      pointerInCard.current = false;
      set(null);
      if (restoreFocus && was?.element.isConnected) {
        restoring.current = true;
        was.element.focus({ preventScroll: true });
        restoring.current = false;
      }
    },
    [set],
  );

  const show = (element: HTMLElement, via: OpenTerm['via']): void => {
    clearTimers();
    const next = describe(element, via);
    if (!next) return;
    const now = current.current;
    // The same term again keeps its card (and the occurrence the reader stepped to).
    if (now && now.element === element && via !== 'key') {
      if (via === 'click' && now.via !== 'click') set({ ...now, via });
      return;
    }
    focusCard.current = via === 'key';
    set(next);
  };

  const scheduleClose = (): void => {
    clearTimeout(closeTimer.current);
    closeTimer.current = setTimeout(() => {
      const now = current.current;
      if (!now || pointerInCard.current) return;
      const active = document.activeElement;
      if (inCard(active) || (active === now.element && now.via !== 'hover')) return;
      close();
    }, closeDelay);
  };

  useEffect(() => {
    if (!open) return undefined;
    if (focusCard.current) {
      focusCard.current = false;
      document.querySelector<HTMLElement>(`${CARD} [role="dialog"]`)?.focus({ preventScroll: true });
    }
    const onPointerDown = (event: PointerEvent): void => {
      const target = event.target;
      if (!inCard(target) && termOf(target) !== current.current?.element) close();
    };
    // Esc anywhere closes the card; focus in the card goes back to the term.
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      close(inCard(document.activeElement));
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open, close]);

  useEffect(() => clearTimers, []);

  /** Handlers for the element holding the text (delegated: one set for every term). */
  const textHandlers = {
    onPointerOver(event: JSX.TargetedPointerEvent<HTMLElement>) {
      const term = termOf(event.target);
      if (!term) return;
      clearTimeout(closeTimer.current);
      if (current.current?.element === term) return;
      clearTimeout(openTimer.current);
      openTimer.current = setTimeout(() => show(term, 'hover'), current.current ? 0 : openDelay);
    },
    onPointerOut(event: JSX.TargetedPointerEvent<HTMLElement>) {
      const term = termOf(event.target);
      if (!term || (event.relatedTarget instanceof Node && term.contains(event.relatedTarget))) return;
      clearTimeout(openTimer.current);
      if (current.current?.element === term && current.current.via === 'hover') scheduleClose();
    },
    onFocusIn(event: JSX.TargetedFocusEvent<HTMLElement>) {
      const term = termOf(event.target);
      if (term && event.target === term && !restoring.current) show(term, 'focus');
    },
    onFocusOut(event: JSX.TargetedFocusEvent<HTMLElement>) {
      const term = termOf(event.target);
      const now = current.current;
      if (!term || !now || now.element !== term) return;
      if (inCard(event.relatedTarget) || termOf(event.relatedTarget)) return;
      if (now.via === 'focus') close();
    },
    onClick(event: JSX.TargetedMouseEvent<HTMLElement>) {
      const term = termOf(event.target);
      if (term) show(term, 'click');
    },
    onKeyDown(event: JSX.TargetedKeyboardEvent<HTMLElement>) {
      const term = termOf(event.target);
      if (!term || event.target !== term) return;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        show(term, 'key');
      } else if (event.key === 'Escape' && current.current) {
        event.preventDefault();
        close();
      }
    },
  };

  /** Handlers for the card's popover. */
  const cardHandlers = {
    onPointerEnter() {
      pointerInCard.current = true;
      clearTimeout(closeTimer.current);
    },
    onPointerLeave() {
      pointerInCard.current = false;
      if (current.current?.via === 'hover') scheduleClose();
    },
    /** Tabbing out of the card (elsewhere than to its term) closes it. */
    onFocusOut(event: JSX.TargetedFocusEvent<HTMLElement>) {
      const to = event.relatedTarget;
      if (to !== null && !inCard(to) && termOf(to) !== current.current?.element) close();
    },
  };

  return { open, close, textHandlers, cardHandlers };
}
