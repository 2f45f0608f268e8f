// The renderer's database as a backup holds it (db.json): every Dexie table, row for row. Known tables
// get their key fields checked; other fields pass through untouched, so a record written by a newer
// build of the same schema version survives a round trip. Unknown tables are kept as plain rows and the
// renderer refuses them if its own schema lacks the table.
import { z } from 'zod';
import { MEDIA_TYPES } from '../domain/evidence';

export const DB_SNAPSHOT_FORMAT = 1;
/** A restore refuses more rows than this per table: a hostile db.json must not exhaust memory first. */
export const MAX_ROWS_PER_TABLE = 2_000_000;

const id = z.string().min(1).max(200);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256');
const text = z.string().max(100_000);
/** Short fields (status, kinds, timestamps): bounded like every string that crosses IPC. */
const short = z.string().max(200);

const caseRow = z.looseObject({ id, title: text, platform: short, status: short, createdAt: short, updatedAt: short });
const evidenceRow = z.looseObject({
  id,
  caseId: id,
  sha256,
  size: z.number().int().nonnegative(),
  originalName: text,
  mediaType: z.enum(MEDIA_TYPES),
  kind: short,
  importedAt: short,
});
const eventRow = z.looseObject({ id, caseId: id, at: short, type: short });
const deadlineRow = z.looseObject({ id, caseId: id, label: text, dueAt: z.number().finite(), done: z.boolean() });
const extractionRow = z.looseObject({ evidenceId: id, caseId: id, sha256 });
const searchDocRow = z.looseObject({ id, evidenceId: id, caseId: id, grams: z.array(short).max(1_000_000) });
const settingRow = z.looseObject({ key: id });
const caseDetailsRow = z.looseObject({ caseId: id });
const anyRow = z.looseObject({});

/** Each known table and the field that is its primary key. */
export const KNOWN_TABLES = {
  cases: { row: caseRow, key: 'id' },
  evidence: { row: evidenceRow, key: 'id' },
  events: { row: eventRow, key: 'id' },
  deadlines: { row: deadlineRow, key: 'id' },
  extractions: { row: extractionRow, key: 'evidenceId' },
  searchDocs: { row: searchDocRow, key: 'id' },
  settings: { row: settingRow, key: 'key' },
  caseDetails: { row: caseDetailsRow, key: 'caseId' },
} as const;

const rows = <T extends z.ZodType>(row: T) => z.array(row).max(MAX_ROWS_PER_TABLE);

const tablesSchema = z
  .object({
    cases: rows(caseRow),
    evidence: rows(evidenceRow),
    events: rows(eventRow),
    deadlines: rows(deadlineRow),
    extractions: rows(extractionRow),
    searchDocs: rows(searchDocRow).optional(),
    settings: rows(settingRow).optional(),
    caseDetails: rows(caseDetailsRow).optional(),
  })
  .catchall(rows(anyRow));

export const dbSnapshotSchema = z
  .object({
    format: z.literal(DB_SNAPSHOT_FORMAT),
    dbName: z.string().min(1).max(100),
    /** Dexie's version number (db.verno) when the snapshot was taken. */
    dbVersion: z.number().int().positive().max(10_000),
    tables: tablesSchema,
  })
  .strict()
  .superRefine((snap, ctx) => {
    for (const [name, spec] of Object.entries(KNOWN_TABLES)) {
      const list: readonly Record<string, unknown>[] = snap.tables[name] ?? [];
      const seen = new Set<unknown>();
      for (const row of list) {
        const key = row[spec.key];
        if (seen.has(key)) {
          ctx.addIssue({ code: 'custom', path: ['tables', name], message: `duplicate ${spec.key} "${String(key).slice(0, 80)}" in table ${name}` });
          return;
        }
        seen.add(key);
      }
    }
  });

export type DbSnapshot = z.infer<typeof dbSnapshotSchema>;
export type DbRow = Record<string, unknown>;

/** Local-storage settings and the reminder options, as settings.json holds them. */
export const backupSettingsSchema = z
  .object({
    /** The renderer's own `liuzheng.*` keys (language and any later preference). */
    local: z.record(z.string().regex(/^liuzheng\.[A-Za-z0-9._-]{1,100}$/), z.string().max(100_000)),
    reminders: z.object({ launchAtLogin: z.boolean() }).strict().nullable(),
  })
  .strict();

export type BackupSettings = z.infer<typeof backupSettingsSchema>;

/** What a restore's confirmation shows before anything is replaced. */
export interface SnapshotCounts {
  cases: number;
  evidence: number;
  deadlines: number;
}

export function countSnapshot(snap: DbSnapshot): SnapshotCounts {
  return { cases: snap.tables.cases.length, evidence: snap.tables.evidence.length, deadlines: snap.tables.deadlines.length };
}
