#!/usr/bin/env node
// Copies the files the packaged app reads at run time into resources/ (shipped outside the asar
// archive): the two Source Han Sans SC weights the bundle PDF embeds, with their OFL-1.1 licence, and
// (through ocr-data.mjs) the OCR language data.
// In development the bundle service finds the same fonts in node_modules, so this is a build step.
// Usage: node scripts/resources.mjs [outDir]  (default: resources/ in the checkout; the tests pass a
// temp folder so that nothing is written into the checkout).
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const fontPackage = path.dirname(require.resolve('node-source-han-sans-sc/package.json'));
const outRoot = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'resources');
const target = path.join(outRoot, 'fonts');

const copies = [
  ['SourceHanSansSC-Regular.otf', 'SourceHanSansSC-Regular.otf'],
  ['SourceHanSansSC-Bold.otf', 'SourceHanSansSC-Bold.otf'],
  ['LICENSE', 'LICENSE-SourceHanSans-OFL.txt'],
];

async function same(a, b) {
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    return sa.size === sb.size && sa.mtimeMs <= sb.mtimeMs;
  } catch {
    return false;
  }
}

await mkdir(target, { recursive: true });
for (const [from, to] of copies) {
  const src = path.join(fontPackage, from);
  const dst = path.join(target, to);
  if (await same(src, dst)) continue;
  await copyFile(src, dst);
  process.stdout.write(`resources: ${dst}\n`);
}

// The OCR language data goes next to the fonts (resources/ocr), for electron-builder's extraResources.
await import('./ocr-data.mjs');
