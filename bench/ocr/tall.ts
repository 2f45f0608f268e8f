// The long-scroll line of bench:ocr (issue 19): a 300×894,000 PNG made now (tests/ocr-corpus/tall.ts),
// read by PP-OCR through the app's path (pipeline + field extraction), with the process's peak RSS
// for that one image (worker threads included) and whether the top, middle and bottom lines came
// back at their own rows. Goal: it finishes, every line once, peak RSS under 600 MB.
import { extractEvidenceFields } from '../../electron/main/fields/extract';
import { createPaddleEngine } from '../../electron/main/ocr/paddle/engine';
import { ocrImage } from '../../electron/main/ocr/pipeline';
import { makeTallImage } from '../../tests/ocr-corpus/tall';

export interface TallRun {
  image: string;
  lines: number;
  linesRead: number;
  markers: string;
  seconds: number;
  peakRssMb: number;
  baseRssMb: number;
}

const MB = 1048576;

export async function tallBench(every = 300): Promise<TallRun> {
  const tall = await makeTallImage({ every });
  const engine = createPaddleEngine({ size: 1, idleMs: 0 });
  await engine.warm();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = Date.now();
  try {
    const result = await ocrImage(engine, tall.png);
    await extractEvidenceFields({ kind: 'image', image: tall.png, ocr: { rawText: result.rawText, words: result.words }, capturedAt: null, captureSource: null });
    const seconds = (Date.now() - started) / 1000;
    const found = Object.entries(tall.markers).map(([where, m]) => {
      const tag = m.text.split(' ')[1] ?? '';
      const word = result.words.find((w) => w.text.includes(tag));
      return `${where} ${word ? `y=${word.bbox.y0} (drawn at ${m.y})` : 'MISSING'}`;
    });
    return {
      image: `${tall.width}×${tall.height} PNG, ${(tall.png.length / MB).toFixed(1)} MB, a line every ${every} px`,
      lines: tall.lines,
      linesRead: result.rawText.split('\n').filter((l) => l.trim() !== '').length,
      markers: found.join(', '),
      seconds,
      peakRssMb: peak / MB,
      baseRssMb: base / MB,
    };
  } finally {
    clearInterval(sampler);
    await engine.terminate();
  }
}

export function tallLine(r: TallRun): string {
  return `long scroll (PP-OCRv4, one image): ${r.image}: ${r.linesRead}/${r.lines} lines, ${r.markers}; ${r.seconds.toFixed(1)} s; peak RSS ${Math.round(r.peakRssMb)} MB (process, ${Math.round(r.baseRssMb)} MB before the image)`;
}
