// The error screen's last resort: read whatever the browser still has in IndexedDB, without Dexie and
// without ever upgrading or creating anything, one store at a time so one broken store loses only itself.

export interface RawDump {
  dbName: string;
  /** The IndexedDB version number on disk (Dexie's version × 10), or null when it could not be opened. */
  idbVersion: number | null;
  exportedAt: string;
  stores: Record<string, { rows: unknown[] } | { error: string }>;
  error?: string;
}

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });

function openExisting(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    // No version given: an upgrade only happens when the database does not exist. Abort it rather than create one.
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => (req.error?.name === 'AbortError' ? resolve(null) : reject(req.error ?? new Error('open failed')));
    req.onblocked = () => reject(new Error('The database is held open elsewhere.'));
  });
}

export async function dumpIndexedDb(name: string, now: () => Date = () => new Date()): Promise<RawDump> {
  const dump: RawDump = { dbName: name, idbVersion: null, exportedAt: now().toISOString(), stores: {} };
  let idb: IDBDatabase | null;
  try {
    idb = await openExisting(name);
  } catch (err) {
    dump.error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return dump;
  }
  if (!idb) {
    dump.error = 'There is no database to read.';
    return dump;
  }
  try {
    dump.idbVersion = idb.version;
    for (const store of Array.from(idb.objectStoreNames)) {
      try {
        dump.stores[store] = { rows: await request(idb.transaction(store, 'readonly').objectStore(store).getAll()) };
      } catch (err) {
        dump.stores[store] = { error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
      }
    }
  } finally {
    idb.close();
  }
  return dump;
}
