// Every forgery of issue 16 fails verification, with a message naming what changed. The tools are the
// adversary's own: pdf-lib to edit, and for the harder cases a key of their own to re-sign the result,
// so only the content checks stand between the forgery and a clean bill.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerify } from '../../../cli/commands/verify';
import { createBundleService, type FolderResult } from '../../../electron/main/bundle';
import { createIntegrity } from '../../../electron/main/integrity';
import { auditLogPath } from '../../../electron/main/integrity/audit';
import { verifyBundle } from '../../../electron/main/integrity/verifyBundle';
import { createVaultKeys, plainSealer } from '../../../electron/main/signing/keys';
import { vaultSeal, type ExportSeal } from '../../../electron/main/signing/pdfSign';
import { makeFixture, NOW, sourceFiles, type BundleFixture } from '../bundle/support';
import { tool } from '../bundle/pdf';
import { forgePdf, readAttachment, replaceAttachment, swapImage } from './forge';

let fx: BundleFixture;
let pdf: string;
let bytes: Uint8Array;
let folder: FolderResult;
let forger: ExportSeal;
const at = NOW;

const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  const files = (await sourceFiles()).filter((f) => ['order', 'chat'].includes(f.kind) && f.name.endsWith('.png'));
  fx = await makeFixture(files);
  const service = createBundleService({ vaultDir: fx.vaultDir, now: () => NOW });
  pdf = path.join(fx.root, 'bundle.pdf');
  await service.exportBundle(fx.input, { outFile: pdf, maxBytes: null });
  bytes = await readFile(pdf);
  folder = await service.exportFolder(fx.input, { outDir: path.join(fx.root, 'export'), maxBytes: null });
  forger = await vaultSeal(createVaultKeys({ vaultDir: path.join(fx.root, 'forger-vault'), sealer: plainSealer, now: () => NOW }));
}, 180_000);
afterAll(() => fx.cleanup());

async function save(name: string, content: Uint8Array): Promise<string> {
  const file = path.join(fx.root, 'forged', name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

/** The failing checks of a forged PDF, verified against the vault: kind → message. */
async function failures(file: string): Promise<Record<string, string>> {
  const report = await verifyBundle(file, fx.vaultDir);
  expect(report.pdf.intact).toBe(false);
  // Nothing the attachment says is echoed as verified.
  expect(report.caseTitle).toBeNull();
  expect(report.items.every((i) => i.title === null)).toBe(true);
  return Object.fromEntries(report.pdf.files.flatMap((f) => f.checks.filter((c) => !c.ok).map((c) => [c.check, c.message])));
}

const exhibitPage = (no: number) => {
  const e = readAttachmentOf(bytes).exhibits.find((x) => x.no === no);
  return (e?.pages?.first ?? 1) - 1;
};
let cached: ReturnType<typeof readAttachment> | null = null;
function readAttachmentOf(_b: Uint8Array) {
  if (!cached) throw new Error('attachment not read yet');
  return cached;
}
beforeAll(async () => {
  cached = readAttachment(await PDFDocument.load(bytes, { updateMetadata: false }));
});

describe('a fresh export', () => {
  it('pdfsig reports a valid signature, and an invalid one after any byte of the signed range changes', async () => {
    const { stdout } = await tool('pdfsig', [pdf]);
    expect(stdout).toContain('Signature is Valid');
    expect(stdout).toContain('Total document signed');
    expect(stdout).toContain('adbe.pkcs7.detached');
    expect(stdout).toContain('unchanged since export only');
    for (const offset of [20, Math.floor(bytes.length / 2), bytes.length - 10]) {
      const changed = Uint8Array.from(bytes);
      // A digit or letter stays one: the file still parses, only its bytes differ.
      changed[offset] = (changed[offset] ?? 0) === 0x30 ? 0x31 : 0x30;
      const out = await tool('pdfsig', [await save(`flip-${offset}.pdf`, changed)]).then((r) => r.stdout, (e: { stdout?: string }) => e.stdout ?? '');
      expect(out).not.toContain('Signature is Valid');
    }
  });

  it('lists each embedded image by the hash poppler’s pdfimages extracts, page by page', async () => {
    const dir = path.join(fx.root, 'images');
    await mkdir(dir);
    await tool('pdfimages', ['-all', '-p', pdf, path.join(dir, 'img')]);
    const extracted = (await readdir(dir)).sort();
    const m = readAttachmentOf(bytes);
    for (const e of m.exhibits) {
      const mine = extracted.filter((f) => {
        const page = Number(/^img-(\d+)-/.exec(f)?.[1]);
        return e.pages !== null && e.pages !== undefined && page >= e.pages.first && page <= e.pages.last;
      });
      const hashes = await Promise.all(mine.map(async (f) => createHash('sha256').update(await readFile(path.join(dir, f))).digest('hex')));
      expect(hashes.length).toBeGreaterThan(0);
      expect(hashes.sort()).toEqual([...(e.images ?? [])].sort());
    }
    // Every image poppler finds belongs to an exhibit.
    expect(extracted.length).toBe(m.exhibits.reduce((n, e) => n + (e.images?.length ?? 0), 0));
  });

  it('verifies intact against its vault, and against a folder export’s originals with no vault', async () => {
    const report = await verifyBundle(pdf, fx.vaultDir);
    expect(report.pdf.files[0]?.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.pdf.files[0]?.signer).toBe('this-vault');
    const res = await runVerify([pdf, '--originals', folder.dir]);
    expect(res.stderr).toBe('');
    expect(res.exitCode).toBe(0);
    const out = lines(res.stdout);
    expect(out[0]).toMatchObject({ intact: true, signer: 'unchecked' });
    expect(out.at(-1)).toMatchObject({ pdfIntact: true, originalsAgainst: 'folder', summary: { match: 2, total: 2 }, caseTitle: fx.input.case.title });
    expect(out.filter((l) => 'status' in l).map((l) => l['file'])).toEqual(folder.originals.map((o) => path.basename(o)));
  });

  it('an original missing from the --originals folder is named, matched by content not name', async () => {
    const dir = path.join(fx.root, 'renamed');
    await mkdir(dir);
    await writeFile(path.join(dir, 'anything.bin'), await readFile(folder.originals[1] ?? ''));
    await writeFile(path.join(dir, folder.originals[0] ? path.basename(folder.originals[0]) : 'x'), 'not the original');
    const res = await runVerify([pdf, '--originals', dir]);
    expect(res.exitCode).toBe(1);
    expect(lines(res.stdout).filter((l) => 'status' in l).map((l) => [l['status'], l['file']])).toEqual([['missing', null], ['match', 'anything.bin']]);
  });
});

describe('the audit head a bundle records', () => {
  it('a vault log cut short after export reads as 记录被截断 against it', async () => {
    const integrity = createIntegrity({ vaultDir: fx.vaultDir, now: () => NOW, exclusive: (w) => w(), onCheckProgress: () => undefined, ports: { pickBundlePdf: async () => null, pickBundleFolder: async () => null } });
    for (const detail of ['a', 'b', 'c']) await integrity.audit.record({ action: 'edit', caseId: 'case-1', evidenceId: null, sha256: null, detail });
    const service = createBundleService({ vaultDir: fx.vaultDir, now: () => NOW, auditHead: () => integrity.audit.head() });
    const out = path.join(fx.root, 'anchored', 'bundle.pdf');
    await service.exportBundle(fx.input, { outFile: out, maxBytes: null });
    expect((await verifyBundle(out, fx.vaultDir)).auditHead).toMatchObject({ ok: true, finding: 'reached', seq: 3 });
    const log = auditLogPath(fx.vaultDir);
    await writeFile(log, `${(await readFile(log, 'utf8')).split('\n')[0]}\n`);
    const res = await runVerify([out, '--vault', fx.vaultDir]);
    expect(res.exitCode).toBe(1);
    expect(lines(res.stdout).at(-1)).toMatchObject({ pdfIntact: true, originalsMatch: true, auditHead: { ok: false, finding: 'truncated', seq: 3, last: 1 } });
    expect(res.stdout).toContain('记录被截断');
  });
});

describe('forgeries fail, naming what changed', () => {
  it('a new PDF carrying the old attachment', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('forged');
    await doc.attach(new TextEncoder().encode(JSON.stringify(readAttachmentOf(bytes))), 'liuzheng-manifest.json', { mimeType: 'application/json' });
    const f = await failures(await save('new.pdf', await doc.save()));
    expect(f['signature']).toMatch(/carries no signature/);
    expect(f['pages']).toMatch(/the PDF has 1 pages, its manifest says \d+/);
    expect(f['printed']).toMatch(/printed 文件清单 does not match/);
  });

  it('altered pages: half-whitened and stamped ALTERED', async () => {
    const forged = await forgePdf(
      bytes,
      async (doc) => {
        const font = await doc.embedFont(StandardFonts.Helvetica);
        for (const page of doc.getPages()) {
          page.drawRectangle({ x: 0, y: 0, width: page.getWidth(), height: page.getHeight() / 2, color: rgb(1, 1, 1) });
          page.drawText('ALTERED', { x: 50, y: 50, size: 40, font });
        }
        doc.removePage(doc.getPageCount() - 1);
      },
      { at },
    );
    const f = await failures(await save('altered.pdf', forged));
    // pdf-lib's save drops the signature into an object stream: the file no longer carries one.
    expect(f['signature']).toMatch(/carries no signature|bytes were added or removed after signing|changed after it was signed/);
    expect(f['pages']).toMatch(/pages were added or deleted/);
  });

  it('a deleted page, re-signed by another key', async () => {
    const forged = await forgePdf(bytes, (doc) => doc.removePage(doc.getPageCount() - 1), { at, resign: forger });
    const f = await failures(await save('deleted.pdf', forged));
    expect(f['signature']).toBeUndefined();
    expect(f['signer']).toMatch(/signed with another key .* not this vault's/);
    expect(f['pages']).toMatch(/pages were added or deleted/);
    // Against a plain folder of originals there is no vault key to compare with; the page count still tells.
    const res = await runVerify([await save('deleted2.pdf', forged), '--originals', folder.dir]);
    expect(res.exitCode).toBe(1);
    expect(res.stdout).toMatch(/pages were added or deleted/);
  });

  it('a swapped image, re-signed by another key', async () => {
    const forged = await forgePdf(bytes, (doc) => swapImage(doc, exhibitPage(2)), { at, resign: forger });
    const f = await failures(await save('swapped.pdf', forged));
    expect(f['images']).toMatch(/证据2: its pages show different images than its manifest lists .*an image was swapped/);
    expect(f['images']).not.toMatch(/证据1/);
  });

  it('a lying attachment: another file’s hash, a hash twice, a wrong size, a dropped exhibit, a new title', async () => {
    const forged = await forgePdf(
      bytes,
      (doc) => {
        const m = readAttachment(doc);
        const [first, second] = m.exhibits;
        if (!first || !second) throw new Error('two exhibits expected');
        replaceAttachment(doc, { ...m, caseTitle: '完全不同的案件', exhibits: [{ ...first, sha256: second.sha256, size: first.size + 1 }, second] });
      },
      { at },
    );
    const f = await failures(await save('lying.pdf', forged));
    expect(f['signature']).toMatch(/carries no signature|changed after it was signed|bytes were added or removed/);
    expect(f['duplicates']).toMatch(/listed for both 证据1 and 证据2/);
    expect(f['printed']).toMatch(/first difference at 证据1/);
    const res = await runVerify([await save('lying2.pdf', forged), '--vault', fx.vaultDir]);
    expect(res.exitCode).toBe(1);
    expect(res.stdout).not.toContain('完全不同的案件');

    const dropped = await forgePdf(
      bytes,
      (doc) => {
        const m = readAttachment(doc);
        replaceAttachment(doc, { ...m, exhibits: m.exhibits.slice(0, 1) });
      },
      { at, resign: forger },
    );
    const g = await failures(await save('dropped.pdf', dropped));
    expect(g['parts']).toMatch(/do not list every exhibit exactly once/);
    expect(g['printed']).toMatch(/prints \d+ SHA-256 values, the attachment lists 1/);
  });

  it('duplicate hashes, re-signed by another key', async () => {
    const forged = await forgePdf(
      bytes,
      (doc) => {
        const m = readAttachment(doc);
        const [first, second] = m.exhibits;
        if (!first || !second) throw new Error('two exhibits expected');
        replaceAttachment(doc, { ...m, exhibits: [first, { ...second, sha256: first.sha256 }] });
      },
      { at, resign: forger },
    );
    const f = await failures(await save('dupes.pdf', forged));
    expect(f['duplicates']).toMatch(/SHA-256 [0-9a-f]{12}… is listed for both 证据1 and 证据2/);
  });
});
