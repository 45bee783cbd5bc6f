import type { ComponentChildren, JSX } from 'preact';

export interface CardFrameProps {
  /** Id of the element that names the dialog (the term). */
  labelledBy: string;
  /** The heading row's content: the title element, then any buttons before Close. */
  head: ComponentChildren;
  children: ComponentChildren;
  onClose: () => void;
  kind: 'term' | 'quote' | 'note';
}

/** The card's dialog shell: non-modal, focusable, closed by Esc or its Close button. */
export function CardFrame({ labelledBy, head, children, onClose, kind }: CardFrameProps) {
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'Escape') return;
    // The page must not also act on this Esc (close its own menu, leave full screen…).
    event.stopPropagation();
    event.preventDefault();
    onClose();
  };
  return (
    <div class={`tl-card tl-card--${kind}`} role="dialog" aria-modal="false" aria-labelledby={labelledBy} tabIndex={-1} lang="en" onKeyDown={onKeyDown}>
      <div class="tl-head">
        {head}
        <button type="button" class="tl-icon-button tl-close" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {children}
    </div>
  );
}
