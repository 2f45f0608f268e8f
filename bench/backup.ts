// bench:backup — a vault of 200 phone-sized photos (real sharp imports, with thumbnails and display
// copies) backed up plain and encrypted, then each archive checked and restored into a fresh profile.
// Prints the vault size and each step's time; checks the restored originals hash as the source's.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createBackupService } from '../electron/main/backup/service';
import { listVaultFiles } from '../electron/main/backup/write';
import { createVaultService } from '../electron/main/vault';
import type { DbSnapshot } from '../shared/backup/snapshot';

const IMAGES = Number(process.env['BENCH_IMAGES'] ?? 200);
const GOAL_MS_PER_100MB = 10_000;

const photo = (i: number) =>
  sharp({ create: { width: 720, height: 1560, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 110 + (i % 40), sigma: 30 } } })
    .jpeg({ quality: 75 })
    .toBuffer();

async function originals(vaultDir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of await listVaultFiles(vaultDir)) if (f.rel.startsWith('blobs/')) out.set(f.rel, createHash('sha256').update(await readFile(f.abs)).digest('hex'));
  return out;
}

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-bench-backup-'));
  try {
    const vaultDir = path.join(root, 'a', 'vault');
    const src = path.join(root, 'src');
    await mkdir(src, { recursive: true });
    const files: string[] = [];
    for (let i = 0; i < IMAGES; i++) {
      const file = path.join(src, `IMG_${String(i).padStart(4, '0')}.jpg`);
      await writeFile(file, await photo(i));
      files.push(file);
    }
    const t0 = Date.now();
    const batch = await createVaultService({ vaultDir }).importPaths('case-1', files, 'dialog');
    console.log(`seeded ${batch.items.length} images in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const files0 = await listVaultFiles(vaultDir);
    const vaultBytes = files0.reduce((n, f) => n + f.size, 0);
    console.log(`vault: ${files0.length} files, ${(vaultBytes / 1024 ** 2).toFixed(1)} MB`);
    const db: DbSnapshot = {
      format: 1,
      dbName: 'liuzheng',
      dbVersion: 3,
      tables: {
        cases: [{ id: 'case-1', title: 'bench', platform: 'taobao', status: 'collecting', createdAt: 't', updatedAt: 't' }],
        evidence: batch.items.map((it, i) => ({ ...it.blob, id: `ev-${i}`, caseId: 'case-1', kind: 'other', title: '', note: '', importedAt: 't', importSource: 'dialog' })),
        events: [],
        deadlines: [],
        extractions: [],
      },
    };
    const before = await originals(vaultDir);
    for (const password of [undefined, 'bench password 2026']) {
      const label = password ? 'encrypted' : 'plain';
      const archive = path.join(root, `backup-${label}`);
      const t1 = Date.now();
      const created = await createBackupService({ vaultDir, appVersion: 'bench' }).create(archive, { db, settings: { local: {}, reminders: null }, ...(password ? { password } : {}) });
      const backupMs = Date.now() - t1;
      const target = path.join(root, `fresh-${label}`, 'vault');
      const svc = createBackupService({ vaultDir: target, appVersion: 'bench' });
      const t2 = Date.now();
      const { token } = await svc.inspect(archive);
      await svc.verify(token, password);
      const verifyMs = Date.now() - t2;
      await svc.apply(token);
      await svc.finish(token, true);
      const restoreMs = Date.now() - t2;
      const after = await originals(target);
      const identical = after.size === before.size && [...before].every(([k, v]) => after.get(k) === v);
      console.log(
        `${label.padEnd(9)} archive ${(created.bytes / 1024 ** 2).toFixed(1)} MB · backup ${(backupMs / 1000).toFixed(2)} s · verify ${(verifyMs / 1000).toFixed(2)} s · verify+swap ${(restoreMs / 1000).toFixed(2)} s · originals identical: ${identical}`,
      );
      const goal = (GOAL_MS_PER_100MB * vaultBytes) / (100 * 1024 ** 2);
      if (!identical || backupMs > goal || restoreMs > goal) process.exitCode = 1;
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await main();
