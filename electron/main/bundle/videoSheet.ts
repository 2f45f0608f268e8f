// A video exhibit's contact sheet: the key frames the buyer chose (or those suggested), each with its
// offset, its wall-clock time where the start is known, and its OCR'd key lines, three to a row, under
// the exhibit's caption (duration, SHA-256 of the original) and the line 原始视频需另行提交. The
// frames come from the vault's derived copies (video/service.ts), made now without OCR if missing.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { BundleEvidence } from '../../../shared/bundle/types';
import type { VideoErrorCode, VideoFrames } from '../../../shared/video/contract';
import { formatOffset } from '../../../shared/video/startTime';
import type { VaultLayout } from '../vault/layout';
import { loadFrames } from '../video/frames';
import { describeVideoError } from '../video/errors';
import { createVideoService } from '../video/service';
import type { DrawContext } from './layout';
import { BOTTOM, CONTENT_WIDTH, MARGIN, TOP } from './layout';
import { GREY, RULE, SHADE, STAMP } from './text';
import type { Typesetter } from './text';

export const SUBMIT_ORIGINAL = '原始视频需另行提交';

/** Why a video has no frames, in the bundle's words (the app shows the same, with ffmpeg's detail). */
const NOTES: Record<VideoErrorCode, string> = {
  empty: '文件为空。',
  missing: '证据库中找不到原件。',
  'not-video': '文件不是可识别的视频，或已损坏。',
  truncated: '文件不完整（录制中断或传输未完成）。',
  undecodable: '视频编码无法解码。',
  'no-decoder': '本机没有可用的视频解码器。',
  timeout: '提取超时。',
  failed: '提取失败。',
};

export interface SheetFrame {
  no: number;
  offsetSec: number;
  wallClock: string | null;
  keyLines: string[];
  jpeg: Buffer;
  width: number;
  height: number;
}

export interface VideoAsset {
  type: 'video';
  frames: SheetFrame[];
  /** How many frames the video has in all (the sheet shows the chosen ones). */
  total: number;
  start: VideoFrames['start'];
  /** Duration measured while decoding (a MediaRecorder WebM states none in its container). */
  decodedSec: number | null;
  decoder: string | null;
  /** Why there are no frames (the message the app shows on the item), or null. */
  note: string | null;
  level: number;
}

/** Frame width in pixels per encode level: about 250 dpi across a third of the page, then less. */
const FRAME_WIDTHS = [560, 440, 340];
const FRAME_QUALITY = [78, 64, 52];
/** A bundle never prints more frames of one video than this, whatever was chosen. */
export const MAX_SHEET_FRAMES = 24;

export const frameKey = (no: number, k: number) => `e${no}f${k}`;

async function framesFor(layout: VaultLayout, e: BundleEvidence): Promise<{ frames: VideoFrames | null; note: string | null }> {
  const stored = await loadFrames(layout, e.sha256);
  if (stored) return { frames: stored, note: null };
  // The CLI, or a bundle exported before the app got to this video: the frames are made now, unread.
  const service = createVideoService({ vaultDir: layout.root, now: () => new Date(0) });
  try {
    return { frames: await service.ensure(e.sha256, { ocr: false }), note: null };
  } catch (err) {
    return { frames: null, note: NOTES[describeVideoError(err, e.originalName).code] };
  } finally {
    await service.dispose();
  }
}

export async function prepareVideo(layout: VaultLayout, e: BundleEvidence, level: number): Promise<VideoAsset> {
  const { frames, note } = await framesFor(layout, e);
  if (!frames) return { type: 'video', frames: [], total: 0, start: null, decodedSec: null, decoder: null, note, level };
  const chosen = e.frames !== undefined ? new Set(e.frames) : null;
  const picked = frames.frames.filter((f) => (chosen ? chosen.has(f.offsetSec) : f.suggested)).slice(0, MAX_SHEET_FRAMES);
  const width = FRAME_WIDTHS[level] ?? FRAME_WIDTHS[FRAME_WIDTHS.length - 1] ?? 340;
  const quality = FRAME_QUALITY[level] ?? 52;
  const out: SheetFrame[] = [];
  for (const f of picked) {
    const src = await readFile(layout.frameImage(e.sha256, f.index));
    const { data, info } = await sharp(src).resize({ width: Math.min(width, f.width) }).jpeg({ quality }).toBuffer({ resolveWithObject: true });
    out.push({ no: f.index + 1, offsetSec: f.offsetSec, wallClock: f.wallClock, keyLines: f.keyLines.slice(0, 3), jpeg: data, width: info.width, height: info.height });
  }
  return { type: 'video', frames: out, total: frames.frames.length, start: frames.start, decodedSec: frames.durationSec, decoder: frames.decoder, note, level };
}

/** Every string the sheet prints, for the font subset. */
export function videoText(a: VideoAsset): string {
  return [SUBMIT_ORIGINAL, a.note ?? '', ...a.frames.flatMap((f) => f.keyLines), a.start?.raw ?? ''].join('');
}

const COLS = 3;
const GAP = 10;
const CELL_W = (CONTENT_WIDTH - GAP * (COLS - 1)) / COLS;
const MAX_IMG_H = 250;
const LINE = 9.5;

function cellHeight(f: SheetFrame): number {
  return Math.min(MAX_IMG_H, (CELL_W * f.height) / f.width) + 14 + f.keyLines.length * LINE + GAP;
}

export function frameCaption(f: SheetFrame): string {
  return `画面${f.no}  ${formatOffset(f.offsetSec)}${f.wallClock ? `  ${f.wallClock.slice(11, 21)}` : ''}`;
}

type Body = (ctx: DrawContext, top: number) => void;

/** The notice, then rows of frames: as many rows as fit under the caption, the rest on further pages. */
export function videoBodies(ts: Typesetter, a: VideoAsset, exhibitNo: number, name: string, firstHeader: number): Body[] {
  const rows: SheetFrame[][] = [];
  for (let i = 0; i < a.frames.length; i += COLS) rows.push(a.frames.slice(i, i + COLS));
  const submit = `${SUBMIT_ORIGINAL}：视频文件无法嵌入 PDF，需另行提交原文件，提交时请核对文件名“${name}”与上方 SHA-256 一致。`;
  const notice = a.note ? `${submit}未能提取画面：${a.note}` : `${submit}以下为从原始视频中提取的 ${a.frames.length} 帧画面（共 ${a.total} 帧），时间为视频内偏移（分:秒）。`;
  const noticeLines = ts.wrap(notice, 10, CONTENT_WIDTH - 20);
  const noticeH = noticeLines.length * 15 + 14;
  const pages: SheetFrame[][][] = [[]];
  let room = TOP - firstHeader - BOTTOM - noticeH - 16;
  for (const row of rows) {
    const h = Math.max(...row.map(cellHeight));
    const page = pages[pages.length - 1] ?? [];
    if (h > room && page.length > 0) {
      pages.push([]);
      room = TOP - 40 - BOTTOM - 10;
    }
    pages[pages.length - 1]?.push(row);
    room -= h;
  }
  return pages.map((pageRows, p) => (ctx: DrawContext, top: number) => {
    let y = top - 6;
    if (p === 0) {
      ctx.page.drawRectangle({ x: MARGIN.left, y: y - noticeH, width: CONTENT_WIDTH, height: noticeH, borderColor: STAMP, borderWidth: 1, color: SHADE });
      noticeLines.forEach((line, i) => ts.draw(ctx.page, line, MARGIN.left + 10, y - 18 - i * 15, 10));
      y -= noticeH + 10;
    }
    for (const row of pageRows) {
      const h = Math.max(...row.map(cellHeight));
      row.forEach((f, c) => drawCell(ts, ctx, f, frameKey(exhibitNo, f.no), MARGIN.left + c * (CELL_W + GAP), y));
      y -= h;
    }
  });
}

function drawCell(ts: Typesetter, ctx: DrawContext, f: SheetFrame, key: string, x: number, top: number): void {
  const imgH = Math.min(MAX_IMG_H, (CELL_W * f.height) / f.width);
  const imgW = (imgH * f.width) / f.height;
  const box = { x: x + (CELL_W - imgW) / 2, y: top - imgH, width: imgW, height: imgH };
  ctx.page.drawImage(ctx.image(key), box);
  ctx.page.drawRectangle({ ...box, borderColor: RULE, borderWidth: 0.5 });
  let y = top - imgH - 11;
  ts.draw(ctx.page, frameCaption(f), x, y, 8, { weight: 'bold' });
  for (const line of f.keyLines) {
    y -= LINE;
    ts.draw(ctx.page, ts.ellipsis(line, 7.5, CELL_W), x, y, 7.5, { color: GREY });
  }
}
