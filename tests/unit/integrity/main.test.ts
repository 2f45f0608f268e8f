// The main-process integrity services on a real vault folder: the audit log's appends and crash
// repair, the trash with a fake clock, and the vault check with real corrupted bytes.
import { appendFile, chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../../../shared/domain/evidence';
import { createIntegrity, type Integrity } from '../../../electron/main/integrity';
import { auditLogPath } from '../../../electron/main/integrity/audit';
import { createVaultService, type VaultService } from '../../../electron/main/vault';
import { vaultLayout } from '../../../electron/main/vault/layout';
import { chatSvg, orderPageSvg, png } from '../../support/screens';

const DAY = 24 * 60 * 60 * 1000;
let root: string;
let vaultDir: string;
let clock: { now: number };
let vault: VaultService;
let integrity: Integrity;
const progress: number[] = [];

function start(): void {
  vault = createVaultService({ vaultDir, now: () => new Date(clock.now) });
  integrity = createIntegrity({
    vaultDir,
    now: () => new Date(clock.now),
    exclusive: (work) => vault.exclusive(work),
    onCheckProgress: (p) => progress.push(p.done),
    ports: { pickBundlePdf: async () => null, pickBundleFolder: async () => null },
  });
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-integrity-'));
  vaultDir = path.join(root, 'vault');
  clock = { now: Date.UTC(2026, 10, 1, 2, 0, 0) };
  progress.length = 0;
  start();
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function importTwo(): Promise<EvidenceRecord[]> {
  const batch = await vault.importBuffers('case-1', [
    { name: 'order.png', lastModified: clock.now, bytes: await png(orderPageSvg()) },
    { name: 'chat.png', lastModified: clock.now, bytes: await png(chatSvg()) },
  ], 'drop');
  return batch.items.map((item, i) => ({ ...item.blob, id: `ev-${i + 1}`, caseId: 'case-1', kind: 'order', title: `证据${i + 1}`, note: '', importedAt: '2026-11-01T10:00:00', importSource: 'drop' }));
}

describe('audit log', () => {
  it('chains every append and survives a restart', async () => {
    await integrity.audit.record({ action: 'import', caseId: 'case-1', evidenceId: null, sha256: null, detail: 'a.png' });
    await integrity.handlers['audit:record']({ action: 'edit', caseId: 'case-1', evidenceId: 'ev-1', sha256: null, detail: '标题 → 订单' });
    start();
    await integrity.audit.record({ action: 'export', caseId: 'case-2', evidenceId: null, sha256: null, detail: 'x.pdf' });
    const history = await integrity.handlers['audit:history']({ caseId: 'case-1' });
    expect(history.intact).toBe(true);
    expect(history.totalEntries).toBe(3);
    expect(history.entries.map((e) => [e.seq, e.action, e.source, e.status])).toEqual([
      [1, 'import', 'main', 'ok'],
      [2, 'edit', 'renderer', 'ok'],
    ]);
  });

  it('after a crash mid-write, ends the torn line, notes the repair, and keeps the chain intact', async () => {
    await integrity.audit.record({ action: 'import', caseId: 'case-1', evidenceId: null, sha256: null, detail: 'a.png' });
    await appendFile(auditLogPath(vaultDir), '{"seq":2,"at":"2026-11-01T0');
    start();
    const torn = await integrity.audit.read();
    expect(torn.issues.map((i) => i.kind)).toEqual(['torn-tail']);
    await integrity.audit.record({ action: 'edit', caseId: 'case-1', evidenceId: null, sha256: null, detail: 'after' });
    const report = await integrity.audit.read();
    expect(report.entries.map((e) => e.action)).toEqual(['import', 'log-repaired', 'edit']);
    expect(report.issues.map((i) => i.kind)).toEqual(['torn-repaired']);
    expect(report.intact).toBe(true);
  });

  it('reports an entry edited on disk as broken in the case history', async () => {
    for (const detail of ['a', 'b', 'c']) await integrity.audit.record({ action: 'edit', caseId: 'case-1', evidenceId: null, sha256: null, detail });
    const file = auditLogPath(vaultDir);
    await writeFile(file, (await readFile(file, 'utf8')).replace('"detail":"b"', '"detail":"B"'));
    const history = await integrity.handlers['audit:history']({ caseId: 'case-1' });
    expect(history.intact).toBe(false);
    expect(history.entries.map((e) => e.status)).toEqual(['ok', 'edited', 'ok']);
  });

  it('logs imports and names the case of an export from the log itself', async () => {
    const records = await importTwo();
    await integrity.audit.recordAll(records.map((r) => ({ action: 'import', caseId: 'case-1', evidenceId: null, sha256: r.sha256, detail: r.originalName })));
    expect(await integrity.audit.caseOf([records[1]?.sha256 ?? ''])).toBe('case-1');
    expect(await integrity.audit.caseOf(['f'.repeat(64)])).toBeNull();
  });
});

describe('trash', () => {
  it('moves the original out of blobs/, lists days left, restores it byte-identical', async () => {
    const [order] = await importTwo();
    if (!order) throw new Error('no import');
    const layout = vaultLayout(vaultDir);
    const bytes = await readFile(layout.blob(order.sha256));
    const entry = await integrity.trash.move(order, '案件一');
    await expect(readFile(layout.blob(order.sha256))).rejects.toThrow();
    clock.now += 10 * DAY;
    expect((await integrity.trash.list()).map((e) => [e.record.title, e.daysLeft, e.caseTitle])).toEqual([['证据1', 20, '案件一']]);
    const restored = await integrity.trash.restore(entry.id);
    expect(restored.record).toEqual(order);
    expect((await readFile(layout.blob(order.sha256))).equals(bytes)).toBe(true);
    expect(await integrity.trash.list()).toEqual([]);
    const actions = (await integrity.audit.read()).entries.map((e) => e.action);
    expect(actions).toEqual(['delete', 'restore']);
  });

  it('refuses to restore a trash file whose bytes changed: it goes to quarantine, never to blobs/', async () => {
    const [order] = await importTwo();
    if (!order) throw new Error('no import');
    const layout = vaultLayout(vaultDir);
    const entry = await integrity.trash.move(order, '案件一');
    const trashed = layout.trashBlob(entry.id);
    await chmod(trashed, 0o644);
    await writeFile(trashed, 'other bytes');
    await expect(integrity.trash.restore(entry.id)).rejects.toMatchObject({ code: 'corrupt-file', message: expect.stringMatching(/no longer matches its SHA-256.*quarantine/) });
    // Nothing under the name; the changed bytes kept in quarantine/; the audit says why.
    await expect(readFile(layout.blob(order.sha256))).rejects.toThrow();
    const kept = await readdir(path.join(vaultDir, 'quarantine'));
    expect(kept).toHaveLength(1);
    expect(kept[0]?.startsWith(order.sha256)).toBe(true);
    expect(await readFile(path.join(vaultDir, 'quarantine', kept[0] ?? ''), 'utf8')).toBe('other bytes');
    expect((await integrity.audit.read()).entries.map((e) => e.action)).toEqual(['delete', 'quarantine']);
  });

  it('purges on start only what is 30 days old, and never bytes a live record names', async () => {
    const [order, chat] = await importTwo();
    if (!order || !chat) throw new Error('no import');
    const layout = vaultLayout(vaultDir);
    await integrity.trash.move(order, '案件一');
    clock.now += 5 * DAY;
    await integrity.trash.move(chat, '案件一');
    clock.now += 25 * DAY - 1;
    expect(await integrity.trash.purgeExpired([])).toEqual({ purged: 0 });
    clock.now += 1;
    // The chat screenshot was imported again (a live record names it) after its vault copy was lost:
    // purging the order's entry deletes its bytes; nothing names the order any more.
    expect(await integrity.trash.purgeExpired([chat.sha256])).toEqual({ purged: 1 });
    expect((await integrity.trash.list()).map((e) => e.record.id)).toEqual(['ev-2']);
    clock.now += 5 * DAY;
    expect(await integrity.trash.purgeExpired([chat.sha256])).toEqual({ purged: 1 });
    // A live record named the chat bytes and the vault lacked them: they went back, not away.
    expect((await readdir(path.dirname(layout.blob(chat.sha256)))).includes(chat.sha256)).toBe(true);
    await expect(readFile(layout.blob(order.sha256))).rejects.toThrow();
    expect(await readdir(layout.trashDir)).toEqual([]);
    const purges = (await integrity.audit.read()).entries.filter((e) => e.action === 'purge');
    expect(purges.map((e) => e.evidenceId)).toEqual(['ev-1', 'ev-2']);
  });

  it('takes a saved page’s folder with its last copy, and keeps it while a live record names the page', async () => {
    const [order, chat] = await importTwo();
    if (!order || !chat) throw new Error('no import');
    const layout = vaultLayout(vaultDir);
    // Stand-ins for the `pages/<sha>/` folder an HTML save or a 抓取网页 capture keeps beside its blob.
    for (const sha of [order.sha256, chat.sha256]) {
      await mkdir(layout.pageDir(sha), { recursive: true });
      await writeFile(path.join(layout.pageDir(sha), 'manifest.json'), '{}');
    }
    const gone = await integrity.trash.move(order, '案件一');
    // While in the trash the folder stays, so a restore shows the page as it was.
    expect(await readdir(layout.pageDir(order.sha256))).toEqual(['manifest.json']);
    await integrity.handlers['trash:purge']({ id: gone.id, liveSha256: [] });
    await expect(readdir(layout.pageDir(order.sha256))).rejects.toMatchObject({ code: 'ENOENT' });
    const kept = await integrity.trash.move(chat, '案件一');
    await integrity.handlers['trash:purge']({ id: kept.id, liveSha256: [chat.sha256] });
    expect(await readdir(layout.pageDir(chat.sha256))).toEqual(['manifest.json']);
  });

  it('deletes at once, after confirmation, with 永久删除', async () => {
    const [order] = await importTwo();
    if (!order) throw new Error('no import');
    const entry = await integrity.trash.move(order, '案件一');
    await integrity.handlers['trash:purge']({ id: entry.id, liveSha256: [] });
    expect(await readdir(vaultLayout(vaultDir).trashDir)).toEqual([]);
    await expect(integrity.trash.restore(entry.id)).rejects.toThrow(/no longer in the trash/);
    await expect(integrity.trash.restore('../../etc')).rejects.toThrow(/Not a trash item/);
  });
});

describe('vault check', () => {
  it('reports a corrupted original, a missing one and an orphan; quarantines only a real mismatch', async () => {
    const [order, chat] = await importTwo();
    if (!order || !chat) throw new Error('no import');
    const layout = vaultLayout(vaultDir);
    const blob = layout.blob(order.sha256);
    await chmod(blob, 0o644);
    const bytes = await readFile(blob);
    bytes.writeUInt8((bytes.at(200) ?? 0) ^ 0xff, 200);
    await writeFile(blob, bytes);
    await rm(layout.thumb(chat.sha256));
    const ghost = { sha256: 'e'.repeat(64), evidenceId: 'ev-9', caseId: 'case-1', title: '丢失的证据' };
    const records = [order, chat].map((r) => ({ sha256: r.sha256, evidenceId: r.id, caseId: r.caseId, title: r.title }));
    const report = await integrity.handlers['vaultCheck:run']({ records: [records[0], ghost].filter((r) => r !== undefined) });
    expect(report).toMatchObject({ cancelled: false, total: 2, checked: 2, matched: 0, derivedMissing: 0 });
    expect(report.mismatches.map((m) => m.records[0]?.title)).toEqual(['证据1']);
    expect(report.missing.map((m) => m.title)).toEqual(['丢失的证据']);
    expect(report.orphans.map((o) => o.originalName)).toEqual(['chat.png']);
    expect(progress.at(-1)).toBe(2);

    const full = await integrity.handlers['vaultCheck:run']({ records });
    expect(full.derivedMissing).toBe(1);
    await expect(integrity.handlers['vaultCheck:quarantine']({ sha256: chat.sha256 })).rejects.toThrow(/matches its hash/);
    await integrity.handlers['vaultCheck:quarantine']({ sha256: order.sha256 });
    const kept = await readdir(path.join(vaultDir, 'quarantine'));
    expect(kept).toHaveLength(1);
    expect((await readFile(path.join(vaultDir, 'quarantine', kept[0] ?? ''))).equals(bytes)).toBe(true);
  });

  it('stops when cancelled', async () => {
    const records = await importTwo();
    const controller = new AbortController();
    controller.abort();
    const { checkVault } = await import('../../../electron/main/integrity/check');
    const report = await checkVault(vaultLayout(vaultDir), records.map((r) => ({ sha256: r.sha256, evidenceId: r.id, caseId: r.caseId, title: r.title })), { runId: 'r', signal: controller.signal, onProgress: () => undefined });
    expect(report).toMatchObject({ cancelled: true, checked: 0 });
    await integrity.handlers['vaultCheck:cancel']({ runId: 'gone' });
  });
});
