import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { MAX_BODY } from '../../lib/notes/limits';
import { normalizeTags } from '../../lib/notes/tags';

/** What the reader wrote. Tags are as typed; the background normalizes them again. */
export interface NoteComposerValue {
  body: string;
  tags: string[];
}

export interface NoteComposerProps {
  /** The page text the note is attached to, shown above the field. */
  quote?: string | null;
  /** Saves the note; resolves to an error to show (the draft stays), or null once saved. */
  onSave: (value: NoteComposerValue) => Promise<string | null>;
  onCancel: () => void;
  /** Focus the note field when shown (default true). */
  autoFocus?: boolean;
}

/** A quote this long is shown cut, with an ellipsis: the field matters more. */
const QUOTE_SHOWN = 280;

/** Tags typed as a list: commas (also full-width and ideographic) separate them. */
export function parseTags(input: string): string[] {
  return input
    .split(/[,，、;；]/u)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

const number = (n: number): string => n.toLocaleString('en-US');

/**
 * The form a note is written in: a plain-text body with a character counter, tags, Save and
 * Cancel. Ctrl+Enter (⌘+Enter) saves and Esc cancels from any field; errors are shown as text.
 */
export function NoteComposer({ quote, onSave, onCancel, autoFocus = true }: NoteComposerProps) {
  const id = useId();
  const [body, setBody] = useState('');
  const [tags, setTags] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const mounted = useRef(true);

  // Focused as soon as it shows, so no typed key is lost; a card that is still hidden while it is
  // being placed cannot take the focus yet, so once more after it is shown.
  const focusField = (): void => {
    const element = field.current;
    const root = element?.getRootNode();
    const active = root && 'activeElement' in root ? root.activeElement : null;
    if (element && active !== element) element.focus({ preventScroll: true });
  };
  useLayoutEffect(() => {
    mounted.current = true;
    if (autoFocus) focusField();
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    if (autoFocus) focusField();
  }, []);

  async function save(): Promise<void> {
    if (busy) return;
    if (body.trim() === '') {
      setError('Write the note before saving it.');
      field.current?.focus();
      return;
    }
    if (body.length > MAX_BODY) {
      setError(`A note holds at most ${number(MAX_BODY)} characters.`);
      return;
    }
    const checked = normalizeTags(parseTags(tags));
    if (!checked.ok) {
      setError(`Tags: ${checked.error}.`);
      return;
    }
    setBusy(true);
    setError(null);
    let failure: string | null;
    try {
      failure = await onSave({ body, tags: checked.tags });
    } catch (e) {
      failure = e instanceof Error ? e.message : 'The note could not be saved.';
    }
    if (!mounted.current) return;
    setBusy(false);
    if (failure !== null) setError(`Not saved: ${failure}`);
  }

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLFormElement>): void => {
    if (event.key === 'Escape') {
      // The card around the form must not close with it.
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      void save();
    }
  };

  const shownQuote = quote && quote.length > QUOTE_SHOWN ? `${quote.slice(0, QUOTE_SHOWN)}…` : quote;
  const near = body.length > MAX_BODY * 0.9;
  return (
    <form
      class="tl-composer"
      aria-label="New note"
      aria-busy={busy}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {shownQuote && <blockquote class="tl-composer-quote">{shownQuote}</blockquote>}
      <label class="tl-field-label" for={`${id}-body`}>
        Note
      </label>
      <textarea
        ref={field}
        id={`${id}-body`}
        class="tl-textarea"
        rows={4}
        maxLength={MAX_BODY}
        value={body}
        aria-describedby={`${id}-count ${id}-keys`}
        aria-invalid={error !== null && body.trim() === ''}
        onInput={(event) => setBody(event.currentTarget.value)}
      />
      <p class={`tl-counter${near ? ' tl-counter--near' : ''}`} id={`${id}-count`}>
        {number(body.length)} / {number(MAX_BODY)} characters
      </p>
      <label class="tl-field-label" for={`${id}-tags`}>
        Tags
      </label>
      <input
        id={`${id}-tags`}
        class="tl-input"
        type="text"
        value={tags}
        placeholder="comma-separated, e.g. xi, summit"
        autoComplete="off"
        onInput={(event) => setTags(event.currentTarget.value)}
      />
      {error !== null && (
        <p class="tl-composer-error" role="alert">
          {error}
        </p>
      )}
      <div class="tl-actions">
        <button type="submit" class="tl-button tl-button--primary" disabled={busy} aria-keyshortcuts="Control+Enter Meta+Enter">
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" class="tl-button" onClick={onCancel} aria-keyshortcuts="Escape">
          Cancel
        </button>
      </div>
      <p class="tl-keys" id={`${id}-keys`}>
        Ctrl+Enter saves, Esc cancels.
      </p>
    </form>
  );
}
