// The trash: deleted evidence is kept 30 days under <vault>/trash/<id>.{entry.json,blob,meta.json}.
// The entry is written before the original moves, so a crash leaves at worst an entry whose bytes
// are still in blobs/, never bytes nothing points to. Purging respects live records (see purgeStep).
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { evidenceRecordSchema, type PurgeReport, type TrashEntry } from '../../../shared/integrity/contract';
import type { EvidenceRecord } from '../../../shared/domain/evidence';
import { isTrashExpired, purgeStep, trashDaysLeft } from '../../../shared/integrity/trash';
import { ensureDerived } from '../vault/derived';
import { writeFileAtomic, fsyncDir } from '../fs/atomic';
import { hasErrorCode } from '../fs/errors';
import { hashFile } from '../fs/hash';
import { VaultError } from '../vault/errors';
import { assertSha256, ensureLayout, type VaultLayout } from '../vault/layout';
import { readSidecar } from '../vault/sidecar';
import { exists } from '../vault/store';
import type { AuditRecorder } from './audit';
import { moveToQuarantine } from './check';

const storedSchema = z
  .object({ id: z.string().regex(/^[0-9a-f]{24}$/), sha256: z.string().regex(/^[0-9a-f]{64}$/), trashedAt: z.string(), caseTitle: z.string(), record: evidenceRecordSchema })
  .strict();
type Stored = z.infer<typeof storedSchema>;

export interface TrashStore {
  move(record: EvidenceRecord, caseTitle: string): Promise<TrashEntry>;
  list(): Promise<TrashEntry[]>;
  restore(id: string): Promise<TrashEntry>;
  purge(id: string, liveSha256: readonly string[]): Promise<void>;
  purgeExpired(liveSha256: readonly string[]): Promise<PurgeReport>;
  /**
   * For a delete a crash interrupted (call under the vault's lock): true when the item is in the trash,
   * finishing the move if the entry was written but the original had not moved yet; false when it never
   * got there, so the original is still where it was.
   */
  settleDelete(evidenceId: string, sha256: string): Promise<boolean>;
  /** The same for a restore: true when the original is back (its entry is then removed), false when it is still in the trash. */
  settleRestore(id: string): Promise<boolean>;
}

export interface TrashOptions {
  layout: VaultLayout;
  audit: AuditRecorder;
  now: () => Date;
  /** Runs `work` while no import, reconcile or other trash move touches the vault. */
  exclusive: <T>(work: () => Promise<T>) => Promise<T>;
}

async function removeFile(file: string): Promise<void> {
  // Originals are stored read-only; Windows refuses to unlink those.
  await chmod(file, 0o644).catch(() => undefined);
  await rm(file, { force: true });
}

async function moveIfPresent(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to);
    return true;
  } catch (err) {
    if (hasErrorCode(err, 'ENOENT')) return false;
    throw err;
  }
}

export function createTrash(opts: TrashOptions): TrashStore {
  const { layout, audit, now } = opts;
  const dir = layout.trashDir;
  const entryFile = layout.trashEntry;
  const blobFile = layout.trashBlob;
  const metaFile = layout.trashMeta;
  const view = (s: Stored): TrashEntry => ({ ...s, daysLeft: trashDaysLeft(Date.parse(s.trashedAt), now().getTime()) });

  const readStored = async (id: string): Promise<Stored> => {
    if (!/^[0-9a-f]{24}$/.test(id)) throw new VaultError('invalid-request', 'Not a trash item id.');
    try {
      return storedSchema.parse(JSON.parse(await readFile(entryFile(id), 'utf8')));
    } catch (err) {
      if (hasErrorCode(err, 'ENOENT')) throw new VaultError('not-found', 'This item is no longer in the trash.');
      throw new VaultError('corrupt-file', 'This trash entry is damaged and cannot be read.', { cause: err });
    }
  };

  const listStored = async (): Promise<Stored[]> => {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (err) {
      if (hasErrorCode(err, 'ENOENT')) return [];
      throw err;
    }
    const out: Stored[] = [];
    for (const name of names.filter((n) => n.endsWith('.entry.json'))) {
      // A damaged entry is left on disk for a human; it is not listed, and never purged.
      const stored = await readStored(name.slice(0, -'.entry.json'.length)).catch(() => null);
      if (stored) out.push(stored);
    }
    return out.sort((a, b) => b.trashedAt.localeCompare(a.trashedAt));
  };

  /**
   * Removes one entry, deleting the trashed bytes only when no live record needs them. `others`: the
   * entries still in the trash besides this one (read once by the caller, not once per entry).
   */
  const purgeOne = async (s: Stored, live: ReadonlySet<string>, others: readonly Stored[]): Promise<void> => {
    const step = purgeStep(s.sha256, live, await exists(layout.blob(s.sha256)));
    if (step === 'return-blob') {
      await mkdir(path.dirname(layout.blob(s.sha256)), { recursive: true });
      await moveIfPresent(blobFile(s.id), layout.blob(s.sha256));
      await moveIfPresent(metaFile(s.id), layout.meta(s.sha256));
    }
    await removeFile(blobFile(s.id));
    await rm(metaFile(s.id), { force: true });
    await rm(entryFile(s.id), { force: true });
    await fsyncDir(dir);
    // A saved page's folder (its `_files`, a capture's screenshot and manifest) goes with its last copy:
    // kept while a live record or another trash entry may still show the page.
    if (step === 'delete-blob' && !others.some((o) => o.sha256 === s.sha256)) await rm(layout.pageDir(s.sha256), { recursive: true, force: true });
  };

  /** Moves the original and its sidecar into the trash beside their entry; derived copies go. */
  const moveIn = async (s: Stored): Promise<void> => {
    await moveIfPresent(layout.blob(s.sha256), blobFile(s.id));
    await moveIfPresent(layout.meta(s.sha256), metaFile(s.id));
    await fsyncDir(dir);
    await fsyncDir(path.dirname(layout.blob(s.sha256)));
    await rm(layout.thumb(s.sha256), { force: true });
    await rm(layout.display(s.sha256), { force: true });
  };

  return {
    move: (record, caseTitle) =>
      opts.exclusive(async () => {
        const sha = assertSha256(record.sha256);
        await ensureLayout(layout);
        if (!(await exists(layout.blob(sha)))) throw new VaultError('not-found', 'The original of this item is not in the vault.');
        const stored: Stored = { id: randomBytes(12).toString('hex'), sha256: sha, trashedAt: now().toISOString(), caseTitle, record };
        await writeFileAtomic(entryFile(stored.id), `${JSON.stringify(stored, null, 2)}\n`, { tmpPath: layout.tmp('.json') });
        await moveIn(stored);
        await audit.record({ action: 'delete', caseId: record.caseId, evidenceId: record.id, sha256: sha, detail: `${record.title} → 回收站` });
        return view(stored);
      }),

    list: async () => (await listStored()).map(view),

    restore: (id) =>
      opts.exclusive(async () => {
        const s = await readStored(id);
        const target = layout.blob(s.sha256);
        await mkdir(path.dirname(target), { recursive: true });
        if (await exists(target)) {
          // The same bytes were imported again meanwhile: the vault copy serves both.
          await removeFile(blobFile(id));
        } else if ((await exists(blobFile(id))) && (await hashFile(blobFile(id))) !== s.sha256) {
          // Every path into blobs/ checks that the bytes hash to the name: a trash file changed on disk
          // must not become blobs/<sha> holding other bytes.
          await moveToQuarantine(layout, blobFile(id), s.sha256, now());
          await audit.record({ action: 'quarantine', caseId: s.record.caseId, evidenceId: s.record.id, sha256: s.sha256, detail: `${s.record.title}：回收站中的原件与其 SHA-256 不符，已移入 quarantine/（未恢复）` });
          throw new VaultError('corrupt-file', `The trashed original of "${s.record.title}" no longer matches its SHA-256: it was moved to quarantine/ and not restored.`);
        } else if (!(await moveIfPresent(blobFile(id), target))) {
          throw new VaultError('not-found', 'The original of this trash item is gone.');
        }
        if (!(await exists(layout.meta(s.sha256)))) await moveIfPresent(metaFile(id), layout.meta(s.sha256));
        await rm(metaFile(id), { force: true });
        await fsyncDir(path.dirname(target));
        await rm(entryFile(id), { force: true });
        await fsyncDir(dir);
        const sidecar = await readSidecar(layout, s.sha256);
        if (sidecar) await ensureDerived(layout, sidecar.blob).catch(() => 0);
        await audit.record({ action: 'restore', caseId: s.record.caseId, evidenceId: s.record.id, sha256: s.sha256, detail: `${s.record.title} ← 回收站` });
        return view(s);
      }),

    async settleDelete(evidenceId, sha256) {
      const s = (await listStored()).find((e) => e.record.id === evidenceId && e.sha256 === sha256);
      if (!s) return false;
      if (!(await exists(blobFile(s.id)))) await moveIn(s);
      return true;
    },

    async settleRestore(id) {
      const s = await readStored(id).catch(() => null);
      if (s === null) return true;
      if (await exists(blobFile(id))) return false;
      if (!(await exists(layout.meta(s.sha256)))) await moveIfPresent(metaFile(id), layout.meta(s.sha256));
      await rm(metaFile(id), { force: true });
      await rm(entryFile(id), { force: true });
      await fsyncDir(dir);
      return true;
    },

    purge: (id, liveSha256) =>
      opts.exclusive(async () => {
        const s = await readStored(id);
        await purgeOne(s, new Set(liveSha256), (await listStored()).filter((o) => o.id !== s.id));
        await audit.record({ action: 'purge', caseId: s.record.caseId, evidenceId: s.record.id, sha256: s.sha256, detail: `${s.record.title}（永久删除）` });
      }),

    purgeExpired: (liveSha256) =>
      opts.exclusive(async () => {
        const live = new Set(liveSha256);
        const at = now().getTime();
        let purged = 0;
        let left = await listStored();
        for (const s of [...left]) {
          if (!isTrashExpired(Date.parse(s.trashedAt), at)) continue;
          left = left.filter((o) => o.id !== s.id);
          await purgeOne(s, live, left);
          await audit.record({ action: 'purge', caseId: s.record.caseId, evidenceId: s.record.id, sha256: s.sha256, detail: `${s.record.title}（回收站保留期满 30 天）` });
          purged += 1;
        }
        return { purged };
      }),
  };
}
