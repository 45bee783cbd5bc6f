// Ask the browser not to evict the database under storage pressure. `persist()` exists only in
// windows (extension pages), not in the service worker; there the `unlimitedStorage` permission
// is what keeps the data. Call this from the popup too.

export interface StorageManagerLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

/** true when storage is (now) persistent, false when refused, null when the browser cannot say. */
export async function requestPersistence(storage: StorageManagerLike | undefined = globalThis.navigator?.storage): Promise<boolean | null> {
  try {
    if (storage?.persisted && (await storage.persisted())) return true;
    if (storage?.persist) return await storage.persist();
    return null;
  } catch {
    return null;
  }
}
