// Stored settings come back from `storage.local`, where anything may be: an older version, a
// value another build wrote, or garbage. Each field is read on its own and falls back to its
// default, so a bad field never costs the reader the others, and nothing here throws.

import { CATEGORIES } from '../glossary/types';
import type { Category } from '../glossary/types';
import type { Script } from '../match/types';
import { defaultSettings } from './defaults';
import { normalizeSite } from './sites';
import { CARD_TRIGGERS, HIGHLIGHT_STYLES, MAX_DISABLED_SITES, SCRIPTS, SETTINGS_VERSION } from './types';
import type { Settings } from './types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(choices: readonly T[], value: unknown, fallback: T): T {
  return choices.find((c) => c === value) ?? fallback;
}

/** Each known key's boolean, or its default when missing or not a boolean. */
function switches<K extends string>(keys: readonly K[], value: unknown, defaults: Record<K, boolean>): Record<K, boolean> {
  const out = { ...defaults };
  if (!isRecord(value)) return out;
  for (const key of keys) {
    const v = value[key];
    if (typeof v === 'boolean') out[key] = v;
  }
  return out;
}

function sites(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out = new Set<string>();
  for (const item of value.slice(0, MAX_DISABLED_SITES)) {
    const site = typeof item === 'string' ? normalizeSite(item) : null;
    if (site) out.add(site);
  }
  return [...out].sort();
}

/** Settings from whatever was stored: valid fields kept, everything else the default. */
export function parseSettings(stored: unknown): Settings {
  const defaults = defaultSettings();
  if (!isRecord(stored)) return defaults;
  return {
    version: SETTINGS_VERSION,
    disabledSites: sites(stored.disabledSites),
    scripts: switches<Script>(SCRIPTS, stored.scripts, defaults.scripts),
    categories: switches<Category>(CATEGORIES, stored.categories, defaults.categories),
    highlightStyle: oneOf(HIGHLIGHT_STYLES, stored.highlightStyle, defaults.highlightStyle),
    cardTrigger: oneOf(CARD_TRIGGERS, stored.cardTrigger, defaults.cardTrigger),
    readingHistory: typeof stored.readingHistory === 'boolean' ? stored.readingHistory : defaults.readingHistory,
    privateWindows: typeof stored.privateWindows === 'boolean' ? stored.privateWindows : defaults.privateWindows,
  };
}

/** Whether two settings say the same (the order of disabled sites included). */
export function sameSettings(a: Settings, b: Settings): boolean {
  return (
    a.highlightStyle === b.highlightStyle &&
    a.cardTrigger === b.cardTrigger &&
    a.readingHistory === b.readingHistory &&
    a.privateWindows === b.privateWindows &&
    a.disabledSites.length === b.disabledSites.length &&
    a.disabledSites.every((s, i) => s === b.disabledSites[i]) &&
    SCRIPTS.every((s) => a.scripts[s] === b.scripts[s]) &&
    CATEGORIES.every((c) => a.categories[c] === b.categories[c])
  );
}
