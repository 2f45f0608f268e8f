// Every schema version the app has ever shipped stays here, oldest first. Dexie needs the full
// history to upgrade a vault that skipped releases; never edit a published version, add one.
import type { Dexie } from 'dexie';

export const DB_NAME = 'liuzheng';

export function declareVersions(db: Dexie): void {
  db.version(1).stores({
    cases: 'id, status, updatedAt',
    evidence: 'id, caseId, sha256, [caseId+importedAt], kind',
    events: 'id, caseId, [caseId+at]',
  });
  // v2: deadlines, indexed by due time so the case list and the calendar read them in order.
  db.version(2).stores({
    deadlines: 'id, caseId, dueAt, [caseId+dueAt]',
  });
  // v3: what OCR and chat-log parsing extracted from each item, with the buyer's corrections, and
  // the full-text index over titles, notes, OCR text and chat messages.
  db.version(3).stores({
    extractions: 'evidenceId, caseId, sha256',
    searchDocs: 'id, evidenceId, caseId, kind, platform, date, *grams',
  });
  // v4: app settings as key → value rows (deadline preset lengths, default reminder offsets).
  db.version(4).stores({
    settings: 'key',
  });
  // v5: what a case.json carries beyond the case record (target, 事实与理由, both parties), per case.
  db.version(5).stores({
    caseDetails: 'caseId',
  });
}
