// The renderer's side of a backup: the whole database read in one transaction, and a restore that
// replaces every table in one transaction, so a failure leaves the old contents exactly as they were.
import { Dexie } from 'dexie';
import { DB_SNAPSHOT_FORMAT, type DbRow, type DbSnapshot } from '../../../shared/backup/snapshot';
import { searchInput } from '../../../shared/search/document';
import { openDb, type LiuZhengDb } from '../db/db';
import { createSearchRepository } from '../db/searchRepository';

/** A database the app cannot use as it is: the error screen shows `reason`. */
export class DbOpenError extends Error {
  override readonly name = 'DbOpenError';
}

export async function snapshotDb(db: Dexie): Promise<DbSnapshot> {
  const tables: Record<string, DbRow[]> = {};
  await db.transaction('r', db.tables, async () => {
    // The search index is derived data and by far the largest table: it is rebuilt after a restore.
    for (const table of db.tables) if (table.name !== 'searchDocs') tables[table.name] = (await table.toArray()) as DbRow[];
  });
  const rows = (name: string): DbRow[] => tables[name] ?? [];
  return {
    format: DB_SNAPSHOT_FORMAT,
    dbName: db.name,
    dbVersion: db.verno,
    tables: { ...tables, cases: rows('cases'), evidence: rows('evidence'), events: rows('events'), deadlines: rows('deadlines'), extractions: rows('extractions') } as DbSnapshot['tables'],
  };
}

/** Why this database cannot take the snapshot, or null when it can. */
export function snapshotMismatch(db: Dexie, snap: DbSnapshot): string | null {
  if (snap.dbVersion > db.verno) return `the backup's database is version ${snap.dbVersion}, newer than this app's ${db.verno}`;
  const known = new Set(db.tables.map((t) => t.name));
  const unknown = Object.keys(snap.tables).filter((name) => !known.has(name));
  return unknown.length > 0 ? `the backup has tables this app does not know: ${unknown.join(', ')}` : null;
}

export async function replaceDb(db: LiuZhengDb, snap: DbSnapshot): Promise<void> {
  const mismatch = snapshotMismatch(db, snap);
  if (mismatch) throw new Error(mismatch);
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      await table.clear();
      const rows: readonly DbRow[] = snap.tables[table.name] ?? [];
      if (rows.length > 0) await table.bulkAdd([...rows]);
    }
  });
  if (!snap.tables.searchDocs) await rebuildSearchIndex(db);
}

/** Re-derives the full-text index from the evidence and what OCR and the chat parser read. */
export async function rebuildSearchIndex(db: LiuZhengDb): Promise<void> {
  const [evidence, extractions] = await Promise.all([db.evidence.toArray(), db.extractions.toArray()]);
  const byId = new Map(extractions.map((x) => [x.evidenceId, x]));
  await createSearchRepository(db).upsertMany(evidence.map((e) => searchInput(e, byId.get(e.id))));
}

/**
 * Opens the app's database and checks that every store has the primary key the app declares. Dexie opens a
 * database whose stores were made by something else without complaint, and only the first write fails.
 */
export async function openAppDb(name?: string): Promise<LiuZhengDb> {
  const db = openDb(name);
  try {
    await db.open();
  } catch (err) {
    db.close();
    throw err;
  }
  const idb = db.backendDB();
  for (const table of db.tables) {
    if (!idb.objectStoreNames.contains(table.name)) {
      db.close();
      throw new DbOpenError(`The table "${table.name}" is missing from the database.`);
    }
    const store = idb.transaction(table.name, 'readonly').objectStore(table.name);
    const declared = table.schema.primKey.keyPath ?? null;
    if (JSON.stringify(store.keyPath) !== JSON.stringify(declared)) {
      db.close();
      throw new DbOpenError(`The table "${table.name}" has key ${JSON.stringify(store.keyPath)}, but this app expects ${JSON.stringify(declared)}.`);
    }
  }
  return db;
}

/** For the error screen: the unreadable database is deleted and made anew from the backup. */
export async function recreateDb(snap: DbSnapshot, name?: string): Promise<void> {
  const fresh = openDb(name);
  fresh.close();
  await Dexie.delete(fresh.name);
  const db = await openAppDb(name);
  try {
    await replaceDb(db, snap);
  } finally {
    db.close();
  }
}

export function describeDbError(err: unknown): string {
  if (err instanceof Error) {
    const inner = 'inner' in err && err.inner instanceof Error ? ` (${err.inner.name}: ${err.inner.message})` : '';
    return `${err.name}: ${err.message}${inner}`;
  }
  return String(err);
}
