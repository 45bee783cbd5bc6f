// What the content script looks for, given the settings: which forms of which entries.

import { CATEGORIES } from '../glossary/types';
import type { Category } from '../glossary/types';
import type { Script } from '../match/types';
import { SCRIPTS } from './types';
import type { Settings } from './types';

/** The scripts whose forms are matched (simplified, traditional, English). */
export function allowedScripts(settings: Pick<Settings, 'scripts'>): ReadonlySet<Script> {
  return new Set(SCRIPTS.filter((s) => settings.scripts[s]));
}

/** The glossary categories whose entries are matched. */
export function enabledCategories(settings: Pick<Settings, 'categories'>): ReadonlySet<Category> {
  return new Set(CATEGORIES.filter((c) => settings.categories[c]));
}

/** Whether a form in `script` of an entry of `category` is looked for. */
export function isFormEnabled(settings: Pick<Settings, 'scripts' | 'categories'>, category: Category, script: Script): boolean {
  return settings.scripts[script] && settings.categories[category];
}

/** Whether these settings can highlight anything at all (some script and some category on). */
export function matchesAnything(settings: Pick<Settings, 'scripts' | 'categories'>): boolean {
  return allowedScripts(settings).size > 0 && enabledCategories(settings).size > 0;
}
