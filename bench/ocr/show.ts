// Prints what the pipeline reads from images and what it extracts, next to the truth, to see why a
// field was missed. `npx tsx bench/ocr/show.ts <image>...`
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { toScanJson } from '../../shared/extract';
import { chatAppHint } from '../../electron/main/ocr/hints';
import { extractEvidenceFields } from '../../electron/main/fields/extract';
import { createOcrEngine } from '../../electron/main/ocr/engine';
import { ocrImage } from '../../electron/main/ocr/pipeline';
import { captureTimeFromFileName } from '../../shared/domain/captureTime';

const files = process.argv.slice(2);
const engine = createOcrEngine({ size: Math.min(2, files.length), idleMs: 0 });
try {
  for (const file of files) {
    const bytes = await readFile(file);
    const r = await ocrImage(engine, bytes);
    const capturedAt = captureTimeFromFileName(file);
    const hint = await chatAppHint(bytes);
    const scan = toScanJson(await extractEvidenceFields({ kind: 'image', image: bytes, ocr: r, capturedAt, captureSource: capturedAt === null ? null : 'filename' }), capturedAt, capturedAt === null ? null : 'filename');
    const truthFile = file.replace(/\.[^.]+$/, '.json');
    process.stdout.write(`=== ${file}\n--- preprocess: ${r.preprocess.steps.join(', ')}  ${r.ms} ms  bubbles ${JSON.stringify(hint)}\n--- raw\n${r.rawText}\n--- cleaned\n${r.text}\n`);
    const { text: _text, ...fields } = scan;
    process.stdout.write(`--- got   ${JSON.stringify(fields)}\n`);
    if (existsSync(truthFile)) {
      const { variant: _v, file: _f, ...truth } = JSON.parse(await readFile(truthFile, 'utf8')) as Record<string, unknown>;
      process.stdout.write(`--- truth ${JSON.stringify(truth)}\n`);
    }
  }
} finally {
  await engine.terminate();
}
