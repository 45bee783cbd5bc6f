import { useRef } from 'preact/hooks';

/**
 * The note composer as the page's card shows it: the extension's note frame (an extension page,
 * entrypoints/note-frame/), so that what the reader types is never in the page's document, where
 * the page's own listeners would hear every key.
 */
export interface NoteFrameProps {
  /** The frame's address (with its draft's token); null while the draft is being opened. */
  src: string | null;
  /** The height its content asked for, in CSS pixels. */
  height: number;
  /** Why the composer could not be opened; shown instead of it. */
  error?: string | null;
}

/** Height of the frame before its content says how tall it is: about the composer with no quote. */
export const NOTE_FRAME_HEIGHT = 236;

export function NoteFrame({ src, height, error = null }: NoteFrameProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  if (error !== null) {
    return (
      <p class="tl-composer-error" role="alert">
        {error}
      </p>
    );
  }
  if (src === null) return <div class="tl-note-frame" style={{ height: `${height}px` }} aria-busy="true" />;
  return (
    <iframe
      ref={frame}
      class="tl-note-frame"
      src={src}
      title="New note"
      style={{ height: `${height}px` }}
      // The reader asked to write: the keys go to the frame at once.
      onLoad={() => frame.current?.focus()}
    />
  );
}
