// Solid mid-grey areas with dark text (dark mode's inverted QQ bubbles) are thresholded on their own
// fill; mid-grey areas with light text stay with the flip. Synthetic screens through the real sharp path.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { preprocess } from '../../../electron/main/ocr/preprocess';
import type { Bitmap } from '../../../electron/main/ocr/polarity';
import { rethresholdMidtones } from '../../../electron/main/ocr/midtone';

async function screen(width: number, height: number, bg: string, rects: Array<[number, number, number, number, string]>): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${bg}"/>${rects
    .map(([x, y, w, h, fill]) => `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}"/>`)
    .join('')}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function pixels(png: Buffer): Promise<Uint8Array> {
  return sharp(png).toColourspace('b-w').raw().toBuffer();
}

/** A grey bitmap: `bg` with rectangles of the given grey levels. */
function bitmap(width: number, height: number, bg: number, rects: Array<[number, number, number, number, number]>): Bitmap {
  const data = new Uint8Array(width * height).fill(bg);
  for (const [x, y, w, h, v] of rects) for (let r = y; r < y + h; r++) data.fill(v, r * width + x, r * width + x + w);
  return { data, width, height };
}

const thresholded = (g: Bitmap, t: number): Bitmap => ({ ...g, data: g.data.map((v) => (v >= t ? 255 : 0)) });

describe('rethresholdMidtones', () => {
  it('turns a mid-grey area with dark text into black text on white', () => {
    const grey = bitmap(400, 800, 240, [[50, 100, 300, 120, 143], [80, 140, 200, 30, 10]]);
    const binary = thresholded(grey, 200);
    expect(binary.data[110 * 400 + 60]).toBe(0);
    expect(rethresholdMidtones(grey, binary, 200)).toBe(1);
    expect(binary.data[110 * 400 + 60]).toBe(255);
    expect(binary.data[150 * 400 + 150]).toBe(0);
    expect(binary.data[10 * 400 + 10]).toBe(255);
  });

  it('leaves an area with light text, a plain dark block and small grey specks alone', () => {
    const grey = bitmap(400, 800, 240, [[50, 100, 300, 120, 150], [80, 140, 200, 30, 255], [50, 400, 300, 120, 60], [20, 700, 10, 10, 150]]);
    const binary = thresholded(grey, 200);
    const before = Uint8Array.from(binary.data);
    expect(rethresholdMidtones(grey, binary, 200)).toBe(0);
    expect(binary.data.every((v, i) => v === before[i])).toBe(true);
  });

  it('leaves a banner whose gradient dips below the band but whose text is white', () => {
    // Fill 150 with a darker 105 patch (the gradient's end) larger than its white text.
    const grey = bitmap(400, 800, 240, [[50, 100, 300, 160, 150], [60, 110, 280, 80, 105], [80, 200, 100, 30, 255]]);
    const binary = thresholded(grey, 200);
    expect(rethresholdMidtones(grey, binary, 200)).toBe(0);
  });
});

describe('preprocess with mid-grey areas', () => {
  it('keeps white text on a blue bubble in dark mode', async () => {
    const out = await preprocess(await screen(1080, 2340, '#0c0c0c', [[400, 300, 600, 160, '#0c6ed8'], [450, 350, 400, 40, '#ffffff']]));
    expect(out.steps).toEqual(expect.arrayContaining(['invert', 'local threshold in 1 mid-grey area']));
    const data = await pixels(out.png);
    expect(data[310 * 1080 + 420]).toBe(255);
    expect(data[370 * 1080 + 600]).toBe(0);
  });

  it('still flips white text on an orange banner in light mode', async () => {
    const out = await preprocess(await screen(1080, 2340, '#f2f2f2', [[0, 300, 1080, 160, '#ff5000'], [100, 350, 400, 40, '#ffffff']]));
    expect(out.steps.some((s) => s.startsWith('local threshold'))).toBe(false);
    const data = await pixels(out.png);
    expect(data[320 * 1080 + 700]).toBe(255);
    expect(data[370 * 1080 + 300]).toBe(0);
  });
});
