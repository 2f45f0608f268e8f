import { Dexie, type EntityTable, type Table } from 'dexie';
import type { CaseRecord } from '../../../shared/domain/case';
import type { EvidenceRecord } from '../../../shared/domain/evidence';
import type { DeadlineRecord } from '../../../shared/domain/deadline';
import type { CaseEvent } from '../../../shared/domain/events';
import type { ExtractionRecord } from '../../../shared/domain/review';
import type { SearchDoc } from '../../../shared/search/types';
import type { CaseDetails } from '../../../shared/portable/mapping';
import { DB_NAME, declareVersions } from './migrations';

/** One setting; each reader validates its value, since storage may hold an older or damaged shape. */
export interface SettingRow {
  key: string;
  value: unknown;
}

export type LiuZhengDb = Dexie & {
  cases: EntityTable<CaseRecord, 'id'>;
  evidence: EntityTable<EvidenceRecord, 'id'>;
  events: EntityTable<CaseEvent, 'id'>;
  deadlines: EntityTable<DeadlineRecord, 'id'>;
  extractions: EntityTable<ExtractionRecord, 'evidenceId'>;
  // Row ids are derived by the search repository (date-ordered, per chunk), never auto-generated.
  searchDocs: Table<SearchDoc, string>;
  settings: EntityTable<SettingRow, 'key'>;
  caseDetails: EntityTable<CaseDetails, 'caseId'>;
};

export function openDb(name = DB_NAME): LiuZhengDb {
  const db = new Dexie(name) as LiuZhengDb;
  declareVersions(db);
  return db;
}
