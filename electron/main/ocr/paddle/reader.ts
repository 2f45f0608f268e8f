// PP-OCRv4 det → box → rec on onnxruntime-node and sharp, for one image. Runs inside a worker
// thread (worker.ts). Tall images are read in overlapping horizontal bands (scroll.ts), decoded a
// chunk at a time, so the pixels held at once stay bounded whatever the image's height.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import type { DetOptions, Line, Rect } from './geometry';
import { DET_DEFAULTS, ctcDecode, detBoxes } from './geometry';
import { medianLuma } from '../luma';
import type { Canvas } from './scroll';
import { createPacker, dedupeLines, segmentRows, toOriginalRows } from './scroll';
import type { PaddleModelPaths } from './models';

export interface ReaderOptions {
  /**
   * Detection input width cap (px) for portrait images (phone screenshots, whose text is large):
   * wider bands are shrunk to it before detection. 480 read the corpus as well as 960 in less than
   * half the time (bench:ocr --det-width=480,640,960).
   */
  detMaxWidth: number;
  /** The cap for landscape images (PC pages at 1× have small text that a 480 cap would erase). */
  detMaxWidthWide: number;
  /** Band height fed to detection (det pixels); bands overlap by `overlap`. */
  bandHeight: number;
  overlap: number;
  /** Images narrower than this are enlarged for detection (small text), at most 2×. */
  detMinWidth: number;
  /** Mostly-dark images are inverted first (dark mode). */
  invertDark: boolean;
  /** Stretch each crop's grey range before recognition (light grey on white). */
  stretch: boolean;
  /** Extra width on each side of a recognition crop, as a share of its height. */
  padX: number;
  det: DetOptions;
}

export const READER_DEFAULTS: ReaderOptions = {
  detMaxWidth: 480,
  detMaxWidthWide: 1280,
  bandHeight: 1280,
  overlap: 160,
  // Measured on the corpus (bench:ocr --reader=…): enlarging narrow images (shrunk forwards) to
  // 720 px for detection found a wrapped one-digit id tail the plain pass missed (ids 98% → 100%);
  // inverting dark screenshots and stretching crops changed nothing, so both stay off.
  detMinWidth: 720,
  invertDark: false,
  stretch: false,
  padX: 0.25,
  det: DET_DEFAULTS,
};

const REC_HEIGHT = 48;
/**
 * Lines recognised per ONNX run. One beats batching on CPU: a batch is padded to its widest line and
 * the padding is computed too. Measured, one thread, 18 held-out screenshots (357 lines): recognition
 * 5.1 s at 1, 6.2 s at 3, 7.6 s at 6, 11.0 s at 12; the whole `scan` 11.6–11.8 s at 1 against 13.8 s
 * at 6, with a lower peak RSS (1.33 GB against 1.6–1.7 GB).
 */
const REC_BATCH = 1;
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

export interface Reader {
  read(image: Uint8Array, opts?: Partial<ReaderOptions>, onProgress?: (share: number) => void): Promise<{ lines: Line[]; width: number; height: number }>;
  /** Frees both ONNX sessions; the reader is unusable afterwards. */
  release(): Promise<void>;
}

/** Rows kept above and below text in a long scroll's blank stretches, in detection pixels. */
const SCROLL_MARGIN = 24;
/** Rows decoded at a time from a long scroll's temp TIFF. */
const CHUNK_ROWS = 2048;
/** Runs of inked rows shorter than this (original pixels) are small text, worth enlarging. */
const SMALL_TEXT_ROWS = 20;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function createReader(models: PaddleModelPaths): Promise<Reader> {
  // The CPU memory arena on: its buffers are bounded by the largest band and crop batch (bands are
  // capped in det pixels, crops in width), and allocating every tensor afresh cost a third of the
  // time. Measured one thread, 46 corpus screenshots: 32.8 s and 854 MB RSS with it, 46–49 s and
  // 570–680 MB without; the 300×894,000 scroll 78 s / 678 MB peak with it, 106 s / 709 MB without.
  // An idle pool stops its workers (idleMs), which gives the arena back.
  const options: ort.InferenceSession.SessionOptions = { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all', enableCpuMemArena: true };
  const [det, rec] = await Promise.all([ort.InferenceSession.create(models.det, options), ort.InferenceSession.create(models.rec, options)]);
  // Class 0 is CTC's blank; the dictionary follows, then the space PP-OCR appends (use_space_char).
  const keys = [...readFileSync(models.keys, 'utf8').split(/\r?\n/).filter((k, i, all) => k !== '' || i < all.length - 1), ' '];

  async function detect(band: Canvas, o: ReaderOptions, cap: number, enlarge: boolean): Promise<Rect[]> {
    let scale = Math.min(1, cap / band.width);
    if (enlarge && o.detMinWidth > 0 && band.width < o.detMinWidth) scale = Math.min(2, o.detMinWidth / band.width);
    const dw = Math.max(32, Math.round((band.width * scale) / 32) * 32);
    const dh = Math.max(32, Math.round((band.height * scale) / 32) * 32);
    const px = await sharp(band.data, { raw: { width: band.width, height: band.height, channels: 3 } }).resize(dw, dh, { fit: 'fill' }).raw().toBuffer();
    const input = new Float32Array(3 * dw * dh);
    const plane = dw * dh;
    // PaddleOCR normalises OpenCV's BGR order with ImageNet's mean and std, in that channel order.
    for (let i = 0; i < plane; i++) {
      for (let c = 0; c < 3; c++) input[c * plane + i] = ((px[i * 3 + (2 - c)] ?? 0) / 255 - (MEAN[c] ?? 0)) / (STD[c] ?? 1);
    }
    const out = await det.run({ [det.inputNames[0] ?? 'x']: new ort.Tensor('float32', input, [1, 3, dh, dw]) });
    const map = out[det.outputNames[0] ?? ''];
    if (!map) return [];
    const sx = band.width / dw;
    const sy = band.height / dh;
    return detBoxes(map.data as Float32Array, dw, dh, o.det).map((b) => ({ x0: b.x0 * sx, y0: b.y0 * sy, x1: b.x1 * sx, y1: b.y1 * sy }));
  }

  async function recognise(band: Canvas, boxes: readonly Rect[], o: ReaderOptions, done: (share: number) => void): Promise<Line[]> {
    const crops = await Promise.all(
      boxes.map(async (box) => {
        // A little air left and right: a narrow last digit ("1") at the box edge was dropped without it.
        const pad = (box.y1 - box.y0) * o.padX;
        const left = Math.max(0, Math.floor(box.x0 - pad));
        // Never across a seam: the rows beyond it are from elsewhere in the image.
        const seg = segmentRows(box, band);
        const top = Math.max(seg.from, Math.floor(box.y0));
        const width = Math.max(1, Math.min(band.width, Math.ceil(box.x1 + pad)) - left);
        const height = Math.max(1, Math.min(seg.to, Math.ceil(box.y1)) - top);
        const w = Math.max(8, Math.min(2400, Math.round((REC_HEIGHT * width) / height)));
        let img = sharp(band.data, { raw: { width: band.width, height: band.height, channels: 3 } }).extract({ left, top, width, height });
        if (o.stretch) img = img.normalise();
        const px = await img.resize(w, REC_HEIGHT, { fit: 'fill' }).raw().toBuffer();
        return { box: { x0: left, y0: top, x1: left + width, y1: top + height }, w, px };
      }),
    );
    // Batches of similar widths, padded on the right like PaddleOCR does (when REC_BATCH > 1).
    const order = crops.map((_, i) => i).sort((a, b) => (crops[a]?.w ?? 0) - (crops[b]?.w ?? 0));
    const lines: Line[] = [];
    for (let b = 0; b < order.length; b += REC_BATCH) {
      const batch = order.slice(b, b + REC_BATCH).map((i) => crops[i]).filter((c) => c !== undefined);
      const W = Math.max(...batch.map((c) => c.w));
      const plane = REC_HEIGHT * W;
      const input = new Float32Array(batch.length * 3 * plane);
      batch.forEach((c, n) => {
        for (let y = 0; y < REC_HEIGHT; y++) {
          for (let x = 0; x < c.w; x++) {
            const s = (y * c.w + x) * 3;
            for (let ch = 0; ch < 3; ch++) input[n * 3 * plane + ch * plane + y * W + x] = ((c.px[s + (2 - ch)] ?? 0) / 255 - 0.5) / 0.5;
          }
        }
      });
      const out = await rec.run({ [rec.inputNames[0] ?? 'x']: new ort.Tensor('float32', input, [batch.length, 3, REC_HEIGHT, W]) });
      const probs = out[rec.outputNames[0] ?? ''];
      if (!probs) continue;
      const [, steps = 0, classes = 0] = probs.dims;
      const data = probs.data as Float32Array;
      batch.forEach((c, n) => {
        const d = ctcDecode(data, n * steps * classes, steps, classes, keys);
        // A step covers W/steps resized pixels; the crop was resized by w/width.
        const perStep = W / steps / (c.w / (c.box.x1 - c.box.x0));
        lines.push({
          text: d.text,
          confidence: d.confidence,
          box: toOriginalRows(c.box, band),
          charX: d.steps.map((t) => c.box.x0 + (t + 0.5) * perStep),
        });
      });
      done(Math.min(1, (b + batch.length) / order.length));
    }
    return lines;
  }

  return {
    async read(image, partial = {}, onProgress) {
      const o = { ...READER_DEFAULTS, ...partial };
      let input = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
      let meta = await sharp(input, { failOn: 'error' }).metadata();
      // Photos with an EXIF rotation are turned upright once (they are camera-sized, not scroll-sized).
      if ((meta.orientation ?? 1) > 1) {
        input = await sharp(input, { failOn: 'error' }).autoOrient().png({ compressionLevel: 1 }).toBuffer();
        meta = await sharp(input).metadata();
      }
      const { width, height } = meta;
      const cap = height >= 1.3 * width ? o.detMaxWidth : o.detMaxWidthWide;
      const detScale = Math.min(1, cap / width);
      const bandRows = Math.max(64, Math.round(o.bandHeight / detScale));
      const overlapRows = Math.round(o.overlap / detScale);
      const lines: Line[] = [];
      let invert: boolean | null = null;
      // A long scroll (more than a few bands): a PNG can only be decoded from the top, and libvips
      // reads a striped TIFF from the top too, so each band would decode everything above it
      // again (quadratic: a 300×894,000 scroll ran past the timeout). One streaming pass writes a
      // tiled TIFF to a temp folder, whose tiles libvips then reads in any order (bounded memory,
      // linear time); its blank stretches are left out of detection (scroll.ts).
      const long = Math.ceil(height / Math.max(1, bandRows - overlapRows)) > 4;
      let source: Buffer | string = input;
      let scratch: string | null = null;
      if (long) {
        scratch = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-ocr-band-'));
        source = path.join(scratch, 'image.tif');
        await sharp(input, { failOn: 'error', sequentialRead: true })
          .tiff({ compression: 'deflate', predictor: 'horizontal', tile: true, tileWidth: 256, tileHeight: 256 })
          .toFile(source);
      }
      const packer = createPacker({ width, channels: 3, maxRows: bandRows, overlap: overlapRows, margin: long ? Math.round(SCROLL_MARGIN / detScale) : Infinity });
      // Never backwards: decoding runs ahead of the canvases still being filled. Reported after every
      // step even when unchanged, since each report is where a closing worker stops (worker.ts).
      let reported = 0;
      const report = (p: number): void => {
        reported = Math.max(reported, Math.min(1, p));
        onProgress?.(reported);
      };
      const readCanvas = async (canvas: Canvas): Promise<void> => {
        const first = canvas.rowMap[0] ?? 0;
        const done = (share: number): void => report((first + ((canvas.rowMap[canvas.height - 1] ?? 0) + 1 - first) * share) / height);
        // A canvas of one flat colour (an empty stretch of a page) has nothing to read.
        if (isFlat(canvas.data)) return done(1);
        if (invert === null) invert = o.invertDark && medianLuma(canvas.data, 3) < 100;
        if (invert) for (let i = 0; i < canvas.data.length; i++) canvas.data[i] = 255 - (canvas.data[i] ?? 0);
        // Enlarging narrow images for detection costs 4× on a scroll of a thousand screens; there
        // it is kept for small text only (runs of inked rows shorter than a phone's text line).
        const small = !long || median(canvas.inkRuns) < SMALL_TEXT_ROWS;
        const boxes = (await detect(canvas, o, cap, small)).filter((b) => {
          const cy = (b.y0 + b.y1) / 2;
          return cy >= canvas.ownFrom && cy < canvas.ownTo;
        });
        // Detection is about a quarter of a band's work, recognition the rest.
        done(0.25);
        lines.push(...(await recognise(canvas, boxes, o, (share) => done(0.25 + 0.75 * share))));
      };
      try {
        // Contiguous chunks: the packer keeps the overlap itself.
        const chunkRows = long ? CHUNK_ROWS : bandRows;
        for (let top = 0; top < height; top += chunkRows) {
          const rows = Math.min(chunkRows, height - top);
          // Sequential access for the one-pass PNG/JPEG case; random access so the TIFF's tiles are sought.
          const data = await sharp(source, { failOn: 'error', sequentialRead: scratch === null })
            .extract({ left: 0, top, width, height: rows })
            .flatten({ background: '#ffffff' })
            .removeAlpha()
            .toColourspace('srgb')
            .raw()
            .toBuffer();
          for (const canvas of packer.push(data, top)) await readCanvas(canvas);
          // A long scroll's blank stretches make no canvases: their rows count as read once decoded.
          if (long) report((top + rows - bandRows) / height);
        }
        for (const canvas of packer.end()) await readCanvas(canvas);
      } finally {
        if (scratch) await rm(scratch, { recursive: true, force: true });
      }
      return { lines: long ? dedupeLines(lines) : lines, width, height };
    },
    async release() {
      await Promise.all([det.release(), rec.release()]);
    },
  };
}

function isFlat(rgb: Buffer): boolean {
  let lo = 255;
  let hi = 0;
  for (let i = 0; i < rgb.length; i++) {
    const v = rgb[i] ?? 0;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (hi - lo > 24) return false;
  }
  return true;
}
