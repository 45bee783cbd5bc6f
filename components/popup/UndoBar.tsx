import { useEffect, useRef, useState } from 'preact/hooks';

export interface UndoItem {
  /** Changes for every new deletion, so the timer restarts. */
  key: string;
  message: string;
}

export interface UndoBarProps {
  item: UndoItem | null;
  /** How long the offer stays, while the pointer and the focus are elsewhere. */
  durationMs: number;
  onUndo(): void;
  onExpire(): void;
}

/**
 * "Note deleted. Undo" for a few seconds. The live region is always in the page, so screen readers
 * announce the message. Its button takes the focus, since the deleted note's buttons are gone; the
 * offer then waits while the reader hovers it or comes back to it with the keyboard (WCAG 2.2.1).
 */
export function UndoBar({ item, durationMs, onUndo, onExpire }: UndoBarProps) {
  const [held, setHeld] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // The focus we give the button is no sign the reader is using the offer: it must not hold it.
  const givenFocus = useRef(false);
  const expire = useRef(onExpire);
  expire.current = onExpire;

  useEffect(() => {
    if (!item) {
      setHeld(false);
      return;
    }
    givenFocus.current = true;
    button.current?.focus();
    givenFocus.current = false;
  }, [item?.key]);

  useEffect(() => {
    if (!item || held) return;
    const timer = setTimeout(() => expire.current(), durationMs);
    return () => clearTimeout(timer);
  }, [item?.key, held, durationMs]);

  return (
    <div
      class={`undo-bar${item ? ' undo-bar-open' : ''}`}
      role="status"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocusIn={() => {
        if (!givenFocus.current) setHeld(true);
      }}
      onFocusOut={() => setHeld(false)}
    >
      {item && (
        <>
          <span>{item.message}</span>
          <button type="button" ref={button} class="primary" onClick={onUndo}>
            Undo
          </button>
        </>
      )}
    </div>
  );
}
