// The audit log's vocabulary and its hash chain. Each line of <vault>/audit/log.jsonl is one entry;
// `hash` is the SHA-256 of the entry's canonical JSON without `hash`, and `prev` is the previous
// entry's hash, so editing, deleting, inserting or reordering any line breaks the chain.
import { z } from 'zod';

export const AUDIT_ACTIONS = [
  'import',
  'edit',
  'move',
  'status',
  'case',
  'delete',
  'restore',
  'purge',
  'export',
  'backup',
  'vault-restore',
  'repair',
  'quarantine',
  'log-repaired',
  // An action taken back from its 撤销 toast; the reversing move, restore or status change is logged too.
  'undo',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What the renderer may report; everything else only main knows happened. */
export const RENDERER_AUDIT_ACTIONS = ['edit', 'move', 'status', 'case', 'undo'] as const satisfies readonly AuditAction[];

export const GENESIS_HASH = '0'.repeat(64);
export const MAX_AUDIT_DETAIL = 500;

export interface AuditInput {
  action: AuditAction;
  caseId: string | null;
  evidenceId: string | null;
  sha256: string | null;
  /** Short, already-human text: a file name, "标题 → 新标题", a status. */
  detail: string;
}

export interface AuditEntry extends AuditInput {
  seq: number;
  /** ISO 8601 UTC instant. */
  at: string;
  source: 'main' | 'renderer';
  prev: string;
  hash: string;
  /** HMAC-SHA256 of `hash` under the vault's audit key: a rewrite without the key cannot produce it. */
  mac?: string;
}

/** The chain's head as last seen, kept outside the log (IndexedDB, backups, bundle manifests). */
export interface ChainHead {
  seq: number;
  hash: string;
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const token = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const auditEntrySchema = z
  .object({
    seq: z.number().int().min(1),
    at: z.string().min(1).max(40),
    source: z.enum(['main', 'renderer']),
    action: z.enum(AUDIT_ACTIONS),
    caseId: token.nullable(),
    evidenceId: token.nullable(),
    sha256: hex64.nullable(),
    detail: z.string().max(MAX_AUDIT_DETAIL * 2),
    prev: hex64,
    hash: hex64,
    mac: hex64.optional(),
  })
  .strict() satisfies z.ZodType<AuditEntry>;

/** JSON with keys sorted at every level: the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export type HashHex = (text: string) => string;

/** The text an entry's hash covers: every field but the hash itself. */
export function hashedText(entry: Omit<AuditEntry, 'hash'> | AuditEntry): string {
  const { hash: _hash, mac: _mac, ...rest } = entry as AuditEntry;
  return canonicalJson(rest);
}

export function sealEntry(body: Omit<AuditEntry, 'hash' | 'mac'>, hashHex: HashHex, mac?: HashHex): AuditEntry {
  const hash = hashHex(hashedText(body));
  return mac ? { ...body, hash, mac: mac(hash) } : { ...body, hash };
}

/** Cuts a detail to the limit without splitting a character. */
export function clampDetail(detail: string): string {
  const chars = [...detail];
  return chars.length <= MAX_AUDIT_DETAIL ? detail : `${chars.slice(0, MAX_AUDIT_DETAIL - 1).join('')}…`;
}
