import type { SourceLocation } from '../../lib/source/url';

export interface CardActionsProps {
  location: SourceLocation | null;
  /** `open`: a new tab with the source viewer; `jump`: the occurrence on the viewer page itself. */
  sourceMode: 'open' | 'jump';
  onShowSource?: (location: SourceLocation) => void;
  onAddNote?: () => void;
}

export function CardActions({ location, sourceMode, onShowSource, onAddNote }: CardActionsProps) {
  const showSource = location && onShowSource;
  if (!showSource && !onAddNote) return null;
  return (
    <div class="tl-actions">
      {showSource && (
        <button
          type="button"
          class="tl-button tl-button--primary"
          title={sourceMode === 'open' ? 'Opens the source text in a new tab' : undefined}
          onClick={() => onShowSource(location)}
        >
          {sourceMode === 'open' ? 'Open in source' : 'Show in text'}
        </button>
      )}
      {onAddNote && (
        <button type="button" class="tl-button" onClick={onAddNote}>
          Add note
        </button>
      )}
    </div>
  );
}
