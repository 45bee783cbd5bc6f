// Reading and writing the settings in a key-value storage area. The area is a parameter (in the
// extension, `browser.storage.local`, which fits this interface as it is), so this module stays
// free of browser globals and tests pass a fake.

import { defaultSettings } from './defaults';
import { parseSettings, sameSettings } from './parse';
import type { Settings } from './types';

/** The one key everything is stored under. */
export const SETTINGS_KEY = 'tifa-lens:settings';

export interface StorageChangeLike {
  newValue?: unknown;
  oldValue?: unknown;
}

export type StorageChangeListener = (changes: { [key: string]: StorageChangeLike }) => void;

/** The part of `browser.storage.local` (a `StorageArea`) the settings need. */
export interface SettingsArea {
  get(key: string): Promise<{ [key: string]: unknown }>;
  set(items: { [key: string]: unknown }): Promise<void>;
  onChanged: {
    addListener(listener: StorageChangeListener): void;
    removeListener(listener: StorageChangeListener): void;
  };
}

/** The stored settings, or the defaults when nothing (or nothing valid) is stored or the area fails. */
export async function readSettings(area: SettingsArea): Promise<Settings> {
  try {
    const items = await area.get(SETTINGS_KEY);
    return parseSettings(items[SETTINGS_KEY]);
  } catch {
    return defaultSettings();
  }
}

/** Stores the settings (validated again, so nothing invalid is ever written). Rejects if the area does. */
export async function writeSettings(area: SettingsArea, settings: Settings): Promise<Settings> {
  const clean = parseSettings(settings);
  await area.set({ [SETTINGS_KEY]: clean });
  return clean;
}

/** Calls `listener` with the new settings whenever any page or script stores them. */
export function watchSettings(area: SettingsArea, listener: (settings: Settings) => void): () => void {
  const onChanged: StorageChangeListener = (changes) => {
    const change = changes[SETTINGS_KEY];
    if (change) listener(parseSettings(change.newValue));
  };
  area.onChanged.addListener(onChanged);
  return () => area.onChanged.removeListener(onChanged);
}

export interface SettingsStore {
  /** The settings last read, written or seen changing; null before the first `load`. */
  current(): Settings | null;
  load(): Promise<Settings>;
  /** Applies `change` to the current settings and stores the result. */
  update(change: (settings: Settings) => Settings): Promise<Settings>;
  /** `listener` runs on every change of the current settings, from here or from elsewhere. */
  subscribe(listener: (settings: Settings) => void): () => void;
  /** Stops watching the area. */
  close(): void;
}

/** The settings of one page or script, kept in step with the storage area. */
export function createSettingsStore(area: SettingsArea): SettingsStore {
  let current: Settings | null = null;
  const listeners = new Set<(settings: Settings) => void>();

  function accept(next: Settings): void {
    if (current && sameSettings(current, next)) return;
    current = next;
    for (const listener of [...listeners]) listener(next);
  }
  const unwatch = watchSettings(area, accept);

  return {
    current: () => current,
    async load() {
      const loaded = await readSettings(area);
      // A change seen while reading is newer than what was read.
      if (current === null) accept(loaded);
      return current ?? loaded;
    },
    async update(change) {
      const base = current ?? (await readSettings(area));
      const written = await writeSettings(area, change(base));
      accept(written);
      return written;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      unwatch();
      listeners.clear();
    },
  };
}
