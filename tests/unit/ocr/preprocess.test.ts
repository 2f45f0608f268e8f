// Preprocessing on synthetic images: dark-mode detection, scaling with boxes mapped back, the
// white-on-colour flip and clear errors for files that are not images.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RECIPE, PreprocessError, preprocess, toOriginal } from '../../../electron/main/ocr/preprocess';
import { applyFlip, solidAreas } from '../../../electron/main/ocr/polarity';

/** A phone-shaped PNG: background colour plus rectangles. */
async function screen(width: number, height: number, bg: string, rects: Array<[number, number, number, number, string]>): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${bg}"/>${rects
    .map(([x, y, w, h, fill]) => `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}"/>`)
    .join('')}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe('preprocess', () => {
  it('makes a greyscale black-and-white PNG and records the steps', async () => {
    const out = await preprocess(await screen(1080, 2340, '#ededed', [[100, 200, 300, 40, '#95ec69'], [120, 210, 200, 20, '#111111']]));
    expect(out.steps).toEqual(['greyscale', `threshold ${DEFAULT_RECIPE.threshold}`]);
    expect(out.scale).toBe(1);
    const { data, info } = await sharp(out.png).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(1);
    expect(new Set(data)).toEqual(new Set([0, 255]));
    // The green bubble turns white; the text on it stays black.
    expect(data[(205 * 1080) + 105]).toBe(255);
    expect(data[(215 * 1080) + 150]).toBe(0);
  });

  it('inverts a dark-mode screenshot', async () => {
    const out = await preprocess(await screen(1170, 2532, '#111111', [[100, 300, 500, 60, '#e6e6e6']]));
    expect(out.medianLuma).toBeLessThan(100);
    expect(out.steps).toContain('invert');
    const { data } = await sharp(out.png).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    expect(data[10]).toBe(255);
    expect(data[(320 * 1170) + 200]).toBe(0);
  });

  it('enlarges a small screenshot and maps word boxes back to the original pixels', async () => {
    const out = await preprocess(await screen(375, 812, '#ffffff', [[10, 10, 50, 20, '#000000']]));
    expect(out.steps).toContain('upscale ×2.67');
    expect(out.width).toBe(1000);
    expect(out.original).toEqual({ width: 375, height: 812 });
    const [word] = toOriginal([{ text: '订单', confidence: 90, bbox: { x0: 100, y0: 200, x1: 400, y1: 2200 } }], out);
    expect(word?.bbox).toEqual({ x0: 38, y0: 75, x1: 150, y1: 812 });
  });

  it('reduces a very wide image', async () => {
    const out = await preprocess(await screen(2400, 1200, '#ffffff', []));
    expect(out.width).toBe(DEFAULT_RECIPE.maxWidth);
    expect(out.steps).toContain('downscale ×0.67');
  });

  it('refuses bytes that are not an image with a plain reason', async () => {
    await expect(preprocess(Buffer.from('definitely not a picture'))).rejects.toThrow(PreprocessError);
    await expect(preprocess(Buffer.from('definitely not a picture'))).rejects.toThrow(/not an image format|could not be decoded/);
  });

  it('refuses a truncated PNG', async () => {
    const png = await screen(800, 1600, '#ffffff', [[0, 0, 800, 800, '#123456']]);
    await expect(preprocess(png.subarray(0, Math.floor(png.length / 2)))).rejects.toThrow(PreprocessError);
  });
});

describe('white text on coloured fills', () => {
  const W = 400;
  const H = 400;
  const bitmap = (): { data: Uint8Array; width: number; height: number } => {
    const data = new Uint8Array(W * H).fill(255);
    const fill = (x0: number, y0: number, x1: number, y1: number, v: number): void => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * W + x] = v;
    };
    fill(100, 100, 300, 200, 0); // a bubble after thresholding: solid black…
    fill(150, 140, 250, 160, 255); // …with white text in it
    fill(20, 300, 36, 316, 0); // a glyph-sized black square elsewhere
    return { data, width: W, height: H };
  };

  it('turns a solid black area and its white text into black text on white, leaving glyphs alone', () => {
    const img = bitmap();
    const found = solidAreas(img);
    expect(found.areas).toBe(1);
    applyFlip(img, found);
    expect(img.data[120 * W + 120]).toBe(255); // the bubble's fill
    expect(img.data[150 * W + 200]).toBe(0); // its text
    expect(img.data[308 * W + 28]).toBe(0); // the glyph is still black
    expect(img.data[10]).toBe(255); // the page is untouched
  });
});
