// The case:* channels: a case folder out (case.json + byte-identical originals) and back in. Plain
// Node with the folder dialogs as ports; the import reads case.json with the CLI's own loader, so a
// path that leaves the folder (../, absolute, a symlink pointing out) is refused the same way.
import { copyFile, mkdir, rm, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { CaseFolderImport, PortableApi, PortableEvidence } from '../../../shared/portable/contract';
import { normalizeLocal } from '../../../shared/portable/mapping';
import type { ImportBatch } from '../../../shared/ipc/contract';
import { fromShanghaiLocal } from '../../../shared/time/shanghai';
import { writeFileAtomic } from '../fs/atomic';
import { hasErrorCode } from '../fs/errors';
import { hashFile } from '../fs/hash';
import { CaseFileError, loadCaseFile } from '../bundle/caseFile';
import { extensionOf, safeName } from '../bundle/folder';
import { freshPath } from '../bundle/handlers';
import type { VaultService } from '../vault';
import { VaultError } from '../vault';
import { vaultLayout } from '../vault/layout';
import type { AuditDecoration } from '../integrity/decorate';

export interface PortablePorts {
  /** The folder to create the case folder in; null when the buyer cancels. */
  chooseExportParent(): Promise<string | null>;
  /** A folder holding case.json; null when the buyer cancels. */
  chooseCaseFolder(): Promise<string | null>;
}

export const CASE_FILE = 'case.json';

/**
 * File names for the copies: the original's own name made safe (it often carries the capture time,
 * which an import reads back), unique without regard to case, and never case.json itself.
 */
export function copyNames(evidence: readonly Pick<PortableEvidence, 'originalName' | 'format' | 'title'>[]): string[] {
  const taken = new Set([CASE_FILE]);
  return evidence.map((e) => {
    const ext = extensionOf(e.originalName, e.format);
    const stem = safeName(path.basename(e.originalName, path.extname(e.originalName)) || e.title, 80);
    let name = `${stem}.${ext}`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem} (${n}).${ext}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

function refuse(message: string): never {
  throw new VaultError('invalid-request', message);
}

export function createPortableHandlers(vault: VaultService, vaultDir: string, ports: PortablePorts, onImported: (batch: ImportBatch) => void): PortableApi {
  const layout = vaultLayout(vaultDir);
  return {
    async 'case:exportFolder'({ case: c, evidence }) {
      const parent = await ports.chooseExportParent();
      if (parent === null) return null;
      const dir = freshPath(path.join(parent, safeName(c.title)));
      await mkdir(dir, { recursive: true });
      const names = copyNames(evidence);
      try {
        for (const [i, e] of evidence.entries()) {
          const target = path.join(dir, names[i] ?? '');
          await copyFile(layout.blob(e.sha256), target);
          if ((await hashFile(target)) !== e.sha256) refuse(`The copy of "${e.title}" does not match its original; the disk may be failing.`);
          await stampCaptureTime(target, e.capturedAt);
        }
        const { events, ...rest } = c;
        const file = { ...rest, evidence: evidence.map((e, i) => ({ file: names[i] ?? '', kind: e.kind, title: e.title, purpose: e.purpose })), events };
        await writeFileAtomic(path.join(dir, CASE_FILE), `${JSON.stringify(file, null, 2)}\n`);
      } catch (err) {
        // A half-written folder would import as a different case; nothing is left instead.
        await rm(dir, { recursive: true, force: true });
        if (hasErrorCode(err, 'ENOENT')) throw new VaultError('not-found', 'An original of this case is missing from the vault.', { cause: err });
        throw err;
      }
      return { dir, files: [CASE_FILE, ...names] };
    },

    async 'case:importFolder'({ caseId }) {
      const dir = await ports.chooseCaseFolder();
      if (dir === null) return null;
      let loaded: Awaited<ReturnType<typeof loadCaseFile>>;
      try {
        loaded = await loadCaseFile(path.join(dir, CASE_FILE));
      } catch (err) {
        if (err instanceof CaseFileError) refuse(err.message);
        throw err;
      }
      for (const [i, e] of loaded.data.events.entries()) {
        if (normalizeLocal(e.at) === null) refuse(`${CASE_FILE}: field "events[${i}].at" is not a date-time like 2026-11-15 20:31 (got "${e.at}")`);
      }
      const batch = await vault.importPaths(caseId, loaded.evidence.map((e) => e.path), 'folder');
      const failure = batch.failures[0];
      if (failure) {
        const i = loaded.evidence.findIndex((e) => path.basename(e.path) === failure.file);
        refuse(`${CASE_FILE}: evidence[${i}].file "${loaded.evidence[i]?.file ?? failure.file}": ${failure.message}`);
      }
      if (batch.items.length !== loaded.evidence.length) refuse(`${CASE_FILE}: the import was cancelled`);
      onImported(batch);
      const { evidence: _files, target, ...fields } = loaded.data;
      return {
        dir: loaded.dir,
        case: { ...fields, target: target ?? 'platform' },
        evidence: batch.items.map((item, i) => {
          const e = loaded.evidence[i];
          return { blob: item.blob, kind: e?.kind ?? 'other', title: e?.title ?? '', purpose: e?.purpose ?? '' };
        }),
      } satisfies CaseFolderImport;
    },
  };
}

/** Sets a copy's modification time to the capture time, for readers that date a file by it. */
export async function stampCaptureTime(file: string, capturedAt: string): Promise<void> {
  const ms = fromShanghaiLocal(capturedAt);
  if (ms !== null) await utimes(file, ms / 1000, ms / 1000);
}

/** A case folder in is one entry per original; a case folder out is one entry under its case. */
export const portableAudit: AuditDecoration<PortableApi> = {
  'case:importFolder': (req, imported) =>
    imported === null
      ? []
      : imported.evidence.map((e) => ({ action: 'import', caseId: req.caseId, evidenceId: null, sha256: e.blob.sha256, detail: `${e.blob.originalName}（案件文件夹 ${path.basename(imported.dir)}）` })),
  'case:exportFolder': async (req, written, log) => {
    if (written === null) return [];
    const caseId = await log.caseOf(req.evidence.map((e) => e.sha256));
    return [{ action: 'export', caseId, evidenceId: null, sha256: null, detail: `案件文件夹：${path.basename(written.dir)}（${req.evidence.length} 份证据）` }];
  },
};
