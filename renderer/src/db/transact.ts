// One Dexie transaction over every table a record change touches. The repositories' own transactions
// nest inside it (Dexie joins a sub-transaction whose tables are in scope), so a move or a delete
// commits its evidence row, timeline events, extraction and search rows together or not at all.
import type { LiuZhengDb } from './db';

export function createTransact(db: LiuZhengDb): <T>(work: () => Promise<T>) => Promise<T> {
  return (work) => db.transaction('rw', [db.cases, db.caseDetails, db.evidence, db.events, db.extractions, db.searchDocs], work);
}
