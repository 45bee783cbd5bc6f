import type { SettingsArea, StorageChangeListener } from '../../../lib/settings/storage';

/** An in-memory `storage.local`: values are copied in and out, and changes are announced asynchronously, as browsers do. */
export interface FakeArea extends SettingsArea {
  data: Map<string, unknown>;
  /** Writes as another page or script would (announced to listeners). */
  external(key: string, value: unknown): Promise<void>;
  listeners: Set<StorageChangeListener>;
  failNextGet: boolean;
  failNextSet: boolean;
}

export function fakeArea(initial: Record<string, unknown> = {}): FakeArea {
  const data = new Map<string, unknown>(Object.entries(initial));
  const listeners = new Set<StorageChangeListener>();
  const area: FakeArea = {
    data,
    listeners,
    failNextGet: false,
    failNextSet: false,
    get(key) {
      if (area.failNextGet) {
        area.failNextGet = false;
        return Promise.reject(new Error('storage is unavailable'));
      }
      return Promise.resolve(data.has(key) ? { [key]: structuredClone(data.get(key)) } : {});
    },
    async set(items) {
      if (area.failNextSet) {
        area.failNextSet = false;
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const [key, value] of Object.entries(items)) {
        changes[key] = { oldValue: data.get(key), newValue: structuredClone(value) };
        data.set(key, structuredClone(value));
      }
      await Promise.resolve();
      for (const l of [...listeners]) l(changes);
    },
    external(key, value) {
      return area.set({ [key]: value });
    },
    onChanged: {
      addListener: (l) => void listeners.add(l),
      removeListener: (l) => void listeners.delete(l),
    },
  };
  return area;
}
