// The browser stops an idle service worker and may close its IndexedDB connection under it (or
// another context may upgrade the schema). Dexie reopens on the next query, unless the close was
// explicit; a handler that catches the connection closing mid-way reopens and tries once more.

import type Dexie from 'dexie';

const CLOSED = new Set(['DatabaseClosedError', 'InvalidStateError']);

function nameOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : '';
}

/** Whether the error (or the IndexedDB error inside a Dexie error) says the connection is closed. */
export function isClosedError(error: unknown): boolean {
  if (CLOSED.has(nameOf(error))) return true;
  return typeof error === 'object' && error !== null && 'inner' in error && CLOSED.has(nameOf(error.inner));
}

export async function withReopen<T>(db: Dexie, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isClosedError(error)) throw error;
    if (db.isOpen()) db.close({ disableAutoOpen: false });
    await db.open();
    return work();
  }
}
