// `verify` on real exports: a folder export checked against its own copies, a PDF checked through
// its attached manifest against the vault, and every kind of bad input refused with exit 2.
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBundleService } from '../../electron/main/bundle';
import type { FolderResult } from '../../electron/main/bundle';
import { readPdfManifest } from '../../electron/main/integrity/pdfManifest';
import { vaultLayout } from '../../electron/main/vault/layout';
import { makeFixture, sourceFiles, type BundleFixture } from '../../tests/unit/bundle/support';
import { defaultVaultDir, runVerify } from './verify';

let fx: BundleFixture;
let folder: FolderResult;
let pdf: string;

const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
/** The per-original lines: neither a PDF verdict nor the summary. */
const itemLines = (stdout: string) => lines(stdout).filter((l) => 'status' in l);

beforeAll(async () => {
  const files = (await sourceFiles()).filter((f) => ['order', 'chat'].includes(f.kind) && f.name.endsWith('.png'));
  fx = await makeFixture(files);
  const service = createBundleService({ vaultDir: fx.vaultDir });
  folder = await service.exportFolder(fx.input, { outDir: path.join(fx.root, 'export'), maxBytes: null, redact: false });
  pdf = path.join(fx.root, 'bundle.pdf');
  await service.exportBundle(fx.input, { outFile: pdf, maxBytes: null });
}, 120_000);
afterAll(() => fx.cleanup());

describe('verify a folder export', () => {
  it('prints one match line per exhibit and a summary, exit 0', async () => {
    const res = await runVerify([folder.dir]);
    expect(res.stderr).toBe('');
    expect(res.exitCode).toBe(0);
    const out = lines(res.stdout);
    expect(out[0]).toMatchObject({ pdf: path.basename(folder.files[0] ?? ''), intact: true, signer: 'unchecked' });
    expect(itemLines(res.stdout).map((l) => [l['status'], l['label'], l['file'], l['title']])).toEqual([
      ['match', '证据1', '证据1-订单详情截图.png', fx.input.evidence[0]?.title],
      ['match', '证据2', '证据2-客服聊天截图.png', fx.input.evidence[1]?.title],
    ]);
    expect(out.at(-1)).toMatchObject({ summary: { match: 2, mismatch: 0, missing: 0, total: 2 }, kind: 'folder', pdfIntact: true, originalsAgainst: 'copies', caseTitle: fx.input.case.title });
  });

  it('accepts the manifest.json path itself', async () => {
    expect((await runVerify([folder.manifest])).exitCode).toBe(0);
  });

  it('reports a changed copy as a mismatch and a deleted one as missing, exit 1', async () => {
    const copy = path.join(fx.root, 'export-copy');
    await mkdir(copy);
    for (const f of ['manifest.json', ...folder.originals.map((o) => path.basename(o))]) await writeFile(path.join(copy, f), await readFile(path.join(folder.dir, f)));
    const [first, second] = folder.originals.map((o) => path.join(copy, path.basename(o)));
    const bytes = await readFile(first ?? '');
    bytes.writeUInt8((bytes.at(-1) ?? 0) ^ 0xff, bytes.length - 1);
    await writeFile(first ?? '', bytes);
    await rm(second ?? '');
    const res = await runVerify([copy]);
    expect(res.exitCode).toBe(1);
    const out = itemLines(res.stdout);
    expect(out.map((l) => l['status'])).toEqual(['mismatch', 'missing']);
    // The PDF is not in this copy, so nothing from manifest.json is shown as verified.
    expect(lines(res.stdout).at(-1)).toMatchObject({ pdfIntact: false, caseTitle: null });
    expect(out[0]?.['title']).toBeNull();
    expect(out[0]?.['actual']).toMatch(/^[0-9a-f]{64}$/);
    expect(out[1]?.['actual']).toBeNull();
    expect(lines(res.stdout).at(-1)).toMatchObject({ summary: { match: 0, mismatch: 1, missing: 1, total: 2 } });
  });

  it('never follows a manifest file name out of the folder', async () => {
    const dir = path.join(fx.root, 'escape');
    await mkdir(dir);
    const manifest = JSON.parse(await readFile(folder.manifest, 'utf8')) as { exhibits: { file: string }[] };
    const target = path.join(fx.root, 'outside.png');
    await writeFile(target, await readFile(folder.originals[0] ?? ''));
    manifest.exhibits = manifest.exhibits.slice(0, 1).map((e) => ({ ...e, file: '../outside.png' }));
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    const res = await runVerify([dir]);
    expect(res.exitCode).toBe(1);
    expect(itemLines(res.stdout)[0]).toMatchObject({ status: 'missing' });
  });
});

describe('verify a PDF', () => {
  it('carries a machine-readable manifest of every exhibit', async () => {
    const read = await readPdfManifest(await readFile(pdf));
    expect(read.ok && read.manifest.exhibits.map((e) => e.sha256)).toEqual(fx.input.evidence.map((e) => e.sha256));
  });

  it('checks each exhibit against the vault: exit 0, then 1 once an original is corrupted', async () => {
    const ok = await runVerify([pdf, '--vault', fx.vaultDir]);
    expect(ok.stderr).toBe('');
    expect(ok.exitCode).toBe(0);
    expect(lines(ok.stdout).at(-1)).toMatchObject({ summary: { match: 2, total: 2 }, kind: 'pdf', pdfIntact: true, originalsAgainst: 'vault', auditHead: null });
    expect(lines(ok.stdout)[0]).toMatchObject({ intact: true, signer: 'this-vault' });

    const blob = vaultLayout(fx.vaultDir).blob(fx.input.evidence[0]?.sha256 ?? '');
    await chmod(blob, 0o644);
    const bytes = await readFile(blob);
    bytes.writeUInt8((bytes.at(100) ?? 0) ^ 0x01, 100);
    await writeFile(blob, bytes);
    const bad = await runVerify([pdf, '--vault', fx.vaultDir]);
    expect(bad.exitCode).toBe(1);
    expect(itemLines(bad.stdout).map((l) => l['status'])).toEqual(['mismatch', 'match']);
    expect(lines(bad.stdout).at(-1)).toMatchObject({ pdfIntact: true, originalsMatch: false });

    const empty = await runVerify([pdf, '--vault', path.join(fx.root, 'no-vault')]);
    expect(empty.exitCode).toBe(1);
    // Another vault never signed it: the PDF is intact but not this vault's, and nothing is in it.
    expect(lines(empty.stdout).at(-1)).toMatchObject({ summary: { missing: 2 }, pdfIntact: false });
    expect(JSON.stringify(lines(empty.stdout)[0])).toContain('not this vault');
  });
});

describe('bad input exits 2 with a sentence naming the file', () => {
  it.each([
    ['a path that does not exist', async () => path.join(fx.root, 'nope.pdf'), /nope\.pdf: no such file or folder/],
    ['a folder without manifest.json', async () => fx.root, /no manifest\.json in this folder/],
    ['a manifest that is not JSON', async () => writeIn('broken/manifest.json', '{"app": "留证", '), /manifest\.json: not valid JSON/],
    ['a manifest of another shape', async () => writeIn('shape/manifest.json', '{"app": "留证", "exhibits": 3}'), /manifest\.json: not a 留证 export manifest/],
    ['a file that is not a PDF', async () => writeIn('photo.pdf', 'GIF89a not a pdf'), /photo\.pdf: not a readable PDF file/],
    ['a truncated PDF', async () => writeIn('cut.pdf', (await readFile(pdf)).subarray(0, 400)), /cut\.pdf: not a readable PDF file/],
    ['a PDF from elsewhere', async () => writeIn('other.pdf', await (await PDFDocument.create()).save()), /other\.pdf: has no 留证 manifest attachment/],
  ])('%s', async (_name, make, message) => {
    const res = await runVerify([await make(), '--vault', fx.vaultDir]);
    expect(res.exitCode).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(message);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a wrong command line', async () => {
    expect((await runVerify([])).exitCode).toBe(2);
    expect((await runVerify([pdf, '--vault'])).exitCode).toBe(2);
    expect((await runVerify([pdf, '--bogus'])).stderr).toMatch(/unknown option --bogus/);
    expect((await runVerify([pdf, '--vault', fx.root, '--originals', fx.root])).stderr).toMatch(/not both/);
  });

  it('defaults to the app vault of each platform', () => {
    expect(defaultVaultDir('linux', {}, '/home/li')).toBe('/home/li/.config/LiuZheng/vault');
    expect(defaultVaultDir('darwin', {}, '/Users/li')).toBe('/Users/li/Library/Application Support/LiuZheng/vault');
    expect(defaultVaultDir('win32', { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'C:\\Users\\li')).toContain('LiuZheng');
  });
});

async function writeIn(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(fx.root, 'bad', name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}
