import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../lib/settings/defaults';
import { createSettingsStore, readSettings, SETTINGS_KEY, watchSettings, writeSettings } from '../../../lib/settings/storage';
import { fakeArea } from './fake-area';

describe('settings in a storage area', () => {
  it('reads the defaults when nothing is stored', async () => {
    expect(await readSettings(fakeArea())).toEqual(defaultSettings());
  });

  it.each([['garbage'], [42], [{ scripts: 'none', cardTrigger: 7 }], [[{ version: 1 }]]])(
    'reads the defaults from invalid stored data %j, never throwing',
    async (stored) => {
      expect(await readSettings(fakeArea({ [SETTINGS_KEY]: stored }))).toEqual(defaultSettings());
    },
  );

  it('reads the defaults when the area fails', async () => {
    const area = fakeArea();
    area.failNextGet = true;
    expect(await readSettings(area)).toEqual(defaultSettings());
  });

  it('writes under one key, with a version, and reads back what it wrote', async () => {
    const area = fakeArea();
    const settings = { ...defaultSettings(), cardTrigger: 'click' as const, disabledSites: ['example.com'] };
    await writeSettings(area, settings);
    expect([...area.data.keys()]).toEqual([SETTINGS_KEY]);
    expect(area.data.get(SETTINGS_KEY)).toMatchObject({ version: 1, cardTrigger: 'click' });
    expect(await readSettings(area)).toEqual(settings);
  });

  it('validates what it writes', async () => {
    const area = fakeArea();
    const bad = { ...defaultSettings(), disabledSites: ['WWW.Example.com', 'not a site'] };
    const written = await writeSettings(area, bad);
    expect(written.disabledSites).toEqual(['example.com']);
    expect(area.data.get(SETTINGS_KEY)).toMatchObject({ disabledSites: ['example.com'] });
  });

  it('tells watchers about changes of its key only, parsed', async () => {
    const area = fakeArea();
    const seen = vi.fn();
    const stop = watchSettings(area, seen);
    await area.external('unrelated', 1);
    await area.external(SETTINGS_KEY, { cardTrigger: 'hover-alt', highlightStyle: 'bogus' });
    expect(seen).toHaveBeenCalledTimes(1);
    expect(seen.mock.calls[0]?.[0]).toEqual({ ...defaultSettings(), cardTrigger: 'hover-alt' });
    stop();
    await area.external(SETTINGS_KEY, {});
    expect(seen).toHaveBeenCalledTimes(1);
    expect(area.listeners.size).toBe(0);
  });
});

describe('createSettingsStore', () => {
  it('loads, updates and tells subscribers once per change', async () => {
    const area = fakeArea({ [SETTINGS_KEY]: { highlightStyle: 'tint' } });
    const store = createSettingsStore(area);
    expect(store.current()).toBeNull();
    const seen = vi.fn();
    store.subscribe(seen);
    expect((await store.load()).highlightStyle).toBe('tint');
    const updated = await store.update((s) => ({ ...s, cardTrigger: 'click' }));
    expect(updated.cardTrigger).toBe('click');
    await Promise.resolve();
    // The load, then the update; the area's echo of the update is not a change.
    expect(seen).toHaveBeenCalledTimes(2);
    expect(store.current()).toEqual(updated);
    expect(await readSettings(area)).toEqual(updated);
    store.close();
  });

  it('follows changes written elsewhere', async () => {
    const area = fakeArea();
    const store = createSettingsStore(area);
    await store.load();
    const seen = vi.fn();
    store.subscribe(seen);
    await area.external(SETTINGS_KEY, { ...defaultSettings(), disabledSites: ['example.com'] });
    expect(seen).toHaveBeenCalledWith(expect.objectContaining({ disabledSites: ['example.com'] }));
    expect(store.current()?.disabledSites).toEqual(['example.com']);
    store.close();
    expect(area.listeners.size).toBe(0);
  });

  it('rejects an update the area refuses, keeping the current settings', async () => {
    const area = fakeArea();
    const store = createSettingsStore(area);
    await store.load();
    area.failNextSet = true;
    await expect(store.update((s) => ({ ...s, cardTrigger: 'click' }))).rejects.toThrow(/quota/u);
    expect(store.current()?.cardTrigger).toBe('hover');
  });
});
