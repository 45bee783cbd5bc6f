// Wires the options page to the settings in `storage.local`. Changes show at once and are written
// in order; while writes are under way, the store's echo of them is not shown (it would flicker
// back to an older state).

import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsPage } from '../../components/options/OptionsPage';
import type { SaveStatus } from '../../components/options/OptionsPage';
import type { ClearResult } from '../../components/options/PrivacySettings';
import { createRequestClient } from '../../lib/protocol/client';
import { createSettingsStore } from '../../lib/settings/storage';
import type { Settings } from '../../lib/settings/types';
import '../../assets/theme.css';
import './style.css';

const root = document.getElementById('app');
const store = createSettingsStore(browser.storage.local);
const sendRequest = createRequestClient((message) => browser.runtime.sendMessage(message));

async function clearHistory(): Promise<ClearResult> {
  const r = await sendRequest({ type: 'encounters/clear' });
  return r.ok ? { ok: true, removed: r.data.removed } : { ok: false, error: r.error };
}

let shown: Settings | null = null;
let status: SaveStatus = { kind: 'idle' };
let pending = 0;
let writes: Promise<void> = Promise.resolve();

function draw(): void {
  if (root) render(<OptionsPage settings={shown} status={status} onChange={change} onClearHistory={clearHistory} />, root);
}

function change(next: Settings): void {
  shown = next;
  status = { kind: 'idle' };
  pending++;
  draw();
  writes = writes.then(async () => {
    try {
      await store.update(() => next);
      status = { kind: 'saved' };
    } catch (error) {
      status = { kind: 'error', error: error instanceof Error ? error.message : String(error) };
    }
    pending--;
    if (pending === 0) shown = store.current() ?? shown;
    draw();
  });
}

// Changes made elsewhere (the popup's per-site switch, another options tab).
store.subscribe((settings) => {
  if (pending > 0) return;
  shown = settings;
  draw();
});
void store.load().then((settings) => {
  shown ??= settings;
  draw();
});
draw();
