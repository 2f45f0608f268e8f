// Renders the OCR corpus: HTML mock-ups → Chromium at phone size → PNG, then the recompression or
// downscale real screenshots go through, each image with its ground truth next to it.
//
//   npx tsx tests/ocr-corpus/generate.ts [outDir] [--seed=N]   (default tests/ocr-corpus/images)
//
// The seed fixes every id, text and layout, but pixels also depend on Chromium and the fonts, so
// the rendered images are committed (about 4 MB): the bench and the unit tests read those, and a
// regenerated set is only compared against its own truth.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import sharp from 'sharp';
import { chromiumLaunchOptions } from '../support/chromium';
import type { CorpusCase } from './cases';
import { CORPUS_SEED, corpusCases } from './cases';
import { documentHtml } from './html';
import { compact, iso } from './ids';
import type { CorpusTruth } from './truth';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_CORPUS_DIR = path.join(HERE, 'images');
/** Bump when a template changes, so a cached corpus is rebuilt. */
export const CORPUS_VERSION = 1;

export interface CorpusManifest {
  version: number;
  seed: number;
  images: CorpusTruth[];
}

export function fileName(c: CorpusCase): string {
  const stamp = compact(c.capture);
  const ext = c.post.jpegQuality === null ? 'png' : 'jpg';
  return `Screenshot_${stamp.slice(0, 8)}_${stamp.slice(8)}_${String(c.index).padStart(2, '0')}-${c.page.slug}.${ext}`;
}

/** Fails loudly when a value the truth counts on is cut off at the bottom of the "phone". */
const HIDDEN_TRUTH = `(() => {
  const bar = document.querySelector('.inputbar');
  const limit = window.innerHeight - (bar ? bar.getBoundingClientRect().height : 0);
  return [...document.querySelectorAll('.t')].filter((el) => el.getBoundingClientRect().bottom > limit).map((el) => el.textContent.slice(0, 40));
})()`;

const WRAPPED_VALUES = `[...document.querySelectorAll('.row .v')].filter((el) => el.getClientRects().length > 1 || el.getBoundingClientRect().height > 40).length`;

export async function render(cases: readonly CorpusCase[], outDir: string, log: (line: string) => void): Promise<CorpusTruth[]> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  const out: CorpusTruth[] = [];
  try {
    for (const c of cases) {
      const { width, height, dpr } = c.viewport;
      const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr });
      const page = await context.newPage();
      await page.setContent(documentHtml(c.style, c.page.html, c.page.background), { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready');
      const hidden = (await page.evaluate(HIDDEN_TRUTH)) as string[];
      if (hidden.length > 0) throw new Error(`case ${c.index} (${c.page.slug}): truth cut off: ${hidden.join(' | ')}`);
      // A value the layout wrapped onto two lines is a harder case; the tag lets the bench show it.
      const wrapped = (await page.evaluate(WRAPPED_VALUES)) as number;
      const shot = await page.screenshot({ type: 'png' });
      await context.close();

      let img = sharp(shot);
      const meta = await sharp(shot).metadata();
      const w = Math.round(meta.width * c.post.scale);
      const h = Math.round(meta.height * c.post.scale);
      if (c.post.scale !== 1) img = img.resize(w, h, { kernel: 'lanczos3' });
      const bytes = c.post.jpegQuality === null ? await img.png({ compressionLevel: 9 }).toBuffer() : await img.jpeg({ quality: c.post.jpegQuality }).toBuffer();
      const file = fileName(c);
      await writeFile(path.join(outDir, file), bytes);
      const truth: CorpusTruth = {
        file,
        capturedAt: iso(c.capture),
        ...c.page.truth,
        variant: {
          theme: c.style.theme,
          latin: c.style.latin,
          viewport: c.viewport,
          pixels: { width: w, height: h },
          scale: c.post.scale,
          jpegQuality: c.post.jpegQuality,
          tags: wrapped > 0 ? [...c.page.tags, 'wrapped-value'] : c.page.tags,
        },
      };
      await writeFile(path.join(outDir, file.replace(/\.\w+$/, '.json')), `${JSON.stringify(truth, null, 2)}\n`);
      out.push(truth);
      log(`${file}  ${w}×${h}  ${(bytes.length / 1024).toFixed(0)} KB`);
    }
  } finally {
    await browser.close();
  }
  return out;
}

/** `seed` other than the default gives a fresh set of the same kinds, for tuning without touching the committed one. */
export async function generateCorpus(outDir = DEFAULT_CORPUS_DIR, log: (line: string) => void = () => {}, seed = CORPUS_SEED): Promise<CorpusManifest> {
  await mkdir(outDir, { recursive: true });
  for (const f of await readdir(outDir)) if (/^Screenshot_.*\.(png|jpg|json)$/.test(f)) await rm(path.join(outDir, f));
  const images = await render(corpusCases(seed), outDir, log);
  const manifest: CorpusManifest = { version: CORPUS_VERSION, seed, images };
  await writeFile(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const seedArg = args.find((a) => a.startsWith('--seed='));
  const dir = args.find((a) => !a.startsWith('--'));
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  generateCorpus(dir ? path.resolve(dir) : DEFAULT_CORPUS_DIR, log, seedArg ? Number(seedArg.slice(7)) : CORPUS_SEED).then(
    (m) => log(`${m.images.length} images`),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
