// How the preprocessing recipe and page segmentation mode were chosen: every combination over the
// corpus, scored end to end (OCR + shared/extract). Tuned on corpora rendered with other seeds, so
// the committed corpus stays a held-out check:
//   npx tsx tests/ocr-corpus/generate.ts bench-results/ocr-tune-a --seed=7   (and --seed=99 → -b)
//   npx tsx bench/ocr/sweep.ts bench-results/ocr-tune-a bench-results/ocr-tune-b [--recipes=a,b] [--psm=6,3] [--verbose]
import path from 'node:path';
import Tesseract from 'tesseract.js';
import { toScanJson } from '../../shared/extract';
import { extractEvidenceFields } from '../../electron/main/fields/extract';
import { createOcrEngine } from '../../electron/main/ocr/engine';
import { ocrImage } from '../../electron/main/ocr/pipeline';
import type { PreprocessRecipe } from '../../electron/main/ocr/preprocess';
import { DEFAULT_RECIPE } from '../../electron/main/ocr/preprocess';
import { DEFAULT_CORPUS_DIR } from '../../tests/ocr-corpus/generate';
import { loadCorpus } from './corpus';
import type { Miss } from './score';
import { FIELDS, emptyScore, precision, recall, scoreImage } from './score';
import { readFile } from 'node:fs/promises';
import { mapLimit } from '../../electron/main/ocr/limit';

const base: PreprocessRecipe = { ...DEFAULT_RECIPE, flipSolid: false, threshold: 200, minWidth: 1000, maxWidth: 99999 };
const RECIPES: Record<string, PreprocessRecipe> = {
  colour: { ...base, greyscale: false, invert: 'never', threshold: null, minWidth: 0 },
  grey: { ...base, invert: 'never', threshold: null, minWidth: 0 },
  'grey+invert': { ...base, threshold: null, minWidth: 0 },
  'grey+t200': { ...base, invert: 'never', minWidth: 0 },
  'grey+invert+t200': { ...base, minWidth: 0 },
  'grey+invert+norm': { ...base, threshold: null, normalise: true, minWidth: 0 },
  'grey+invert+t200+up1000': base,
  'grey+invert+t180+up1000': { ...base, threshold: 180 },
  'grey+invert+t220+up1000': { ...base, threshold: 220 },
  'grey+invert+t200+up750': { ...base, minWidth: 750 },
  'grey+invert+t200+up1400': { ...base, minWidth: 1400 },
  'grey+invert+t200+up1000+max1080': { ...base, maxWidth: 1080 },
  'grey+invert+t180+flip+up1000': { ...base, threshold: 180, flipSolid: true },
  'grey+invert+t200+flip+up1000': { ...base, threshold: 200, flipSolid: true },
  'grey+invert+t190+flip+up1000': { ...base, threshold: 190, flipSolid: true },
  'grey+invert+t180+flip+up1000+max900': { ...base, threshold: 180, flipSolid: true, maxWidth: 900 },
  'grey+invert+stretch180+flip+up1000': { ...base, threshold: 180, flipSolid: true, output: 'grey' },
  'grey+invert+stretch200+flip+up1000': { ...base, threshold: 200, flipSolid: true, output: 'grey' },
  'grey+invert+t200+flip+up750': { ...base, flipSolid: true, minWidth: 750 },
  'grey+invert+t200+flip+up1400': { ...base, flipSolid: true, minWidth: 1400 },
  'grey+invert+t200+flip+up1000+max1080': { ...base, flipSolid: true, maxWidth: 1080 },
  default: DEFAULT_RECIPE,
};

const args = process.argv.slice(2);
const dirs = args.filter((a) => !a.startsWith('--')).map((d) => path.resolve(d));
if (dirs.length === 0) dirs.push(DEFAULT_CORPUS_DIR);
const only = args.find((a) => a.startsWith('--recipes='))?.slice(10).split(',');
const psms = (args.find((a) => a.startsWith('--psm='))?.slice(6) ?? '6').split(',');
const verbose = args.includes('--verbose');
const dpi = args.find((a) => a.startsWith('--dpi='))?.slice(6);
const blacklist = args.find((a) => a.startsWith('--blacklist='))?.slice(12);
// Any other tesseract parameters: --params=tessedit_do_invert=0,textord_heavy_nr=1
const extra: Record<string, string> = {};
for (const kv of args.find((a) => a.startsWith('--params='))?.slice(9).split(',') ?? []) {
  const [k = '', v = ''] = kv.split('=');
  if (k !== '') extra[k] = v;
}
const images = (await Promise.all(dirs.map(loadCorpus))).flat();
const pct = (n: number): string => `${(n * 100).toFixed(1)}`.padStart(5);

process.stdout.write(`${images.length} images from ${dirs.join(', ')}\nrecipe | psm | ${FIELDS.map((f) => `${f} R/P`).join(' | ')} | ms/img\n`);
for (const psm of psms) {
  const engine = createOcrEngine({ psm: psm === '3' ? Tesseract.PSM.AUTO : psm === '4' ? Tesseract.PSM.SINGLE_COLUMN : psm === '11' ? Tesseract.PSM.SPARSE_TEXT : Tesseract.PSM.SINGLE_BLOCK, idleMs: 0, params: { ...(dpi ? { user_defined_dpi: dpi } : {}), ...(blacklist !== undefined ? { tessedit_char_blacklist: blacklist } : {}), ...extra } });
  await engine.warm();
  for (const [name, recipe] of Object.entries(RECIPES)) {
    if (only && !only.includes(name)) continue;
    const score = emptyScore();
    const misses: Miss[] = [];
    let ms = 0;
    await mapLimit(images, engine.size, async (img) => {
        const bytes = await readFile(img.path);
        const r = await ocrImage(engine, bytes, { recipe });
        ms += r.ms;
        const scan = toScanJson(await extractEvidenceFields({ kind: 'image', image: bytes, ocr: r, capturedAt: img.truth.capturedAt, captureSource: 'filename' }), img.truth.capturedAt, 'filename');
        misses.push(...scoreImage(score, img.truth, scan));
    });
    const cells = FIELDS.map((f) => `${pct(recall(score[f]))}/${pct(precision(score[f]))}`);
    process.stdout.write(`${name} | ${psm} | ${cells.join(' | ')} | ${Math.round(ms / images.length)}\n`);
    if (verbose) for (const m of misses.sort((a, b) => a.file.localeCompare(b.file))) process.stdout.write(`   ${m.file} ${m.field} missing=${m.missing.join(',')} wrong=${m.wrong.join(',')}\n`);
  }
  await engine.terminate();
}
