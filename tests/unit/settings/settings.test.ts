import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../lib/glossary/types';
import { DEFAULT_SETTINGS, defaultSettings } from '../../../lib/settings/defaults';
import { allowedScripts, enabledCategories, isFormEnabled, matchesAnything } from '../../../lib/settings/filters';
import { parseSettings, sameSettings } from '../../../lib/settings/parse';
import { MAX_DISABLED_SITES, SETTINGS_VERSION } from '../../../lib/settings/types';
import type { Settings } from '../../../lib/settings/types';

describe('the default settings', () => {
  it('match every script and category, on every site, with the card on hover', () => {
    expect(DEFAULT_SETTINGS.version).toBe(SETTINGS_VERSION);
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([]);
    expect(DEFAULT_SETTINGS.scripts).toEqual({ hans: true, hant: true, en: true });
    expect(Object.keys(DEFAULT_SETTINGS.categories).sort()).toEqual([...CATEGORIES].sort());
    expect(Object.values(DEFAULT_SETTINGS.categories).every(Boolean)).toBe(true);
    expect(DEFAULT_SETTINGS.highlightStyle).toBe('tint-underline');
    expect(DEFAULT_SETTINGS.cardTrigger).toBe('hover');
  });

  it('keep the reading history and store nothing from private windows until the reader says otherwise', () => {
    expect(DEFAULT_SETTINGS.readingHistory).toBe(true);
    expect(DEFAULT_SETTINGS.privateWindows).toBe(false);
    // Settings stored before these switches existed read as the defaults.
    expect(parseSettings({ version: 1, cardTrigger: 'click' })).toMatchObject({ readingHistory: true, privateWindows: false });
    expect(parseSettings({ version: 1, readingHistory: false, privateWindows: true })).toMatchObject({ readingHistory: false, privateWindows: true });
    expect(parseSettings({ version: 1, readingHistory: 'no', privateWindows: 1 })).toMatchObject({ readingHistory: true, privateWindows: false });
    expect(sameSettings(defaultSettings(), { ...defaultSettings(), privateWindows: true })).toBe(false);
  });

  it('cannot be changed by accident; defaultSettings() gives a copy to edit', () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.scripts)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.disabledSites)).toBe(true);
    const copy = defaultSettings();
    copy.scripts.en = false;
    copy.disabledSites.push('example.com');
    expect(DEFAULT_SETTINGS.scripts.en).toBe(true);
    expect(defaultSettings().disabledSites).toEqual([]);
  });
});

describe('parseSettings', () => {
  it.each([undefined, null, 42, 'settings', true, [], [1, 2], () => 1])('gives the defaults for %s', (stored) => {
    expect(parseSettings(stored)).toEqual(defaultSettings());
  });

  it('keeps valid settings as they are', () => {
    const settings: Settings = {
      ...defaultSettings(),
      disabledSites: ['example.com', 'news.example.org'],
      scripts: { hans: true, hant: false, en: false },
      categories: { ...defaultSettings().categories, person: false, place: false },
      highlightStyle: 'underline',
      cardTrigger: 'hover-alt',
    };
    const stored: unknown = JSON.parse(JSON.stringify(settings));
    expect(parseSettings(stored)).toEqual(settings);
  });

  it('replaces each bad field by its default and keeps the good ones', () => {
    const parsed = parseSettings({
      version: 1,
      disabledSites: ['Example.COM', 'www.foo.org.', 12, null, 'javascript:alert(1)', 'not a site', 'https://Bar.net/a?b', 'foo.org'],
      scripts: { hans: 'yes', hant: false, extra: true },
      categories: { person: false, olympics: 0, nonsense: false },
      highlightStyle: 'neon',
      cardTrigger: 'click',
      unknownField: { deep: true },
    });
    expect(parsed).toEqual({
      ...defaultSettings(),
      disabledSites: ['bar.net', 'example.com', 'foo.org'],
      scripts: { hans: true, hant: false, en: true },
      categories: { ...defaultSettings().categories, person: false },
      cardTrigger: 'click',
    });
    expect(parsed).not.toHaveProperty('unknownField');
  });

  it('reads the fields it knows from a newer or unversioned shape', () => {
    expect(parseSettings({ version: 99, cardTrigger: 'click' }).cardTrigger).toBe('click');
    expect(parseSettings({ highlightStyle: 'tint' })).toMatchObject({ version: SETTINGS_VERSION, highlightStyle: 'tint' });
  });

  it('never keeps more than the maximum number of sites, and never throws on hostile values', () => {
    const many = Array.from({ length: MAX_DISABLED_SITES + 50 }, (_, i) => `site${i}.example`);
    expect(parseSettings({ disabledSites: many }).disabledSites).toHaveLength(MAX_DISABLED_SITES);
    const hostile = Object.create(null) as Record<string, unknown>;
    hostile.scripts = new Proxy({}, { get: () => 'x' });
    hostile.categories = 'all';
    expect(parseSettings(hostile)).toEqual(defaultSettings());
  });

  it('returns a fresh object each time', () => {
    const a = parseSettings(undefined);
    a.disabledSites.push('x.com');
    expect(parseSettings(undefined).disabledSites).toEqual([]);
  });
});

describe('sameSettings', () => {
  it('compares every field', () => {
    const a = defaultSettings();
    expect(sameSettings(a, defaultSettings())).toBe(true);
    expect(sameSettings(a, { ...a, cardTrigger: 'click' })).toBe(false);
    expect(sameSettings(a, { ...a, disabledSites: ['a.com'] })).toBe(false);
    expect(sameSettings(a, { ...a, categories: { ...a.categories, idiom: false } })).toBe(false);
    expect(sameSettings(a, { ...a, scripts: { ...a.scripts, hant: false } })).toBe(false);
  });
});

describe('what the content script looks for', () => {
  it('lists the allowed scripts and enabled categories', () => {
    const s = { ...defaultSettings(), scripts: { hans: true, hant: false, en: true } };
    s.categories.person = false;
    expect([...allowedScripts(s)]).toEqual(['hans', 'en']);
    expect(enabledCategories(s).has('person')).toBe(false);
    expect(enabledCategories(s).size).toBe(CATEGORIES.length - 1);
    expect(isFormEnabled(s, 'concept', 'hans')).toBe(true);
    expect(isFormEnabled(s, 'concept', 'hant')).toBe(false);
    expect(isFormEnabled(s, 'person', 'hans')).toBe(false);
  });

  it('knows when nothing can be highlighted', () => {
    expect(matchesAnything(defaultSettings())).toBe(true);
    expect(matchesAnything({ ...defaultSettings(), scripts: { hans: false, hant: false, en: false } })).toBe(false);
    const none = defaultSettings();
    for (const c of CATEGORIES) none.categories[c] = false;
    expect(matchesAnything(none)).toBe(false);
  });
});
