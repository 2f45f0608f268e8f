// Maps the bundle:* channels onto the bundle service. The save dialogs come in as ports so this file
// stays plain Node (the Electron glue passes dialog-backed functions, the tests pass fixed paths).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BundleApi, BundleExportSummary } from '../../../shared/bundle/contract';
import type { RedactionChoice } from '../../../shared/bundle/redactionContract';
import type { BundleInput } from '../../../shared/bundle/types';
import type { AppError } from '../../../shared/ipc/result';
import type { AuditDecoration } from '../integrity/decorate';
import { BundleError } from './errors';
import { safeName } from './folder';
import type { BundleService } from './index';
import { withRedactions } from './redactions';
import type { SecretBox } from '../secrets/box';
import { withCardShopSecrets } from '../secrets/handlers';
import type { CardShopSecrets } from '../../../shared/bundle/contract';
import type { RedactionSource } from './redactions';

export interface BundlePorts {
  /** Where to save the PDF (the dialog suggests `defaultName`); null when the buyer cancels. */
  chooseSavePath(defaultName: string): Promise<string | null>;
  /** A folder to put the export folder in; null when the buyer cancels. */
  chooseFolder(): Promise<string | null>;
}

/** `base`, or `base (2)`, `base (3)`… whichever does not exist yet. */
export function freshPath(base: string): string {
  if (!existsSync(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!existsSync(candidate)) return candidate;
  }
}

export function createBundleHandlers(service: BundleService, ports: BundlePorts, redaction: RedactionSource, secrets: SecretBox): BundleApi {
  // Only an export that asks for redaction looks up the OCR areas; the others go as the renderer sent them.
  const prepare = async (raw: BundleInput, redact: boolean, choices: RedactionChoice[] | undefined, shop?: CardShopSecrets) => {
    const input = await withCardShopSecrets(raw, shop, secrets);
    return redact ? withRedactions(input, choices ?? [], redaction) : input;
  };
  return {
    'bundle:redactionTargets': ({ sha256 }) => redaction.targets(sha256),
    'bundle:preflight': async ({ input, maxBytes, redact, redactions, cardShopSecrets }) => service.preflight(await prepare(input, redact, redactions, cardShopSecrets), { maxBytes, redact }),
    'bundle:export': async ({ input: raw, maxBytes, redact, redactions, cardShopSecrets, format }): Promise<BundleExportSummary | null> => {
      const input = await prepare(raw, redact, redactions, cardShopSecrets);
      const stem = `${safeName(input.case.title)}-证据材料`;
      if (format === 'pdf') {
        const outFile = await ports.chooseSavePath(`${stem}.pdf`);
        if (outFile === null) return null;
        return service.exportBundle(input, { outFile, maxBytes, redact });
      }
      const parent = await ports.chooseFolder();
      if (parent === null) return null;
      const { files, pages, exhibits, parts, warnings } = await service.exportFolder(input, { outDir: freshPath(path.join(parent, stem)), maxBytes, redact });
      return { files, pages, exhibits, parts, warnings };
    },
  };
}

/** An export is one audit entry naming the files written, under the case its originals belong to. */
export const bundleAudit: AuditDecoration<BundleApi> = {
  'bundle:export': async (req, summary, log) => {
    if (summary === null) return [];
    const caseId = await log.caseOf(req.input.evidence.map((e) => e.sha256));
    const files = summary.files.map((f) => path.basename(f)).join('、');
    return [{ action: 'export', caseId, evidenceId: null, sha256: null, detail: `${req.format === 'pdf' ? 'PDF' : '文件夹'}：${files}（${summary.exhibits} 份证据）${summary.fingerprint ? `，签名证书指纹 ${summary.fingerprint}` : ''}` }];
  },
};

/** A BundleError as the IPC layer reports it; null for anything else (the generic mapping applies). */
export function bundleIpcError(err: unknown): AppError | null {
  if (!(err instanceof BundleError)) return null;
  switch (err.code) {
    case 'missing-original':
      return { code: 'not-found', message: err.message };
    case 'hash-mismatch':
      return { code: 'corrupt-file', message: err.message };
    case 'write-failed':
      return { code: 'io', message: err.message };
    case 'font-missing':
      return { code: 'internal', message: err.message };
    case 'invalid-input':
    case 'missing-fields':
    case 'oversize':
    case 'output-exists':
      return { code: 'invalid-request', message: err.message };
  }
}
