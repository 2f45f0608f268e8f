// bench:bundle — exporting a bundle of 40 large exhibits (20 phone screenshots at 1080×2340, 20
// twelve-megapixel photos), split under the 5 MB upload limit. Prints the time, the part sizes, a
// lossless baseline (img2pdf, when installed) and whether the order numbers are still readable by
// the app's own OCR in the images embedded in the PDF.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { createBundleService } from '../electron/main/bundle';
import { createOcrEngine } from '../electron/main/ocr/engine';
import { ocrImage } from '../electron/main/ocr/pipeline';
import { createVaultService } from '../electron/main/vault';
import { caseOf } from '../tests/fixtures/bundle';
import type { BundleEvidence, BundleInput } from '../shared/bundle/types';
import { EMPTY_COMPLAINANT, EMPTY_COMPLAINT_FACTS, EMPTY_RESPONDENT, MB } from '../shared/bundle/types';
import type { EvidenceKind } from '../shared/domain/evidence';
import { extractEvidenceFields } from '../electron/main/fields/extract';
import { toShanghaiLocal } from '../shared/time/shanghai';
import { chatSvg, orderPageSvg, png } from '../tests/support/screens';

const exec = promisify(execFile);
const SCREENSHOTS = 20;
const PHOTOS = 20;
const LIMIT = 5 * MB;
const GOAL_MS = 15_000;
const CORPUS = path.resolve('bench-results/bundle-corpus');
const OUT = path.resolve('bench-results/bundle');

interface CorpusFile {
  name: string;
  kind: EvidenceKind;
  title: string;
  order: string | null;
}

const orderNo = (i: number) => `34567890123456${String(78901 + i * 7).padStart(5, '0')}`;

/** A 12-megapixel photo: gaussian noise is incompressible, like a real photo's sensor grain and texture. */
async function photo(seedShade: number): Promise<Buffer> {
  const tile = await sharp({ create: { width: 1000, height: 750, channels: 3, background: { r: seedShade, g: 120, b: 255 - seedShade }, noise: { type: 'gaussian', mean: 128, sigma: 30 } } })
    .raw()
    .toBuffer();
  // Sixteen tiles of fresh noise each would take ~3 s per photo to generate; four distinct ones read the same to JPEG.
  const composite = Array.from({ length: 16 }, (_, k) => ({ input: tile, raw: { width: 1000, height: 750, channels: 3 as const }, left: (k % 4) * 1000, top: Math.floor(k / 4) * 750 }));
  return sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#808080' } }).composite(composite).jpeg({ quality: 90 }).toBuffer();
}

/** Generated once into bench-results/ (git-ignored) and reused: making 240 MP of noise takes a while. */
async function corpus(): Promise<CorpusFile[]> {
  const files: CorpusFile[] = [];
  for (let i = 0; i < SCREENSHOTS; i++) {
    const order = orderNo(i);
    const chat = i % 2 === 1;
    files.push({ name: `Screenshot_202611${String(10 + (i % 18)).padStart(2, '0')}_2031${String(i).padStart(2, '0')}.png`, kind: chat ? 'chat' : 'order', title: chat ? `客服聊天截图 ${i + 1}` : `订单详情截图 ${i + 1}`, order });
  }
  for (let i = 0; i < PHOTOS; i++) files.push({ name: `IMG_20261116_1000${String(i).padStart(2, '0')}.jpg`, kind: 'defect', title: `实物照片 ${i + 1}`, order: null });
  await mkdir(CORPUS, { recursive: true });
  const missing = files.filter((f) => !existsSync(path.join(CORPUS, f.name)));
  if (missing.length > 0) process.stdout.write(`generating ${missing.length} corpus files into ${CORPUS} …\n`);
  for (const f of missing) {
    let bytes: Buffer;
    if (f.kind === 'defect') bytes = await photo((files.indexOf(f) * 37) % 255);
    else if (f.kind === 'order') bytes = await png(orderPageSvg({ order: f.order ?? '' }), 2);
    else bytes = await png(chatSvg([['me', `卡密提示已被使用,订单号${f.order ?? ''}`], ['them', '亲,请提供一下激活失败的截图'], ['me', '截图已发,请尽快处理退款']]), 2);
    await writeFile(path.join(CORPUS, f.name), bytes);
  }
  return files;
}

const mb = (b: number) => `${(b / MB).toFixed(2)} MB`;

async function baseline(files: string[], out: string): Promise<{ ms: number; bytes: number } | null> {
  try {
    await exec('img2pdf', ['--version']);
  } catch {
    return null;
  }
  const started = Date.now();
  await exec('img2pdf', [...files, '-o', out], { maxBuffer: 64 * MB });
  return { ms: Date.now() - started, bytes: (await stat(out)).size };
}

interface Outline {
  title: string;
  destpageposfrom1: number;
  kids: Outline[];
}

/** OCRs the embedded images of a few order screenshots, as pdfimages extracts them from the PDF parts. */
async function ocrCheck(files: string[], corpusFiles: CorpusFile[], samples = 3): Promise<Array<{ exhibit: number; expected: string; found: boolean }>> {
  const pages: Array<{ file: string; no: number; page: number }> = [];
  for (const file of files) {
    const { stdout } = await exec('qpdf', ['--json', '--json-key=outlines', file], { maxBuffer: 64 * MB });
    const outlines: { outlines: Outline[] } = JSON.parse(stdout);
    for (const k of outlines.outlines.find((o) => o.title === '证据材料')?.kids ?? []) {
      const no = Number(/证据(\d+)/.exec(k.title)?.[1] ?? 0);
      if (corpusFiles[no - 1]?.kind === 'order') pages.push({ file, no, page: k.destpageposfrom1 });
    }
  }
  // First, middle and last order screenshot.
  const picked = [...new Set([0, Math.floor(pages.length / 2), pages.length - 1])].map((i) => pages[i]).filter((p) => p !== undefined).slice(0, samples);
  const engine = createOcrEngine({ size: 1, idleMs: 0 });
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'bench-bundle-ocr-'));
  try {
    const checks: Array<{ exhibit: number; expected: string; found: boolean }> = [];
    for (const { file, no, page } of picked) {
      await exec('pdfimages', ['-j', '-f', String(page), '-l', String(page), file, path.join(tmp, `e${no}`)]);
      const jpg = (await readdir(tmp)).find((f) => f.startsWith(`e${no}-`));
      const image = await readFile(path.join(tmp, jpg ?? ''));
      const fields = await extractEvidenceFields({ kind: 'image', image, ocr: await ocrImage(engine, image), capturedAt: null, captureSource: null });
      const expected = corpusFiles[no - 1]?.order ?? '';
      checks.push({ exhibit: no, expected, found: fields.orderNumbers.some((f) => f.value === expected) });
    }
    return checks;
  } finally {
    await engine.terminate();
    await rm(tmp, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const files = await corpus();
  const paths = files.map((f) => path.join(CORPUS, f.name));
  const inputBytes = (await Promise.all(paths.map((p) => stat(p)))).reduce((s, x) => s + x.size, 0);
  const work = await mkdtemp(path.join(os.tmpdir(), 'bench-bundle-'));
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  try {
    const vaultDir = path.join(work, 'vault');
    const importStarted = Date.now();
    const batch = await createVaultService({ vaultDir }).importPaths('bench', paths, 'dialog');
    const importMs = Date.now() - importStarted;
    if (batch.failures.length > 0) throw new Error(`import failed: ${batch.failures.map((f) => f.file).join(', ')}`);
    const evidence = batch.items.map((item, i): BundleEvidence => {
      const f = files[i];
      return {
        ...item.blob,
        importedAt: toShanghaiLocal(new Date()),
        kind: f?.kind ?? 'other',
        title: f?.title ?? '',
        purpose: '',
        fields: f?.order ? [{ type: 'orderNumber', value: f.order, label: '订单编号' }] : [],
        messages: null,
      };
    });
    const input: BundleInput = {
      target: 'platform',
      case: caseOf({ statement: '2026年11月15日购买XX游戏点卡，卡密提示已被使用，订单号3456789012345678901，要求全额退款149.90元。' }),
      complainant: { ...EMPTY_COMPLAINANT, name: '李明', phone: '13800138000', address: '上海市浦东新区世纪大道100号1201室' },
      respondent: { ...EMPTY_RESPONDENT, name: '星辰数码专营店', address: '浙江省杭州市余杭区文一西路969号' },
      complaint: EMPTY_COMPLAINT_FACTS,
      cardShop: null,
      evidence,
      events: [],
    };

    const service = createBundleService({ vaultDir });
    const started = Date.now();
    const result = await service.exportBundle(input, { outFile: path.join(OUT, '证据包.pdf'), maxBytes: LIMIT });
    const ms = Date.now() - started;
    const unlimitedStarted = Date.now();
    const whole = await service.exportBundle(input, { outFile: path.join(OUT, 'unlimited', '证据包.pdf'), maxBytes: null });
    const unlimitedMs = Date.now() - unlimitedStarted;
    const base = await baseline(paths, path.join(OUT, 'img2pdf-lossless.pdf'));
    const ocr = await ocrCheck(result.files, files);

    const partBytes = result.parts.map((p) => p.bytes);
    const total = partBytes.reduce((s, b) => s + b, 0);
    const lines = [
      `bench:bundle — ${SCREENSHOTS} screenshots (1080×2340 PNG) + ${PHOTOS} photos (4000×3000 JPEG), ${mb(inputBytes)} of originals; ${os.availableParallelism()} cores`,
      `  vault import (not part of the export)   ${(importMs / 1000).toFixed(1)} s`,
      `  export, 5 MB limit                      ${(ms / 1000).toFixed(1)} s   goal < ${GOAL_MS / 1000} s  ${ms < GOAL_MS ? 'OK' : 'MISSED'}`,
      `  parts                                   ${result.parts.length} files, ${result.pages} pages, ${result.exhibits} exhibits`,
      ...result.parts.map((p) => `    ${path.basename(p.file).padEnd(20)} ${mb(p.bytes).padStart(9)}  ${String(p.pages).padStart(3)} pages  证据${p.exhibits[0] ?? '-'}–${p.exhibits[p.exhibits.length - 1] ?? '-'}  ${p.bytes <= LIMIT ? 'OK' : 'OVER'}`),
      `  total of parts                          ${mb(total)}`,
      `  export, no limit                        ${(unlimitedMs / 1000).toFixed(1)} s, one file of ${mb(whole.parts[0]?.bytes ?? 0)}`,
      base ? `  img2pdf (lossless baseline)             ${(base.ms / 1000).toFixed(1)} s, ${mb(base.bytes)}  (${(base.bytes / total).toFixed(1)}× the bundle; no text, index or hashes)` : '  img2pdf not installed (apt-get install img2pdf) — baseline skipped',
      `  OCR of embedded order screenshots       ${ocr.filter((c) => c.found).length}/${ocr.length} order numbers read back (${ocr.map((c) => `证据${c.exhibit}:${c.found ? 'ok' : 'MISSED'}`).join(', ')})`,
      ...result.warnings.slice(0, 3).map((w) => `  note: ${w}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    await writeFile(
      path.join(OUT, 'result.json'),
      `${JSON.stringify({ ms, unlimitedMs, importMs, inputBytes, parts: result.parts, baseline: base, ocr, cores: os.availableParallelism() }, null, 2)}\n`,
    );
    const ok = ms < GOAL_MS && partBytes.every((b) => b <= LIMIT) && ocr.length > 0 && ocr.every((c) => c.found);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:bundle: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
