// The settings API for the content script and the extension's pages.

export { DEFAULT_SETTINGS, defaultSettings } from './defaults';
export { allowedScripts, enabledCategories, isFormEnabled, matchesAnything } from './filters';
export { parseSettings, sameSettings } from './parse';
export {
  addDisabledSite,
  disabledRuleFor,
  isPageOff,
  isSiteDisabled,
  normalizeHostname,
  normalizeSite,
  removeDisabledSite,
  setSiteDisabled,
  webHostname,
} from './sites';
export type { SiteEdit } from './sites';
export { createSettingsStore, readSettings, SETTINGS_KEY, watchSettings, writeSettings } from './storage';
export type { SettingsArea, SettingsStore, StorageChangeLike, StorageChangeListener } from './storage';
export { CARD_TRIGGERS, HIGHLIGHT_STYLES, MAX_DISABLED_SITES, SCRIPTS, SETTINGS_VERSION } from './types';
export type { CardTrigger, HighlightStyle, Settings } from './types';
