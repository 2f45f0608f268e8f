// "Open in system app" hands a read-only copy to another program (issue 19): for a CSV, a PDF or a
// web page, whose programs run what the file holds, the buyer is warned first and may say no.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeContentWarning } from '../../../shared/security/trust';
import { createVaultHandlers } from '../../../electron/main/handlers';
import { createVaultService } from '../../../electron/main/vault';
import { NOW } from './fixtures';

describe('activeContentWarning', () => {
  it.each([
    ['chat.csv', /公式/],
    ['CHAT.CSV', /公式/],
    ['records.tsv', /公式/],
    ['policy.pdf', /脚本/],
    ['page.html', /网页/],
    ['page.HTM', /网页/],
    ['saved.mhtml', /网页/],
    ['icon.svg', /网页/],
    ['photo.jpg', null],
    ['shot.png', null],
    ['chat.txt', null],
    ['clip.mp4', null],
    ['csv', null],
    ['archive.csv.png', null],
  ])('%s', (name, warning) => {
    const got = activeContentWarning(name);
    if (warning === null) expect(got).toBeNull();
    else expect(got).toMatch(warning);
  });
});

describe('vault:openEvidence', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-open-warning-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  async function setup(answer: boolean) {
    const vault = createVaultService({ vaultDir: path.join(root, 'vault'), tempDir: path.join(root, 'open'), now: () => NOW });
    const opened: string[] = [];
    const warned: string[] = [];
    const handlers = createVaultHandlers(
      vault,
      { pickFiles: async () => [], pickFolder: async () => null, openPath: async (p) => void opened.push(p), confirmOpen: async (name) => (warned.push(name), answer) },
      () => NOW.getTime(),
    );
    const csv = Buffer.from('时间,发送人,内容\n2026-11-17 12:03,客服,=HYPERLINK("http://x","点我")\n');
    const batch = await vault.importBuffers('c', [{ name: 'chat.csv', lastModified: NOW.getTime(), bytes: csv }], 'drop');
    const sha = batch.items[0]?.blob.sha256 ?? '';
    return { handlers, opened, warned, sha };
  }

  it('asks before opening a CSV and opens nothing when the buyer says no', async () => {
    const { handlers, opened, warned, sha } = await setup(false);
    await handlers['vault:openEvidence']({ sha256: sha, originalName: 'chat.csv' });
    expect(warned).toEqual(['chat.csv']);
    expect(opened).toEqual([]);
  });

  it('opens the read-only copy when the buyer says yes', async () => {
    const { handlers, opened, warned, sha } = await setup(true);
    await handlers['vault:openEvidence']({ sha256: sha, originalName: 'chat.csv' });
    expect(warned).toEqual(['chat.csv']);
    expect(opened.map((p) => path.basename(p))).toEqual(['chat.csv']);
  });
});
