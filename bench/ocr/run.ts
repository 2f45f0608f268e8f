// bench:ocr — the OCR pipeline over the fixture corpus: per-field recall and precision, ms per image
// and pool throughput, next to the native tesseract CLI on the same prepared images when installed.
//
//   npm run bench:ocr [-- --corpus <dir>] [--verbose] [--no-native] [--rounds=N]
//
// Both engines read the same preprocessed PNGs (preprocessing is timed once, apart); rounds alternate
// between them and the fastest wall time of each counts, since outside load only ever slows a round.
//
// A corpus folder holds images with a truth JSON each (tests/ocr-corpus/truth.ts), so screenshots
// from elsewhere can be measured the same way.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { toScanJson } from '../../shared/extract';
import type { OcrWord, ScanJson } from '../../shared/extract';
import { OCR_PSM, createOcrEngine } from '../../electron/main/ocr/engine';
import type { OcrEngine } from '../../electron/main/ocr/engine';
import { extractEvidenceFields } from '../../electron/main/fields/extract';
import { headlinePass } from '../../electron/main/ocr/headline';
import { preprocess, toOriginal } from '../../electron/main/ocr/preprocess';
import { DEFAULT_CORPUS_DIR, generateCorpus } from '../../tests/ocr-corpus/generate';
import type { CorpusImage } from './corpus';
import { loadCorpus } from './corpus';
import { nativeTesseract, recognizeNative } from './native';
import { mapLimit } from '../../electron/main/ocr/limit';
import type { Miss, Score } from './score';
import { FIELDS, emptyScore, precision, recall, scoreImage } from './score';

interface Args {
  corpus: string;
  verbose: boolean;
  native: boolean;
  /** Timed rounds per engine, alternating; the fastest counts, since other load on the machine only slows a round. */
  rounds: number;
}

function parseArgs(argv: readonly string[]): Args {
  const at = argv.indexOf('--corpus');
  const rounds = Number(argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 2);
  return {
    corpus: path.resolve(at >= 0 ? (argv[at + 1] ?? '') : DEFAULT_CORPUS_DIR),
    verbose: argv.includes('--verbose'),
    native: !argv.includes('--no-native'),
    rounds: Number.isInteger(rounds) && rounds > 0 ? rounds : 2,
  };
}

/** An image prepared once, so both engines read exactly the same pixels. */
interface Prepared {
  img: CorpusImage;
  png: Buffer;
  width: number;
  height: number;
  scale: Pick<Awaited<ReturnType<typeof preprocess>>, 'scale' | 'original'>;
  /** The original, for the chat-app hint the app's extraction takes from its pixels. */
  bytes: Buffer;
  prepMs: number;
}

interface Recognition {
  text: string;
  words: OcrWord[];
  ms: number;
}

interface EngineRun {
  label: string;
  score: Score;
  misses: Miss[];
  /** Recognition only, per image. */
  ms: number[];
  /** Best wall time over the rounds for the whole corpus. */
  wallMs: number;
  startMs: number;
}

/** Both engines get the same second pass for headline amounts as the app (pipeline.ts) does. */
async function withHeadline(engine: Pick<OcrEngine, 'recognize'>, p: Prepared): Promise<Recognition> {
  const first = await engine.recognize(p.png);
  const merged = await headlinePass(engine, p, first);
  return { text: merged.text, words: merged.words, ms: first.ms + merged.ms };
}

const nativeEngine: Pick<OcrEngine, 'recognize'> = {
  recognize: async (png) => ({ ...(await recognizeNative(Buffer.from(png), OCR_PSM)), confidence: 0 }),
};

/** One timed pass over the corpus, `lanes` images at a time, scored against the truth. */
async function runEngine(label: string, prepared: readonly Prepared[], lanes: number, startMs: number, read: (p: Prepared) => Promise<Recognition>): Promise<EngineRun> {
  const started = Date.now();
  const results = await mapLimit(prepared, lanes, read);
  const run: EngineRun = { label, score: emptyScore(), misses: [], ms: [], wallMs: Date.now() - started, startMs };
  for (const [i, r] of results.entries()) {
    const p = prepared[i];
    if (!p) continue;
    run.ms.push(r.ms);
    const ocr = { rawText: r.text, words: toOriginal(r.words, p.scale) };
    const scan: ScanJson = toScanJson(await extractEvidenceFields({ kind: 'image', image: p.bytes, ocr, capturedAt: p.img.truth.capturedAt }), p.img.truth.capturedAt);
    run.misses.push(...scoreImage(run.score, p.img.truth, scan));
  }
  return run;
}

const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;
const quantile = (xs: readonly number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function table(runs: readonly EngineRun[], count: number): string {
  const head = `| field | ${runs.map((r) => `${r.label} recall | precision`).join(' | ')} |`;
  const rule = `|---|${runs.map(() => '---|---').join('|')}|`;
  const rows = FIELDS.map((f) => `| ${f} (${runs[0]?.score[f].expected ?? 0}) | ${runs.map((r) => `${pct(recall(r.score[f]))} | ${pct(precision(r.score[f]))}`).join(' | ')} |`);
  const perf = [
    `| recognition ms/image mean (p50, p95) | ${runs.map((r) => `${Math.round(mean(r.ms))} (${quantile(r.ms, 0.5)}, ${quantile(r.ms, 0.95)}) |`).join(' | ')}`,
    `| throughput, images/s (${count} images, best round) | ${runs.map((r) => `${((count * 1000) / r.wallMs).toFixed(2)} |`).join(' | ')}`,
    `| start-up ms (once per pool; per image for the CLI) | ${runs.map((r) => `${r.startMs} |`).join(' | ')}`,
  ];
  return [head, rule, ...rows, ...perf].join('\n');
}

function targets(run: EngineRun, native: EngineRun | undefined): string[] {
  const s = run.score;
  const check = (ok: boolean, text: string): string => `${ok ? 'PASS' : 'FAIL'}  ${text}`;
  const lines = [
    check(recall(s.ids) >= 0.99 && s.ids.found === s.ids.correct, `identifiers recall ${pct(recall(s.ids))} ≥ 99%, false ids ${s.ids.found - s.ids.correct} = 0`),
    check(recall(s.timestamps) >= 0.97, `timestamps recall ${pct(recall(s.timestamps))} ≥ 97% (precision ${pct(precision(s.timestamps))})`),
    check(recall(s.amount) >= 0.97, `amount recall ${pct(recall(s.amount))} ≥ 97% (precision ${pct(precision(s.amount))})`),
    check(recall(s.scam) === 1 && precision(s.scam) === 1, `scam flags ${pct(recall(s.scam))} recall, ${pct(precision(s.scam))} precision = 100%`),
  ];
  const rate = (r: EngineRun): string => ((r.ms.length * 1000) / r.wallMs).toFixed(2);
  if (native) lines.push(check(run.wallMs <= native.wallMs, `pool throughput ${rate(run)}/s ≥ native CLI ${rate(native)}/s`));
  return lines;
}

/** Keeps the first round's scores and the best wall time of all rounds. */
function merge(runs: EngineRun[], at: number, next: EngineRun): void {
  const seen = runs[at];
  if (seen) seen.wallMs = Math.min(seen.wallMs, next.wallMs);
  else runs[at] = next;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let images = await loadCorpus(args.corpus);
  if (images.length === 0 && args.corpus === DEFAULT_CORPUS_DIR) {
    process.stdout.write('Corpus missing: rendering it with Chromium…\n');
    await generateCorpus(args.corpus);
    images = await loadCorpus(args.corpus);
  }
  if (images.length === 0) throw new Error(`No images with truth JSON in ${args.corpus}`);
  const cores = os.availableParallelism();

  // Preprocessing once, shared: both engines get identical PNGs, and its cost is reported apart.
  const prepared = await mapLimit(images, cores, async (img): Promise<Prepared> => {
    const bytes = await readFile(img.path);
    const t = Date.now();
    const p = await preprocess(bytes);
    const prepMs = Date.now() - t;
    return { img, png: p.png, width: p.width, height: p.height, scale: { scale: p.scale, original: p.original }, bytes, prepMs };
  });

  const engine = createOcrEngine({ idleMs: 0 });
  const native = args.native ? await nativeTesseract() : null;
  const runs: EngineRun[] = [];
  try {
    const warmStart = Date.now();
    await engine.warm();
    const startMs = Date.now() - warmStart;
    // Rounds alternate between the engines so a burst of outside load hits both alike.
    for (let round = 0; round < args.rounds; round++) {
      const pool = await runEngine(`tesseract.js pool×${engine.size}`, prepared, engine.size, startMs, (p) => withHeadline(engine, p));
      merge(runs, 0, pool);
      if (native) merge(runs, 1, await runEngine(`native CLI ×${cores}`, prepared, cores, 0, (p) => withHeadline(nativeEngine, p)));
    }
  } finally {
    await engine.terminate();
  }
  const [poolRun, nativeRun] = runs;
  if (!poolRun) throw new Error('no runs');

  const out = [
    `bench:ocr — ${images.length} images from ${path.relative(process.cwd(), args.corpus) || args.corpus}, ${cores} cores, ${engine.name}${native ? `; native ${native.version} (Debian tessdata_fast), OMP_THREAD_LIMIT=1, one process per image` : '; native tesseract not installed'}`,
    `preprocessing (shared, same PNGs for both): ${Math.round(mean(prepared.map((p) => p.prepMs)))} ms/image mean; best of ${args.rounds} alternating rounds`,
    '',
    table(runs, images.length),
    '',
    ...targets(poolRun, nativeRun),
  ];
  if (args.verbose) {
    for (const r of runs) {
      out.push('', `misses (${r.label}):`);
      for (const m of r.misses.sort((a, b) => a.file.localeCompare(b.file) || a.field.localeCompare(b.field))) {
        if (m.field === 'ids') continue;
        out.push(`  ${m.file}  ${m.field}  missing=[${m.missing.join(', ')}]  wrong=[${m.wrong.join(', ')}]`);
      }
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
  await mkdir('bench-results', { recursive: true });
  const summary = runs.map(({ misses, ...r }) => ({ ...r, misses: misses.filter((m) => m.field !== 'ids') }));
  await writeFile(path.join('bench-results', 'ocr.json'), `${JSON.stringify({ at: new Date().toISOString(), images: images.length, runs: summary }, null, 2)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:ocr: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
