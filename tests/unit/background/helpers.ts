import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { TifaDb } from '../../../background/db';
import type { StoreContext } from '../../../background/context';
import { T0 } from '../notes/fixtures';

/** An in-memory IndexedDB of its own, so tests never share state. */
export function freshFactory(): { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function freshDb(factory = freshFactory()): TifaDb {
  return new TifaDb('tifa-lens', factory);
}

/** A store context with a clock the test moves and predictable ids. */
export function testContext(db: TifaDb = freshDb()): StoreContext & { clock: { now: number } } {
  const clock = { now: T0 };
  let n = 0;
  return {
    db,
    clock,
    now: () => clock.now,
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  };
}
