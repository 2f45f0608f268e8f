// Folder verify trusts nothing a folder holds (issue 19): a link is never followed (a link to
// /dev/zero used to hang forever, one to a system file was hashed), reading stops past the listed
// size, a manifest listing nothing is not "all match", and a verification can be cancelled.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyBundle, VerifyInputError } from '../../../electron/main/integrity/verifyBundle';

let dir: string;
const sha = (b: string) => createHash('sha256').update(b).digest('hex');

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-verify-hostile-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function folderWith(exhibits: Array<{ file: string; body: string; size?: number }>): Promise<void> {
  const listed = exhibits.map((e, i) => ({ no: i + 1, label: `证据${i + 1}`, title: e.file, file: e.file, sha256: sha(e.body), size: e.size ?? Buffer.byteLength(e.body) }));
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ app: '留证', caseTitle: '卡密无效', exportedAt: '2026-11-20T10:00:00', exhibits: listed }));
}

describe('folder verify on a hostile folder', () => {
  it('never follows a link: /dev/zero and a system file are mismatches, unread, and the real copy matches', async () => {
    await folderWith([
      { file: '证据1.png', body: 'real copy' },
      { file: '证据2.png', body: 'what was exported' },
      { file: '证据3.txt', body: 'another copy' },
    ]);
    await writeFile(path.join(dir, '证据1.png'), 'real copy');
    await symlink('/dev/zero', path.join(dir, '证据2.png'));
    await symlink('/etc/hostname', path.join(dir, '证据3.txt'));
    const report = await verifyBundle(dir, dir);
    expect(report.items.map((i) => [i.file, i.status, i.actual])).toEqual([
      ['证据1.png', 'match', sha('real copy')],
      ['证据2.png', 'mismatch', null],
      ['证据3.txt', 'mismatch', null],
    ]);
  });

  it('stops at the listed size: a longer copy is a mismatch without a hash', async () => {
    await folderWith([{ file: 'a.png', body: 'short' }]);
    await writeFile(path.join(dir, 'a.png'), `short${'x'.repeat(1_000_000)}`);
    const report = await verifyBundle(dir, dir);
    expect(report.items.map((i) => [i.status, i.actual])).toEqual([['mismatch', null]]);
  });

  it('refuses a manifest that lists no exhibits, naming it', async () => {
    await folderWith([]);
    const err: unknown = await verifyBundle(dir, dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VerifyInputError);
    expect(err instanceof Error ? err.message : '').toBe(`${path.join(dir, 'manifest.json')}: lists no exhibits, so there is nothing to verify.`);
  });

  it('stops when cancelled', async () => {
    await folderWith([{ file: 'big.bin', body: 'x'.repeat(8 * 1024 * 1024) }]);
    await writeFile(path.join(dir, 'big.bin'), 'x'.repeat(8 * 1024 * 1024));
    const run = new AbortController();
    run.abort();
    await expect(verifyBundle(dir, dir, run.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
