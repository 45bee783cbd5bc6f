import type { Category } from '../glossary/types';
import { SETTINGS_VERSION } from './types';
import type { Settings } from './types';

// Spelled out so that a new category is a type error here until it gets its default.
function allCategories(on: boolean): Record<Category, boolean> {
  return {
    concept: on,
    initiative: on,
    project: on,
    security: on,
    exchange: on,
    olympics: on,
    pledge: on,
    idiom: on,
    person: on,
    organisation: on,
    place: on,
  };
}

/** A fresh copy of the defaults: every script and category, on every site, the card on hover, the
 * reading history kept, nothing stored from private windows. */
export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    disabledSites: [],
    scripts: { hans: true, hant: true, en: true },
    categories: allCategories(true),
    highlightStyle: 'tint-underline',
    cardTrigger: 'hover',
    readingHistory: true,
    privateWindows: false,
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The defaults, frozen (a shared object nobody may change); `defaultSettings()` gives a copy to edit. */
export const DEFAULT_SETTINGS: Readonly<Settings> = deepFreeze(defaultSettings());
