import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { MAX_BODY } from '../../lib/notes/limits';
import { normalizeTags } from '../../lib/notes/tags';
import type { Note } from '../../lib/notes/types';
import type { ActionResult } from './types';

export interface NoteEdit {
  body: string;
  tags: string[];
}

export interface NoteEditorProps {
  note: Note;
  onSave(id: string, changes: NoteEdit): Promise<ActionResult>;
  /** After a save or a cancel. */
  onDone(): void;
}

/** Tags as typed: separated by commas (or the ideographic comma). */
export function splitTags(text: string): string[] {
  return text.split(/[,，、]/u);
}

/** Checks the edit as the background will, so the reader hears about a problem before saving. */
export function validateEdit(body: string, tagsText: string): { ok: true; edit: NoteEdit } | { ok: false; error: string } {
  if (body.length > MAX_BODY) return { ok: false, error: `The note is ${body.length} characters long; at most ${MAX_BODY}.` };
  const tags = normalizeTags(splitTags(tagsText));
  if (!tags.ok) return { ok: false, error: `Tags: ${tags.error}.` };
  return { ok: true, edit: { body, tags: tags.tags } };
}

export function NoteEditor({ note, onSave, onDone }: NoteEditorProps) {
  const id = useId();
  const [body, setBody] = useState(note.body);
  const [tagsText, setTagsText] = useState(note.tags.join(', '));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => bodyRef.current?.focus(), []);

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    const checked = validateEdit(body, tagsText);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    setSaving(true);
    const result = await onSave(note.id, checked.edit);
    setSaving(false);
    if (result.ok) onDone();
    else setError(`Not saved: ${result.error}`);
  }

  return (
    <form
      class="note-editor"
      onSubmit={(e) => void save(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <label for={`${id}-body`}>Note</label>
      <textarea id={`${id}-body`} ref={bodyRef} rows={4} value={body} maxLength={MAX_BODY} onInput={(e) => setBody(e.currentTarget.value)} />
      <label for={`${id}-tags`}>Tags, separated by commas</label>
      <input id={`${id}-tags`} type="text" value={tagsText} onInput={(e) => setTagsText(e.currentTarget.value)} />
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
