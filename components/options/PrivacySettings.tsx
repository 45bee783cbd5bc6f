import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/types';

/** What clearing the history came to: the rows removed, or why it failed. */
export type ClearResult = { ok: true; removed: number } | { ok: false; error: string };

export interface PrivacySettingsProps {
  settings: Settings;
  onChange(next: Settings): void;
  /** Forgets the reading history (the notes stay). */
  onClearHistory(): Promise<ClearResult>;
}

/** What Tifa Lens keeps: the reading history (on, off, cleared) and anything from private windows. */
export function PrivacySettings({ settings, onChange, onClearHistory }: PrivacySettingsProps) {
  const [cleared, setCleared] = useState<string>('');
  const [confirming, setConfirming] = useState(false);

  async function clear(): Promise<void> {
    setConfirming(false);
    const r = await onClearHistory();
    setCleared(r.ok ? `Reading history cleared (${r.removed} ${r.removed === 1 ? 'entry' : 'entries'}).` : `Not cleared: ${r.error}`);
  }

  return (
    <fieldset>
      <legend>What Tifa Lens keeps</legend>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.readingHistory}
          aria-describedby="reading-history-hint"
          onChange={(e) => onChange({ ...settings, readingHistory: e.currentTarget.checked })}
        />
        Keep a reading history
      </label>
      <p class="hint" id="reading-history-hint">
        Which terms you met on which pages, for the popup and the backup. Kept for a year at most; your notes are not part of it.
      </p>
      <div class="row">
        {confirming ? (
          <>
            <button type="button" onClick={() => void clear()}>
              Clear it now
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Clear reading history…
          </button>
        )}
        <span class="hint" aria-live="polite">
          {cleared}
        </span>
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.privateWindows}
          aria-describedby="private-windows-hint"
          onChange={(e) => onChange({ ...settings, privateWindows: e.currentTarget.checked })}
        />
        Keep notes and reading history from private windows
      </label>
      <p class="hint" id="private-windows-hint">
        Off: in a private window Tifa Lens highlights and explains, shows the notes you already have, and stores nothing.
      </p>
    </fieldset>
  );
}
