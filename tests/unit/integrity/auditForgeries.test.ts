// The audit log against someone editing log.jsonl without the vault's key: cutting its end,
// re-chaining it after removing an entry, or hiding removed lines behind a garbage line and a forged
// "log-repaired" entry. Each is reported by name; a real crash repair still reads as a crash.
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sealEntry, type AuditEntry } from '../../../shared/integrity/audit';
import { createIntegrity, type Integrity } from '../../../electron/main/integrity';
import { auditLogPath, createAuditLog } from '../../../electron/main/integrity/audit';
import { sha256Hex } from '../../../electron/main/fs/hash';

let root: string;
let vaultDir: string;
let integrity: Integrity;
const at = new Date(Date.UTC(2026, 10, 1, 2, 0, 0));

function start(): void {
  integrity = createIntegrity({
    vaultDir,
    now: () => at,
    exclusive: (work) => work(),
    onCheckProgress: () => undefined,
    ports: { pickBundlePdf: async () => null, pickBundleFolder: async () => null },
  });
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-audit-forge-'));
  vaultDir = path.join(root, 'vault');
  start();
  for (const detail of ['a', 'b', 'c', 'd']) await integrity.audit.record({ action: 'edit', caseId: 'case-1', evidenceId: null, sha256: null, detail });
});
afterEach(() => rm(root, { recursive: true, force: true }));

const readLines = async () => (await readFile(auditLogPath(vaultDir), 'utf8')).trim().split('\n');
const entriesOf = (lines: string[]) => lines.map((l) => JSON.parse(l) as AuditEntry);

/** What a forger without the key can do: recompute seq, prev and the plain SHA-256 of every entry, keeping the old MACs. */
function rechain(entries: AuditEntry[]): string {
  let prev = '0'.repeat(64);
  return entries
    .map((e, i) => {
      const { hash: _h, mac, ...body } = e;
      const sealed = sealEntry({ ...body, seq: i + 1, prev }, sha256Hex);
      prev = sealed.hash;
      return `${JSON.stringify({ ...sealed, mac })}\n`;
    })
    .join('');
}

describe('an anchored, keyed audit log', () => {
  it('keys every entry with an HMAC under the vault key, and a fresh log reads intact', async () => {
    const entries = entriesOf(await readLines());
    expect(entries.every((e) => /^[0-9a-f]{64}$/.test(e.mac ?? ''))).toBe(true);
    const reply = await integrity.handlers['audit:anchor']({ seen: null });
    expect(reply).toMatchObject({ intact: true, truncated: false, head: { seq: 4 } });
  });

  it('a truncated log: the last lines dropped read as 记录被截断 against the head seen, not as a crash', async () => {
    const head = await integrity.audit.head();
    const lines = await readLines();
    await writeFile(auditLogPath(vaultDir), `${lines.slice(0, 2).join('\n')}\n`);
    start();
    const reply = await integrity.handlers['audit:anchor']({ seen: head });
    expect(reply.truncated).toBe(true);
    expect(reply.intact).toBe(false);
    // The anchor kept is still the one seen, so a later start is not fooled either.
    expect(reply.head).toEqual(head);
    const report = await integrity.audit.read();
    expect(report.issues).toEqual([expect.objectContaining({ kind: 'truncated', seq: 4 })]);
  });

  it('a re-chained log (an entry removed, seq/prev/hash recomputed): every rewritten entry fails its MAC', async () => {
    const entries = entriesOf(await readLines());
    await writeFile(auditLogPath(vaultDir), rechain([entries[0], entries[2], entries[3]].filter((e): e is AuditEntry => e !== undefined)));
    start();
    const report = await integrity.audit.read();
    expect(report.intact).toBe(false);
    expect(report.issues.map((i) => [i.kind, i.seq])).toEqual([
      ['bad-mac', 2],
      ['bad-mac', 3],
    ]);
    // Stripping every MAC makes it look like a log from before keys; the head seen outside the log still catches it.
    const stripped = entriesOf((await readFile(auditLogPath(vaultDir), 'utf8')).trim().split('\n')).map(({ mac: _m, ...e }) => e);
    await writeFile(auditLogPath(vaultDir), stripped.map((e) => `${JSON.stringify(e)}\n`).join(''));
    start();
    const reply = await integrity.handlers['audit:anchor']({ seen: { seq: 4, hash: entries[3]?.hash ?? '' } });
    expect(reply.truncated).toBe(true);
  });

  it('a garbage line and a forged log-repaired entry hiding removed lines is tampering, not a crash', async () => {
    const entries = entriesOf(await readLines());
    const [first] = entries;
    if (!first) throw new Error('no entries');
    const { hash: _h, mac: _m, ...body } = first;
    const repair = sealEntry({ ...body, action: 'log-repaired', detail: '第 2 行在上次退出时未写完，已跳过', seq: 2, prev: first.hash }, sha256Hex);
    await writeFile(auditLogPath(vaultDir), `${JSON.stringify(first)}\nxxxxxxxx garbage\n${JSON.stringify(repair)}\n`);
    start();
    const report = await integrity.audit.read();
    expect(report.intact).toBe(false);
    expect(report.issues.map((i) => i.kind)).toEqual(['unreadable', 'unkeyed']);
  });

  it('a real crash mid-write is still repaired and read as a crash', async () => {
    await appendFile(auditLogPath(vaultDir), '{"action":"edit","caseId":"case-1","evidenceId":null,"sha256":null,"detail":"e","seq":5,"at":"2026-11-0');
    start();
    await integrity.audit.record({ action: 'edit', caseId: 'case-1', evidenceId: null, sha256: null, detail: 'after' });
    const report = await integrity.audit.read();
    expect(report.issues.map((i) => i.kind)).toEqual(['torn-repaired']);
    expect(report.intact).toBe(true);
  });
});

describe('a log stripped of every MAC', () => {
  it('is flagged entry by entry: the key says from which entry on every entry was keyed', async () => {
    const stripped = entriesOf(await readLines()).map(({ mac: _m, ...e }) => e);
    await writeFile(auditLogPath(vaultDir), stripped.map((e) => `${JSON.stringify(e)}\n`).join(''));
    start();
    const report = await integrity.audit.read();
    expect(report.intact).toBe(false);
    expect(report.issues.map((i) => [i.kind, i.seq])).toEqual([1, 2, 3, 4].map((seq) => ['unkeyed', seq]));
  });
});

describe('a log from before keys', () => {
  it('stays intact: entries up to the key are unkeyed, every one after carries a MAC', async () => {
    const legacyDir = path.join(root, 'legacy');
    const old = createAuditLog({ vaultDir: legacyDir, now: () => at });
    await old.record({ action: 'edit', caseId: 'case-1', evidenceId: null, sha256: null, detail: 'old' });
    const keyed = createIntegrity({ vaultDir: legacyDir, now: () => at, exclusive: (w) => w(), onCheckProgress: () => undefined, ports: { pickBundlePdf: async () => null, pickBundleFolder: async () => null } });
    await keyed.audit.record({ action: 'edit', caseId: 'case-1', evidenceId: null, sha256: null, detail: 'new' });
    const report = await keyed.audit.read();
    expect(report.intact).toBe(true);
    expect(report.entries.map((e) => e.mac !== undefined)).toEqual([false, true]);
  });
});
