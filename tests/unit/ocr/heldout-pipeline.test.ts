// The two held-out weaknesses, end to end through ocrImage with the real pool: a wallet bill's big
// "-¥369.00" headline (read by the headline pass, its box mapped back to the original pixels) and
// a dark-mode QQ chat whose own blue bubble holds the order number (the mid-grey local threshold).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toScanJson } from '../../../shared/extract';
import type { OcrEngine } from '../../../electron/main/ocr/engine';
import { createOcrEngine } from '../../../electron/main/ocr/engine';
import { extractEvidenceFields } from '../../../electron/main/fields/extract';
import { ocrImage } from '../../../electron/main/ocr/pipeline';

const HELDOUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../ocr-corpus/heldout');
let engine: OcrEngine;

beforeAll(async () => {
  engine = createOcrEngine({ size: 1, idleMs: 0 });
  await engine.warm();
}, 30_000);

afterAll(async () => {
  await engine.terminate();
});

async function scan(name: string, capturedAt: string) {
  const bytes = await readFile(path.join(HELDOUT, name));
  const result = await ocrImage(engine, bytes);
  const json = toScanJson(await extractEvidenceFields({ kind: 'image', image: bytes, ocr: result, capturedAt, captureSource: 'filename' }), capturedAt, 'filename');
  return { result, json };
}

describe('held-out screenshots through the pipeline', () => {
  it('reads the headline amount of a JD wallet bill and keeps its box on the original', async () => {
    const { result, json } = await scan('Screenshot_20261005_183342_05-jd-bill.png', '2026-10-05T18:33:42');
    expect(json.amount).toBe('369.00');
    expect(json.orderNumbers).toEqual(['368926173099']);
    expect(json.timestamps).toEqual(['2026-10-05T14:52:41']);
    expect(result.preprocess.steps).toContain('headline pass ×1');
    // The headline sits at about y 420–520 of 2556 in the 1179-px-wide original, centred.
    const box = result.words.find((w) => /369/.test(w.text))?.bbox;
    expect(box).toBeDefined();
    expect(box?.y0).toBeGreaterThan(380);
    expect(box?.y1).toBeLessThan(560);
    expect(box?.x0).toBeGreaterThan(300);
    expect(box?.x1).toBeLessThan(900);
  });

  it('reads the order number in a dark-mode QQ own bubble', async () => {
    const { result, json } = await scan('Screenshot_20261026_190742_12-qq-chat-alt.png', '2026-10-26T19:07:42');
    expect(result.preprocess.steps).toContain('invert');
    expect(result.preprocess.steps.some((s) => s.startsWith('local threshold'))).toBe(true);
    expect(result.preprocess.steps.some((s) => s.startsWith('headline'))).toBe(false);
    expect(json.orderNumbers).toEqual(['202610141907424722']);
    expect(json.kind).toBe('chat');
  });
});
