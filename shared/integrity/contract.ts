// IPC contract for integrity: the audit log, the trash, the vault check and bundle verification.
// Main owns all four; the renderer reports its own edits through one narrow, bounded method.
import { pageProvenanceSchema } from '../webpage/provenance';
import { z } from 'zod';
import { CAPTURE_SOURCES, EVIDENCE_KINDS, IMPORT_SOURCES, MEDIA_TYPES, type EvidenceRecord } from '../domain/evidence';
import { MAX_AUDIT_DETAIL, RENDERER_AUDIT_ACTIONS, type ChainHead } from './audit';
import type { ChainIssue, VerifiedEntry } from './chain';

export interface AuditReport {
  action: (typeof RENDERER_AUDIT_ACTIONS)[number];
  caseId: string;
  evidenceId: string | null;
  sha256: string | null;
  detail: string;
}

export interface HistoryRequest {
  caseId: string;
}

export interface CaseHistory {
  /** This case's entries, oldest first, each with its own chain status. */
  entries: VerifiedEntry[];
  /** The whole log's verdict: one broken link anywhere makes every case's history suspect. */
  intact: boolean;
  issues: ChainIssue[];
  totalEntries: number;
}

export interface TrashEntry {
  id: string;
  sha256: string;
  /** ISO 8601 UTC. */
  trashedAt: string;
  daysLeft: number;
  caseTitle: string;
  record: EvidenceRecord;
}

export interface TrashMoveRequest {
  record: EvidenceRecord;
  caseTitle: string;
}

export interface TrashRef {
  id: string;
}

export interface PurgeRequest extends TrashRef {
  /** Every sha256 a live record names: those bytes are never deleted. */
  liveSha256: string[];
}

export interface PurgeExpiredRequest {
  /** Every sha256 a live record names: those bytes are never deleted. */
  liveSha256: string[];
}

export interface PurgeReport {
  purged: number;
}

export interface CheckRecord {
  sha256: string;
  evidenceId: string;
  caseId: string;
  title: string;
}

export interface OrphanSummary {
  sha256: string;
  originalName: string;
  size: number;
}

export interface VaultCheckRequest {
  records: CheckRecord[];
}

export interface CheckMismatch {
  sha256: string;
  /** What the stored bytes hash to now. */
  actual: string;
  records: CheckRecord[];
}

export interface VaultCheckReport {
  runId: string;
  cancelled: boolean;
  total: number;
  checked: number;
  matched: number;
  mismatches: CheckMismatch[];
  /** Records whose original is not in the vault. */
  missing: CheckRecord[];
  /** Originals no record names (an interrupted import); re-adopting them is safe. */
  orphans: OrphanSummary[];
  /** Thumbnails or display copies that are gone; rebuilding them is safe. */
  derivedMissing: number;
}

export interface VaultCheckProgress {
  runId: string;
  done: number;
  total: number;
}

export interface RunRef {
  runId: string;
}

export interface QuarantineRequest {
  sha256: string;
}

export type { BundleItemStatus, BundleVerifyItem, BundleVerifyReport, PdfCheck, PdfCheckKind, PdfIntegrity, PdfProblem, PdfProblemCode } from './verifyReport';
import type { BundleVerifyReport } from './verifyReport';

export interface VerifyBundleRequest {
  kind: 'pdf' | 'folder';
}

export interface AnchorRequest {
  /** The head the renderer kept in IndexedDB; null on first start. */
  seen: ChainHead | null;
}

export interface AnchorReply {
  /** The head to keep now (never lower than one seen while the log fails to reach it). */
  head: ChainHead;
  intact: boolean;
  /** 记录被截断 or rewritten: the log no longer reaches the head seen. */
  truncated: boolean;
}

export type IntegrityApi = {
  'audit:record': (req: AuditReport) => Promise<void>;
  /** Checks the log against the head kept outside it, and returns the head to keep. */
  'audit:anchor': (req: AnchorRequest) => Promise<AnchorReply>;
  'audit:history': (req: HistoryRequest) => Promise<CaseHistory>;
  'trash:move': (req: TrashMoveRequest) => Promise<TrashEntry>;
  'trash:list': (req: Record<string, never>) => Promise<TrashEntry[]>;
  /** Puts the original back; the renderer then writes the returned record again. */
  'trash:restore': (req: TrashRef) => Promise<TrashEntry>;
  'trash:purge': (req: PurgeRequest) => Promise<void>;
  'trash:purgeExpired': (req: PurgeExpiredRequest) => Promise<PurgeReport>;
  'vaultCheck:run': (req: VaultCheckRequest) => Promise<VaultCheckReport>;
  'vaultCheck:cancel': (req: RunRef) => Promise<void>;
  'vaultCheck:quarantine': (req: QuarantineRequest) => Promise<void>;
  /** Main shows the open dialog; null when the buyer cancels. */
  'verify:bundle': (req: VerifyBundleRequest) => Promise<BundleVerifyReport | null>;
  /** Stops the verification under way; it then answers null, as if nothing was chosen. */
  'verify:cancel': (req: Record<string, never>) => Promise<void>;
};

export type IntegrityEvents = {
  'vaultCheck:progress': VaultCheckProgress;
};

export const INTEGRITY_API_METHODS = {
  auditRecord: 'audit:record',
  auditAnchor: 'audit:anchor',
  caseHistory: 'audit:history',
  trashEvidence: 'trash:move',
  listTrash: 'trash:list',
  restoreTrash: 'trash:restore',
  purgeTrash: 'trash:purge',
  purgeExpiredTrash: 'trash:purgeExpired',
  checkVault: 'vaultCheck:run',
  cancelVaultCheck: 'vaultCheck:cancel',
  quarantineBlob: 'vaultCheck:quarantine',
  verifyBundle: 'verify:bundle',
  cancelVerifyBundle: 'verify:cancel',
} as const satisfies Record<string, keyof IntegrityApi>;

export const INTEGRITY_API_EVENTS = {
  onVaultCheckProgress: 'vaultCheck:progress',
} as const satisfies Record<string, keyof IntegrityEvents>;

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'ids are url-safe tokens');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256');
const text = (max: number) => z.string().max(max);
const dim = z.number().int().positive().max(1_000_000).nullable();
export const MAX_CHECK_RECORDS = 1_000_000;

export const evidenceRecordSchema = z
  .object({
    id,
    caseId: id,
    sha256,
    size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    originalName: text(1024),
    mime: text(200),
    mediaType: z.enum(MEDIA_TYPES),
    format: text(32),
    width: dim,
    height: dim,
    durationSec: z.number().nonnegative().max(1e9).nullable(),
    capturedAt: text(40),
    captureSource: z.enum(CAPTURE_SOURCES),
    hasThumbnail: z.boolean(),
    page: pageProvenanceSchema.optional(),
    kind: z.enum(EVIDENCE_KINDS),
    title: text(1000),
    note: text(20_000),
    importedAt: text(40),
    importSource: z.enum(IMPORT_SOURCES),
  })
  .strict() satisfies z.ZodType<EvidenceRecord>;

const checkRecord = z.object({ sha256, evidenceId: id, caseId: id, title: text(1000) }).strict();

export const integritySchemas = {
  'audit:record': z
    .object({ action: z.enum(RENDERER_AUDIT_ACTIONS), caseId: id, evidenceId: id.nullable(), sha256: sha256.nullable(), detail: text(MAX_AUDIT_DETAIL) })
    .strict(),
  'audit:anchor': z.object({ seen: z.object({ seq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), hash: sha256 }).strict().nullable() }).strict(),
  'audit:history': z.object({ caseId: id }).strict(),
  'trash:move': z.object({ record: evidenceRecordSchema, caseTitle: text(500) }).strict(),
  'trash:list': z.object({}).strict(),
  'trash:restore': z.object({ id }).strict(),
  'trash:purge': z.object({ id, liveSha256: z.array(sha256).max(MAX_CHECK_RECORDS) }).strict(),
  'trash:purgeExpired': z.object({ liveSha256: z.array(sha256).max(MAX_CHECK_RECORDS) }).strict(),
  'vaultCheck:run': z.object({ records: z.array(checkRecord).max(MAX_CHECK_RECORDS) }).strict(),
  'vaultCheck:cancel': z.object({ runId: id }).strict(),
  'vaultCheck:quarantine': z.object({ sha256 }).strict(),
  'verify:bundle': z.object({ kind: z.enum(['pdf', 'folder']) }).strict(),
  'verify:cancel': z.object({}).strict(),
} satisfies { [C in keyof IntegrityApi]: z.ZodType<Parameters<IntegrityApi[C]>[0]> };
