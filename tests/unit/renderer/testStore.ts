// The renderer's real store over real Dexie (on fake-indexeddb, the one fake the db tests allow) and a
// window.liuzheng built by fakeApi. One test clock: deps.now counts seconds from a fixed local time.
import 'fake-indexeddb/auto';
import type { LiuZhengApi } from '../../../shared/ipc/api';
import { openDb, type LiuZhengDb } from '../../../renderer/src/db/db';
import { createAppStore, type AppStore, type StoreDeps } from '../../../renderer/src/store';
import { createStoreDeps } from '../../../renderer/src/store/deps';

export interface TestStore {
  store: AppStore;
  db: LiuZhengDb;
  deps: StoreDeps;
}

/** Local Asia/Shanghai wall time, one second later each call, from `start`. */
export function testClock(start = '2026-11-01T10:00:00'): () => string {
  const base = Date.parse(`${start}Z`);
  let tick = 0;
  return () => new Date(base + 1000 * tick++).toISOString().slice(0, 19);
}

let ids = 0;
/** Distinct url-safe ids across every store of a test file (a restarted store must not reuse them). */
export const newId = (): string => `id-${(ids++).toString().padStart(6, '0')}`;

export function testStore(api: LiuZhengApi, dbName: string, now: () => string = testClock()): TestStore {
  const db = openDb(dbName);
  const deps: StoreDeps = createStoreDeps(db, api, now, newId);
  return { store: createAppStore(deps), db, deps };
}
