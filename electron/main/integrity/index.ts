// Integrity for the app and the tests alike: the audit log, the trash, the vault check and bundle
// verification, wired to the integrity channels. What other features write to the log they declare
// themselves (an AuditDecoration each, see decorate.ts); the composition root applies them.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { IntegrityApi, VaultCheckProgress } from '../../../shared/integrity/contract';
import type { IntentApi } from '../../../shared/integrity/intents';
import { createIntentHandlers, createIntentStore } from '../intents/store';
import { vaultLayout } from '../vault/layout';
import { createAuditLog, type AuditLog } from './audit';
import { createVaultKeys, plainSealer, type VaultKeys } from '../signing/keys';
import { checkVault, quarantineBlob } from './check';
import { createTrash, type TrashStore } from './trash';
import { verifyBundle, VerifyInputError } from './verifyBundle';
import { VaultError } from '../vault/errors';

export type { AuditRecorder } from './audit';
export { withAudit, type AuditDecoration } from './decorate';

export interface IntegrityPorts {
  /** The open dialog for a PDF; null when the buyer cancels. */
  pickBundlePdf(): Promise<string | null>;
  pickBundleFolder(): Promise<string | null>;
}

export interface IntegrityOptions {
  vaultDir: string;
  now?: () => Date;
  /** The vault service's own lock, so trash moves never race an import or a reconcile. */
  exclusive: <T>(work: () => Promise<T>) => Promise<T>;
  onCheckProgress: (p: VaultCheckProgress) => void;
  ports: IntegrityPorts;
  /** The vault's keys (the audit HMAC key); default: the key files with no OS keystore. */
  keys?: VaultKeys;
}

export interface Integrity {
  audit: AuditLog;
  trash: TrashStore;
  handlers: IntegrityApi & IntentApi;
}

export function createIntegrity(opts: IntegrityOptions): Integrity {
  const now = opts.now ?? (() => new Date());
  const layout = vaultLayout(opts.vaultDir);
  const keys = opts.keys ?? createVaultKeys({ vaultDir: opts.vaultDir, sealer: plainSealer, now });
  const audit = createAuditLog({ vaultDir: opts.vaultDir, now, key: (head) => keys.audit(head) });
  const trash = createTrash({ layout, audit, now, exclusive: opts.exclusive });
  const intents = createIntentStore({ layout, audit, trash, now, exclusive: opts.exclusive });
  const runs = new Map<string, AbortController>();
  let verifying: AbortController | null = null;

  const handlers: IntegrityApi & IntentApi = {
    ...createIntentHandlers(intents),
    'audit:record': async (req) => {
      await audit.recordAll([req], 'renderer');
    },
    'audit:anchor': async ({ seen }) => {
      if (seen !== null) audit.anchor(seen);
      const report = await audit.read();
      const head = await audit.head();
      // Only a head the log still reaches goes back to be stored; a cut log never lowers the anchor.
      const truncated = report.issues.some((i) => i.kind === 'truncated' || i.kind === 'rewritten');
      return { head: truncated && seen !== null ? seen : head, intact: report.intact, truncated };
    },
    'audit:history': async ({ caseId }) => {
      const report = await audit.read();
      return { entries: report.entries.filter((e) => e.caseId === caseId), intact: report.intact, issues: report.issues, totalEntries: report.entries.length };
    },
    'trash:move': ({ record, caseTitle }) => trash.move(record, caseTitle),
    'trash:list': () => trash.list(),
    'trash:restore': ({ id }) => trash.restore(id),
    'trash:purge': ({ id, liveSha256 }) => trash.purge(id, liveSha256),
    'trash:purgeExpired': ({ liveSha256 }) => trash.purgeExpired(liveSha256),
    'vaultCheck:run': async ({ records }) => {
      const runId = randomBytes(8).toString('hex');
      const controller = new AbortController();
      runs.set(runId, controller);
      try {
        return await checkVault(layout, records, { runId, signal: controller.signal, onProgress: opts.onCheckProgress });
      } finally {
        runs.delete(runId);
      }
    },
    'vaultCheck:cancel': async ({ runId }) => {
      // A cancel for a run that finished or never was is not an error: the buyer's intent is met.
      runs.get(runId)?.abort();
    },
    'vaultCheck:quarantine': async ({ sha256 }) => {
      const caseId = await audit.caseOf([sha256]);
      await opts.exclusive(() => quarantineBlob(layout, sha256, audit, now(), caseId));
    },
    'verify:bundle': async ({ kind }) => {
      const target = kind === 'pdf' ? await opts.ports.pickBundlePdf() : await opts.ports.pickBundleFolder();
      if (target === null) return null;
      // One verification at a time; a new one replaces (and stops) the last.
      verifying?.abort();
      const run = new AbortController();
      verifying = run;
      try {
        return await verifyBundle(target, opts.vaultDir, run.signal);
      } catch (err) {
        if (run.signal.aborted) return null;
        if (err instanceof VerifyInputError) throw new VaultError('invalid-request', err.message.replace(target, path.basename(target)));
        throw err;
      } finally {
        if (verifying === run) verifying = null;
      }
    },
    'verify:cancel': async () => {
      verifying?.abort();
    },
  };

  return { audit, trash, handlers };
}
