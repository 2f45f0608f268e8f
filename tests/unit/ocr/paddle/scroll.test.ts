// The row packer behind PP-OCR's banded reading (electron/main/ocr/paddle/scroll.ts): plain
// overlapping bands for ordinary screenshots, blank stretches left out of long scrolls with every
// canvas row mapped back to its original row, and lines read twice in an overlap kept once.
import { describe, expect, it } from 'vitest';
import type { Canvas } from '../../../../electron/main/ocr/paddle/scroll';
import { createPacker, dedupeLines, toOriginalRows } from '../../../../electron/main/ocr/paddle/scroll';

const WIDTH = 8;

/** A one-channel image `height` rows tall, white, with dark rows where `ink(row)` says. */
function image(height: number, ink: (row: number) => boolean): Buffer {
  const data = Buffer.alloc(WIDTH * height, 255);
  for (let y = 0; y < height; y++) if (ink(y)) data.fill(0, y * WIDTH + 2, y * WIDTH + 6);
  return data;
}

function pack(data: Buffer, opts: { maxRows: number; overlap: number; margin: number }, chunk = 37): Canvas[] {
  const packer = createPacker({ width: WIDTH, channels: 1, ...opts });
  const out: Canvas[] = [];
  const rows = data.length / WIDTH;
  // Odd chunk sizes: canvases must not depend on where decoding cut the image.
  for (let top = 0; top < rows; top += chunk) out.push(...packer.push(data.subarray(top * WIDTH, Math.min(rows, top + chunk) * WIDTH), top));
  out.push(...packer.end());
  return out;
}

describe('createPacker', () => {
  it('without a margin gives the overlapping bands the reader always used, each owning its half of the overlap', () => {
    const canvases = pack(image(1000, (y) => y % 10 < 3), { maxRows: 400, overlap: 100, margin: Infinity });
    expect(canvases.map((c) => [c.rowMap[0], c.height, c.ownFrom, c.ownTo])).toEqual([
      [0, 400, 0, 350],
      [300, 400, 50, 350],
      [600, 400, 50, 400],
    ]);
    // Rows are copied as they were.
    const second = canvases[1];
    expect(second?.rowMap[399]).toBe(699);
    expect(second?.data.subarray(0, WIDTH)).toEqual(image(1000, (y) => y % 10 < 3).subarray(300 * WIDTH, 301 * WIDTH));
  });

  it('an image exactly one band tall is one canvas owning every row', () => {
    const canvases = pack(image(400, (y) => y % 10 < 3), { maxRows: 400, overlap: 100, margin: Infinity });
    expect(canvases.map((c) => [c.height, c.ownFrom, c.ownTo])).toEqual([[400, 0, 400]]);
  });

  it('leaves long blank stretches out, keeping a margin round each text line, and maps rows back', () => {
    const lines = [100, 5000, 5300, 90_000, 179_950];
    const data = image(180_000, (y) => lines.some((l) => y >= l && y < l + 20));
    const canvases = pack(data, { maxRows: 200, overlap: 40, margin: 10 }, 2048);
    const kept = canvases.flatMap((c) => [...c.rowMap]);
    // The image's first 10 rows (a trailing margin of nothing), then each line with its 10-row
    // margins, nothing else, each row once, in order.
    const expected = [...Array.from({ length: 10 }, (_, i) => i), ...lines.flatMap((l) => Array.from({ length: Math.min(180_000, l + 30) - (l - 10) }, (_, i) => l - 10 + i))];
    expect(kept).toEqual(expected);
    for (const c of canvases) {
      expect(c.ownFrom).toBe(0);
      expect(c.ownTo).toBe(c.height);
      // A seam wherever the original rows jump.
      const jumps = [...c.rowMap].flatMap((r, i) => (i > 0 && r !== (c.rowMap[i - 1] ?? 0) + 1 ? [i] : []));
      expect(c.seams).toEqual(jumps);
    }
  });

  it('dense content in a long scroll falls back to overlapping bands', () => {
    const canvases = pack(image(1000, (y) => y % 6 < 4), { maxRows: 300, overlap: 60, margin: 10 });
    expect(canvases.map((c) => c.rowMap[0])).toEqual([0, 240, 480, 720]);
    expect(canvases.at(-1)?.rowMap.at(-1)).toBe(999);
  });
});

describe('toOriginalRows', () => {
  it('maps a box through the row map and clamps one that reaches over a seam to its own segment', () => {
    const rowMap = Int32Array.from([...Array.from({ length: 50 }, (_, i) => 1000 + i), ...Array.from({ length: 50 }, (_, i) => 9000 + i)]);
    const canvas = { rowMap, seams: [50], height: 100 };
    expect(toOriginalRows({ x0: 1, x1: 5, y0: 10, y1: 30 }, canvas)).toEqual({ x0: 1, x1: 5, y0: 1010, y1: 1030 });
    // Grown by detection past the seam: still 1030…1050, not 1030…9005.
    expect(toOriginalRows({ x0: 1, x1: 5, y0: 30, y1: 55 }, canvas)).toEqual({ x0: 1, x1: 5, y0: 1030, y1: 1050 });
    expect(toOriginalRows({ x0: 1, x1: 5, y0: 45, y1: 80 }, canvas)).toEqual({ x0: 1, x1: 5, y0: 9000, y1: 9030 });
  });
});

describe('dedupeLines', () => {
  const line = (text: string, y0: number, confidence = 0.9, x0 = 10): { text: string; confidence: number; box: { x0: number; x1: number; y0: number; y1: number } } => ({ text, confidence, box: { x0, x1: x0 + 200, y0, y1: y0 + 30 } });

  it('keeps one of a line read by two overlapping bands, and repeated text at other places', () => {
    const out = dedupeLines([line('好的 收到', 1002, 0.8), line('好的收到', 1000), line('好的收到', 1300), line('订单号 123', 1001, 0.9, 400)]);
    expect(out.map((l) => [l.text, l.box.y0])).toEqual([
      ['好的收到', 1000],
      ['订单号 123', 1001],
      ['好的收到', 1300],
    ]);
  });

  it('keeps different text on the same spot', () => {
    expect(dedupeLines([line('退款', 10), line('成功', 12)])).toHaveLength(2);
  });
});
