// A real vault with real images, a matching database snapshot, and helpers to compare two vault folders.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BackupSettings, DbSnapshot } from '../../../shared/backup/snapshot';
import { listVaultFiles } from '../../../electron/main/backup/write';
import { jpegBytes, pngBytes, type TestVault } from '../main/fixtures';

export const CHEAP_KDF = { log2N: 12, r: 8, p: 1 };

export const SETTINGS: BackupSettings = { local: { 'liuzheng.language': 'en' }, reminders: { launchAtLogin: false } };

export async function seedVault(vault: TestVault, count = 4): Promise<DbSnapshot> {
  await mkdir(vault.srcDir, { recursive: true });
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(vault.srcDir, i % 2 ? `chat-${i}.jpg` : `order-${i}.png`);
    await writeFile(file, i % 2 ? await jpegBytes(120 + i, 90) : await pngBytes(60 + i, 40));
    paths.push(file);
  }
  const batch = await vault.service.importPaths('case-1', paths, 'dialog');
  // Something the OCR store would hold, so the backup carries more than blobs.
  await mkdir(path.join(vault.vaultDir, 'ocr'), { recursive: true });
  await writeFile(path.join(vault.vaultDir, 'ocr', 'queue.json'), JSON.stringify({ version: 1, entries: [] }));
  return {
    format: 1,
    dbName: 'liuzheng',
    dbVersion: 3,
    tables: {
      cases: [{ id: 'case-1', title: '卡密无效', platform: 'kameng', status: 'collecting', createdAt: '2026-11-20T10:00:00', updatedAt: '2026-11-20T10:00:00' }],
      evidence: batch.items.map((it, i) => ({ ...it.blob, id: `ev-${i}`, caseId: 'case-1', kind: 'order', title: it.blob.originalName, note: '', importedAt: '2026-11-20T10:00:00', importSource: 'dialog' })),
      events: [{ id: 'e1', caseId: 'case-1', at: '2026-11-20T10:00:00', type: 'created', evidenceId: null, detail: '' }],
      deadlines: [{ id: 'd1', caseId: 'case-1', label: '七日无理由', dueAt: 1_790_000_000_000, done: false, offsetsMin: [60] }],
      extractions: [],
      searchDocs: [],
    },
  };
}

export async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await listVaultFiles(dir)) out[f.rel] = createHash('sha256').update(await readFile(f.abs)).digest('hex');
  return out;
}
