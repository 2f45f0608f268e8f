// Straightening tilted photos before PP-OCR: the angle estimate on real corpus pages turned by
// known angles, the box mapping back to the original, and a level screenshot left byte-identical.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { estimateSkew, unturn, uprightPhoto } from '../../../../electron/main/ocr/paddle/deskew';
import { corpusImage } from '../support';

async function grey(bytes: Buffer): Promise<{ data: Uint8Array; width: number; height: number }> {
  const { data, info } = await sharp(bytes).resize(800).flatten({ background: '#ffffff' }).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('estimateSkew', () => {
  it.each([
    [0, 3],
    [0, -2.5],
    [4, 1.2],
    [4, -5],
  ])('finds the turn of corpus page %i turned by %f°', async (index, deg) => {
    const page = await readFile(corpusImage(index).path);
    const turned = await sharp(page).rotate(deg, { background: '#3a3a3a' }).png().toBuffer();
    const g = await grey(turned);
    expect(estimateSkew(g.data, g.width, g.height)).toBeCloseTo(deg, 0);
    expect(Math.abs(estimateSkew(g.data, g.width, g.height) - deg)).toBeLessThanOrEqual(0.3);
  });

  it('calls a level page level, and a page with no rows (noise) level too', async () => {
    const g = await grey(await readFile(corpusImage(0).path));
    expect(Math.abs(estimateSkew(g.data, g.width, g.height))).toBeLessThan(0.3);
    const noise = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
      .greyscale()
      .raw()
      .toBuffer();
    const est = estimateSkew(noise, 400, 300);
    expect(Math.abs(est)).toBeLessThan(8.01);
  });
});

describe('unturn', () => {
  it.each([3, -4.5])('maps a square found on the turned image (%f°) back onto the original square', async (deg) => {
    const square = { x0: 300, y0: 120, x1: 340, y1: 160 };
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><rect width="600" height="400" fill="#fff"/><rect x="${square.x0}" y="${square.y0}" width="40" height="40" fill="#000"/></svg>`;
    const original = await sharp(Buffer.from(svg)).png().toBuffer();
    const turned = await sharp(original).rotate(deg, { background: '#ffffff' }).raw().toBuffer({ resolveWithObject: true });
    const { width: w2, height: h2, channels } = turned.info;
    // The turned square's bounding box, found in the pixels.
    let x0 = w2;
    let y0 = h2;
    let x1 = 0;
    let y1 = 0;
    for (let y = 0; y < h2; y++) {
      for (let x = 0; x < w2; x++) {
        if ((turned.data[(y * w2 + x) * channels] ?? 255) < 100) {
          x0 = Math.min(x0, x);
          y0 = Math.min(y0, y);
          x1 = Math.max(x1, x + 1);
          y1 = Math.max(y1, y + 1);
        }
      }
    }
    const back = unturn(600, 400, w2, h2, deg)({ x0, y0, x1, y1 });
    // The bounding box of a turned square's bounding box is a little larger than the square.
    const centre = (b: typeof square): [number, number] => [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];
    const [cx, cy] = centre(back);
    expect(Math.abs(cx - 320)).toBeLessThanOrEqual(2);
    expect(Math.abs(cy - 140)).toBeLessThanOrEqual(2);
    expect(back.x0).toBeLessThanOrEqual(square.x0 + 1);
    expect(back.x1).toBeGreaterThanOrEqual(square.x1 - 1);
  });
});

describe('uprightPhoto', () => {
  it('leaves a level screenshot untouched, bytes and all', async () => {
    const bytes = await readFile(corpusImage(0).path);
    const up = await uprightPhoto(bytes);
    expect(up.turned).toBe(0);
    expect(up.image).toBe(bytes);
    const meta = await sharp(bytes).metadata();
    expect([up.width, up.height]).toEqual([meta.width, meta.height]);
  });

  it('turns a tilted photo level and keeps the original size for the boxes', async () => {
    const bytes = await readFile(corpusImage(4).path);
    const meta = await sharp(bytes).metadata();
    const tilted = await sharp(bytes).rotate(3, { background: '#3a3a3a' }).jpeg({ quality: 80 }).toBuffer();
    const tiltedMeta = await sharp(tilted).metadata();
    const up = await uprightPhoto(tilted);
    expect(up.turned).toBeCloseTo(-3, 0);
    expect([up.width, up.height]).toEqual([tiltedMeta.width, tiltedMeta.height]);
    expect(tiltedMeta.width).toBeGreaterThan(meta.width);
    const g = await grey(Buffer.from(up.image));
    expect(Math.abs(estimateSkew(g.data, g.width, g.height))).toBeLessThan(0.3);
  });

  it('refuses bytes that are not an image with the decoder’s error', async () => {
    await expect(uprightPhoto(Buffer.from('not an image'))).rejects.toThrow();
  });
});
