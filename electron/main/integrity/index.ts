// Integrity for the app and the tests alike: the audit log, the trash, the vault check and bundle
// verification, wired to the integrity channels. `withAudit` decorates the other features' handlers
// so imports and exports are logged without those features knowing about the log.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { BundleExportRequest } from '../../../shared/bundle/contract';
import type { CaseFolderExportRequest } from '../../../shared/portable/contract';
import type { AuditInput } from '../../../shared/integrity/audit';
import type { IntegrityApi, VaultCheckProgress } from '../../../shared/integrity/contract';
import type { Handlers, ImportBatch } from '../../../shared/ipc/contract';
import type { IntentApi } from '../../../shared/integrity/intents';
import { createIntentHandlers, createIntentStore } from '../intents/store';
import { vaultLayout } from '../vault/layout';
import { createAuditLog, type AuditLog } from './audit';
import { checkVault, quarantineBlob } from './check';
import { createTrash, type TrashStore } from './trash';
import { verifyBundle, VerifyInputError } from './verifyBundle';
import { VaultError } from '../vault/errors';

export type { AuditRecorder } from './audit';

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
}

export interface Integrity {
  audit: AuditLog;
  trash: TrashStore;
  handlers: IntegrityApi & IntentApi;
  /** The same handlers, with imports and exports written to the audit log. */
  withAudit(handlers: Omit<Handlers, keyof IntegrityApi | keyof IntentApi>): Handlers;
}

const IMPORT_CHANNELS = ['vault:importFiles', 'vault:importFolder', 'vault:importDropped', 'vault:importClipboardImage'] as const;

function importEntries(caseId: string, batch: ImportBatch): AuditInput[] {
  if (batch.cancelled && batch.items.length === 0) return [];
  return batch.items.map((item) => ({
    action: 'import',
    caseId,
    evidenceId: null,
    sha256: item.blob.sha256,
    detail: `${item.blob.originalName}${item.alreadyStored ? '（已在证据库中）' : ''}`,
  }));
}

export function createIntegrity(opts: IntegrityOptions): Integrity {
  const now = opts.now ?? (() => new Date());
  const layout = vaultLayout(opts.vaultDir);
  const audit = createAuditLog({ vaultDir: opts.vaultDir, now });
  const trash = createTrash({ layout, audit, now, exclusive: opts.exclusive });
  const intents = createIntentStore({ layout, audit, trash, now, exclusive: opts.exclusive });
  const runs = new Map<string, AbortController>();

  const handlers: IntegrityApi & IntentApi = {
    ...createIntentHandlers(intents),
    'audit:record': async (req) => {
      await audit.recordAll([req], 'renderer');
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
      try {
        return await verifyBundle(target, opts.vaultDir);
      } catch (err) {
        if (err instanceof VerifyInputError) throw new VaultError('invalid-request', err.message.replace(target, path.basename(target)));
        throw err;
      }
    },
  };

  const withAudit = (inner: Omit<Handlers, keyof IntegrityApi | keyof IntentApi>): Handlers => {
    const out: Handlers = { ...inner, ...handlers };
    for (const channel of IMPORT_CHANNELS) {
      const original = inner[channel] as (req: { caseId: string }) => Promise<ImportBatch>;
      out[channel] = async (req: { caseId: string }) => {
        const batch = await original(req);
        await audit.recordAll(importEntries(req.caseId, batch));
        return batch;
      };
    }
    const importFolder = inner['case:importFolder'];
    out['case:importFolder'] = async (req: { caseId: string }) => {
      const imported = await importFolder(req);
      if (imported !== null) {
        await audit.recordAll(
          imported.evidence.map((e) => ({ action: 'import', caseId: req.caseId, evidenceId: null, sha256: e.blob.sha256, detail: `${e.blob.originalName}（案件文件夹 ${path.basename(imported.dir)}）` })),
        );
      }
      return imported;
    };
    const exportFolder = inner['case:exportFolder'];
    out['case:exportFolder'] = async (req: CaseFolderExportRequest) => {
      const written = await exportFolder(req);
      if (written !== null) {
        const caseId = await audit.caseOf(req.evidence.map((e) => e.sha256));
        await audit.record({ action: 'export', caseId, evidenceId: null, sha256: null, detail: `案件文件夹：${path.basename(written.dir)}（${req.evidence.length} 份证据）` });
      }
      return written;
    };
    const exportBundle = inner['bundle:export'];
    out['bundle:export'] = async (req: BundleExportRequest) => {
      const summary = await exportBundle(req);
      if (summary !== null) {
        const caseId = await audit.caseOf(req.input.evidence.map((e) => e.sha256));
        const files = summary.files.map((f) => path.basename(f)).join('、');
        await audit.record({ action: 'export', caseId, evidenceId: null, sha256: null, detail: `${req.format === 'pdf' ? 'PDF' : '文件夹'}：${files}（${summary.exhibits} 份证据）` });
      }
      return summary;
    };
    return out;
  };

  return { audit, trash, handlers, withAudit };
}
