// IPC contract for multi-step actions that span main's vault and the renderer's Dexie records
// (move, delete, restore from the trash, case folder import). Main writes the intent to disk before any step; the
// renderer's one Dexie transaction follows; the intent is cleared last. At start-up, main settles
// the vault side of every intent a crash left and the renderer finishes or drops the record side,
// so vault and records agree again; the buyer is told what was finished or undone.
import { z } from 'zod';
import type { EvidenceRecord } from '../domain/evidence';
import { EVENT_TYPES, type CaseEvent } from '../domain/events';
import { MAX_AUDIT_DETAIL, RENDERER_AUDIT_ACTIONS } from './audit';
import { evidenceRecordSchema, type AuditReport } from './contract';

export type ActionIntent =
  | {
      kind: 'move';
      evidenceId: string;
      sha256: string;
      fromCaseId: string;
      toCaseId: string;
      /** The two timeline events the move writes (moved out, moved in). */
      events: CaseEvent[];
      /** Written to the audit log by main when the intent is finished, so a crash cannot lose them. */
      audit: AuditReport[];
    }
  | { kind: 'delete'; evidenceId: string; sha256: string; event: CaseEvent }
  | { kind: 'restore'; trashId: string; record: EvidenceRecord }
  /**
   * A case folder import: main copies the originals in, then the renderer stores the new case. Cut
   * short in between, the case is not created; the copied originals are adopted by the start-up
   * reconcile (nothing is lost) and the buyer is told to import the folder again.
   */
  | { kind: 'import-case'; caseId: string };

export type StoredIntent = ActionIntent & { id: string; at: string };

export interface PendingIntent {
  intent: StoredIntent;
  /**
   * Whether the vault side is complete (main finished it if it had begun): the renderer then makes
   * the records match. False: the vault side never started or was undone, so records stay as they are.
   */
  vaultDone: boolean;
}

export type IntentApi = {
  'intent:begin': (req: ActionIntent) => Promise<{ id: string }>;
  'intent:finish': (req: { id: string }) => Promise<void>;
  /** Settles the vault side of intents left by a crash; the renderer then finishes each one. */
  'intent:pending': (req: Record<string, never>) => Promise<PendingIntent[]>;
};

export const INTENT_API_METHODS = {
  beginIntent: 'intent:begin',
  finishIntent: 'intent:finish',
  pendingIntents: 'intent:pending',
} as const satisfies Record<string, keyof IntentApi>;

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'ids are url-safe tokens');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256');
const local = z.string().max(40);

const caseEventSchema = z
  .object({ id, caseId: id, at: local, type: z.enum(EVENT_TYPES), evidenceId: id.nullable(), detail: z.string().max(2000) })
  .strict() satisfies z.ZodType<CaseEvent>;
const auditSchema = z
  .object({ action: z.enum(RENDERER_AUDIT_ACTIONS), caseId: id, evidenceId: id.nullable(), sha256: sha256.nullable(), detail: z.string().max(MAX_AUDIT_DETAIL) })
  .strict() satisfies z.ZodType<AuditReport>;

export const actionIntentSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('move'), evidenceId: id, sha256, fromCaseId: id, toCaseId: id, events: z.array(caseEventSchema).max(2), audit: z.array(auditSchema).max(2) })
    .strict(),
  z.object({ kind: z.literal('delete'), evidenceId: id, sha256, event: caseEventSchema }).strict(),
  z.object({ kind: z.literal('restore'), trashId: z.string().regex(/^[0-9a-f]{24}$/), record: evidenceRecordSchema }).strict(),
  z.object({ kind: z.literal('import-case'), caseId: id }).strict(),
]) satisfies z.ZodType<ActionIntent>;

export const intentSchemas = {
  'intent:begin': actionIntentSchema,
  'intent:finish': z.object({ id: z.string().regex(/^[0-9a-f]{24}$/) }).strict(),
  'intent:pending': z.object({}).strict(),
} satisfies { [C in keyof IntentApi]: z.ZodType<Parameters<IntentApi[C]>[0]> };
