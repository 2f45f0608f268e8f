import { Dexie, type EntityTable } from 'dexie';
import type { CaseRecord } from '../../../shared/domain/case';
import type { EvidenceRecord } from '../../../shared/domain/evidence';
import type { DeadlineRecord } from '../../../shared/domain/deadline';
import type { CaseEvent } from '../../../shared/domain/events';
import { DB_NAME, declareVersions } from './migrations';

export type LiuZhengDb = Dexie & {
  cases: EntityTable<CaseRecord, 'id'>;
  evidence: EntityTable<EvidenceRecord, 'id'>;
  events: EntityTable<CaseEvent, 'id'>;
  deadlines: EntityTable<DeadlineRecord, 'id'>;
};

export function openDb(name = DB_NAME): LiuZhengDb {
  const db = new Dexie(name) as LiuZhengDb;
  declareVersions(db);
  return db;
}
