// In-app redaction: main derives the areas from the OCR words it stored for each original, applies
// the buyer's unticks and drawn rectangles, and the export burns them into the embedded image.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBundleService } from '../../../electron/main/bundle';
import { createBundleHandlers } from '../../../electron/main/bundle/handlers';
import { createRedactionSource } from '../../../electron/main/bundle/redactions';
import { fileKeyBox } from '../../../electron/main/secrets/box';
import { ocrStore } from '../../../electron/main/ocr/store';
import { vaultLayout } from '../../../electron/main/vault/layout';
import { bundleSchemas } from '../../../shared/bundle/contract';
import type { BBox, OcrWord } from '../../../shared/extract';
import { makeFixture, sourceFiles, PHONE_BUBBLE } from './support';
import type { BundleFixture } from './support';
import { meanGrey, tool } from './pdf';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** What tesseract reports for the phone bubble's text: one word per CJK character, then the number. */
function phoneWords(): OcrWord[] {
  const y0 = PHONE_BUBBLE.y0 + 44;
  const y1 = y0 + 42;
  const chars = [...'我的手机号'].map((c, i) => ({ text: c, confidence: 90, bbox: { x0: 176 + i * 42, y0, x1: 214 + i * 42, y1 } }));
  return [...chars, { text: '13800138000', confidence: 91, bbox: { x0: 404, y0, x1: 640, y1 } }];
}

/** A rectangle the buyer draws over the order number on the order screenshot (orderPageSvg row 1, at scale 2). */
const DRAWN: BBox = { x0: 60, y0: 1000, x1: 700, y1: 1060 };

describe('in-app redaction from stored OCR words', () => {
  let fx: BundleFixture;
  let out: string;
  let handlers: ReturnType<typeof createBundleHandlers>;
  const saves: string[] = [];

  beforeAll(async () => {
    const files = (await sourceFiles()).filter((f) => f.kind === 'order' || (f.kind === 'chat' && f.name.endsWith('.png'))).map((f) => ({ ...f, redactions: undefined }));
    fx = await makeFixture(files);
    const chat = fx.input.evidence[1];
    if (!chat) throw new Error('fixture lacks the chat screenshot');
    const words = phoneWords();
    await ocrStore(fx.vaultDir).writeResult({
      sha256: chat.sha256,
      createdAt: '2026-11-22T02:00:00.000Z',
      text: '我的手机号13800138000',
      rawText: '我 的 手 机 号 13800138000',
      words,
      preprocess: { steps: [], scale: 1, original: { width: 1080, height: 2340 }, medianLuma: 230 },
      ms: 1,
      engine: 'test',
      kind: 'tesseract',
      confidence: 90,
    });
    out = path.join(fx.root, 'out');
    handlers = createBundleHandlers(createBundleService({ vaultDir: fx.vaultDir }), { chooseSavePath: async () => saves.shift() ?? null, chooseFolder: async () => null }, createRedactionSource(fx.vaultDir), fileKeyBox(fx.root));
  }, 60_000);
  afterAll(() => fx.cleanup());

  it('lists the phone number OCR found, in original pixels, and nothing for an image without OCR', async () => {
    const [order, chat] = fx.input.evidence;
    const found = await handlers['bundle:redactionTargets']({ sha256: chat?.sha256 ?? '' });
    expect(found.ocrDone).toBe(true);
    expect(found.targets.map((t) => [t.kind, t.text])).toEqual([['phone', '13800138000']]);
    expect(found.targets[0]?.box).toEqual({ x0: 404, y0: PHONE_BUBBLE.y0 + 44, x1: 640, y1: PHONE_BUBBLE.y0 + 86 });
    expect(await handlers['bundle:redactionTargets']({ sha256: order?.sha256 ?? '' })).toEqual({ sha256: order?.sha256, ocrDone: false, targets: [] });
  });

  async function exportWith(name: string, skip: number[]): Promise<string[]> {
    const file = path.join(out, `${name}.pdf`);
    saves.push(file);
    const [order, chat] = fx.input.evidence;
    const req = {
      input: fx.input,
      maxBytes: null,
      redact: true,
      format: 'pdf' as const,
      redactions: [
        { sha256: order?.sha256 ?? '', drawn: [DRAWN], skip: [] },
        { sha256: chat?.sha256 ?? '', drawn: [], skip },
      ],
    };
    expect(bundleSchemas['bundle:export'].safeParse(req).success).toBe(true);
    await handlers['bundle:export'](req);
    const dir = path.join(out, name);
    await mkdir(dir, { recursive: true });
    await tool('pdfimages', ['-j', file, path.join(dir, 'x')]);
    return (await readdir(dir)).filter((f) => f.endsWith('.jpg')).sort().map((f) => path.join(dir, f));
  }

  it('burns the drawn rectangle and the OCR phone number into the embedded images', async () => {
    const [orderJpg, chatJpg] = await exportWith('both', []);
    const inside = (b: BBox, m: number) => ({ left: b.x0 + m, top: b.y0 + m, width: b.x1 - b.x0 - 2 * m, height: b.y1 - b.y0 - 2 * m });
    expect(await meanGrey(orderJpg ?? '', inside(DRAWN, 6))).toBeLessThan(10);
    expect(await meanGrey(chatJpg ?? '', inside({ x0: 404, y0: PHONE_BUBBLE.y0 + 44, x1: 640, y1: PHONE_BUBBLE.y0 + 86 }, 4))).toBeLessThan(10);
    // The label before the number stays readable (not black).
    expect(await meanGrey(chatJpg ?? '', { left: 180, top: PHONE_BUBBLE.y0 + 10, width: 200, height: 20 })).toBeGreaterThan(150);
    for (const e of fx.input.evidence) expect(sha(await readFile(vaultLayout(fx.vaultDir).blob(e.sha256)))).toBe(e.sha256);
  });

  it('leaves an unticked OCR area as it was', async () => {
    const [, chatJpg] = await exportWith('skipped', [0]);
    expect(await meanGrey(chatJpg ?? '', { left: 420, top: PHONE_BUBBLE.y0 + 50, width: 200, height: 30 })).toBeGreaterThan(120);
  });

  it('refuses drawn rectangles that are negative, infinite, inverted or too many', () => {
    const base = { input: fx.input, maxBytes: null, redact: true };
    const one = (r: Record<string, number>) => bundleSchemas['bundle:preflight'].safeParse({ ...base, redactions: [{ sha256: 'a'.repeat(64), drawn: [r], skip: [] }] }).success;
    expect(one({ x0: 1, y0: 1, x1: 5, y1: 5 })).toBe(true);
    expect(one({ x0: -1, y0: 1, x1: 5, y1: 5 })).toBe(false);
    expect(one({ x0: 1, y0: 1, x1: Infinity, y1: 5 })).toBe(false);
    expect(one({ x0: 1, y0: 1, x1: Number.NaN, y1: 5 })).toBe(false);
    expect(one({ x0: 9, y0: 1, x1: 5, y1: 5 })).toBe(false);
    const many = Array.from({ length: 201 }, () => ({ x0: 0, y0: 0, x1: 1, y1: 1 }));
    expect(bundleSchemas['bundle:preflight'].safeParse({ ...base, redactions: [{ sha256: 'a'.repeat(64), drawn: many, skip: [] }] }).success).toBe(false);
  });
});
