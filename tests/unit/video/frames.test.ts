// Key frames of real recordings made at test time (tests/support/recording.ts): a MediaRecorder WebM
// from Chromium and an H.264 MP4 / HEVC MOV made from it by the shipped ffmpeg, over a real vault,
// the real OCR queue's engine (PP-OCR) and the same extraction screenshots get.
import { copyFile, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBundleService } from '../../../electron/main/bundle';
import { createAutoEngine } from '../../../electron/main/ocr/auto';
import type { OcrEngine } from '../../../electron/main/ocr/engine';
import { createOcrService, type OcrService } from '../../../electron/main/ocr/queue';
import { vaultLayout } from '../../../electron/main/vault/layout';
import { readSidecar } from '../../../electron/main/vault/sidecar';
import { createVideoService, type VideoService } from '../../../electron/main/video/service';
import type { BundleEvidence, BundleInput } from '../../../shared/bundle/types';
import { evidenceFieldsSchema } from '../../../shared/fields/contract';
import { formatOffset } from '../../../shared/video/startTime';
import type { VideoStatus } from '../../../shared/video/contract';
import { frameAtLine } from '../../../shared/video/text';
import { FLOW, ORDER_NO, recordRedemptionWebm, transcode, writeFakeMp4 } from '../../support/recording';
import { caseOf } from '../../fixtures/bundle';
import { text, tool } from '../bundle/pdf';
import { NOW, makeTestVault, type TestVault } from '../main/fixtures';
import { EMPTY_COMPLAINANT, EMPTY_COMPLAINT_FACTS, EMPTY_RESPONDENT } from '../../../shared/bundle/types';

let engine: OcrEngine;
/** The WebM's sha once the first test has read its frames (OCR included); the bundle tests reuse them. */
let webmSha = '';
let v: TestVault;
let ocr: OcrService;
let video: VideoService;
const events: VideoStatus[] = [];
const files: Record<'webm' | 'mp4' | 'hevc' | 'truncated' | 'fake', string> = { webm: '', mp4: '', hevc: '', truncated: '', fake: '' };

beforeAll(async () => {
  engine = createAutoEngine({ size: 1, idleMs: 0 });
  v = await makeTestVault();
  ocr = createOcrService({ vaultDir: v.vaultDir, engine, now: () => NOW });
  video = createVideoService({ vaultDir: v.vaultDir, now: () => NOW, readFrame: (jpeg, signal) => ocr.readImage(jpeg, signal), onProgress: (s) => void events.push(s) });
  const dir = v.root;
  files.webm = path.join(dir, 'Screenrecorder-2026-11-17-12-03-04-123.webm');
  const recording = await recordRedemptionWebm(path.join(dir, 'scratch.webm'));
  console.info(`[video test] WebM made via ${recording.via}`);
  await writeFile(files.webm, recording.bytes);
  files.mp4 = path.join(dir, 'redeem.mp4');
  await transcode(files.webm, files.mp4, 'h264', '2026-11-17T04:03:04.000000Z');
  files.hevc = path.join(dir, 'ScreenRecording_11-17-2026 12-03-04.mov');
  await transcode(files.webm, files.hevc, 'hevc');
  // The first half of an MP4 whose index (moov) is written last: what a recorder killed mid-way leaves.
  files.truncated = path.join(dir, 'cut.mp4');
  await runFaststartless(files.mp4, files.truncated);
  files.fake = path.join(dir, 'fake.mp4');
  await writeFakeMp4(files.fake);
}, 120_000);
afterAll(async () => {
  await video.dispose();
  await ocr.dispose();
  await engine.terminate();
  await v.cleanup();
});

async function runFaststartless(from: string, to: string): Promise<void> {
  await copyFile(from, to);
  const bytes = await readFile(from);
  // libx264 MP4s from ffmpeg put moov after mdat; cutting at half keeps ftyp + part of mdat only.
  expect(bytes.indexOf('moov')).toBeGreaterThan(bytes.indexOf('mdat'));
  await truncate(to, Math.floor(bytes.length / 2));
}

async function importOne(file: string): Promise<string> {
  const batch = await v.service.importPaths('case-1', [file], 'dialog');
  expect(batch.failures).toEqual([]);
  return batch.items[0]?.blob.sha256 ?? '';
}

describe('key frames of a screen recording', () => {
  it('finds the error dialog in a MediaRecorder WebM, with its offset, wall clock and text', async () => {
    const sha = await importOne(files.webm);
    const extracted = await video.ensure(sha, { ocr: true });
    webmSha = sha;
    const offsets = extracted.frames.map((f) => f.offsetSec);
    // Evenly spaced (start, every 3 s) plus the scene change when the dialog appears.
    expect(offsets[0]).toBe(0);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    // The recorder stops at FLOW.endAt; a loaded machine may drop the last frames.
    expect(extracted.durationSec).toBeGreaterThan(FLOW.errorAt + 1);
    const dialog = extracted.frames.find((f) => f.reason === 'scene' && f.offsetSec >= FLOW.errorAt - 0.2 && f.offsetSec <= FLOW.errorAt + 1.5);
    expect(dialog, JSON.stringify(extracted.frames.map((f) => [f.offsetSec, f.reason]))).toBeDefined();
    expect(dialog?.text).toContain('卡密已被使用');
    expect(dialog?.keyLines.join('\n')).toContain('卡密已被使用');
    expect(dialog?.suggested).toBe(true);
    // No frame before the dialog shows its text.
    expect(extracted.frames.filter((f) => f.offsetSec < FLOW.errorAt - 0.2).some((f) => f.text.includes('已被使用'))).toBe(false);
    // The start comes from the recorder's file name (with its milliseconds).
    expect(extracted.start).toEqual({ at: '2026-11-17T12:03:04.123', source: 'filename', raw: 'Screenrecorder-2026-11-17-12-03-04-123.webm' });
    expect(extracted.frames[0]?.wallClock).toBe('2026-11-17T12:03:04.1');
    expect(extracted.codec).toBe('vp8');

    // The fields are stored for the video like a screenshot's, each line pointing at its frame.
    const fields = evidenceFieldsSchema.parse(JSON.parse(await readFile(vaultLayout(v.vaultDir).fields(sha), 'utf8')));
    expect(fields.extraction.text).toContain('卡密已被使用');
    const order = fields.extraction.orderNumbers.find((o) => o.value === ORDER_NO);
    expect(order).toBeDefined();
    expect(frameAtLine(fields.extraction.text, order?.line ?? 0)?.offset).toMatch(/^00:0\d\.\d$/u);
    const errorLine = fields.extraction.text.split('\n').findIndex((l) => l.includes('卡密已被使用')) + 1;
    const link = frameAtLine(fields.extraction.text, errorLine);
    expect(link?.no).toBe((dialog?.index ?? -1) + 1);

    // Frames are stored as images in derived/.
    const meta = await sharp(vaultLayout(v.vaultDir).frameImage(sha, dialog?.index ?? 0)).metadata();
    expect([meta.width, meta.height]).toEqual([540, 960]);
  }, 180_000);

  it('reads an H.264 MP4 and takes its start from creation_time when the name has none', async () => {
    const sha = await importOne(files.mp4);
    const extracted = await video.ensure(sha, { ocr: false });
    expect(extracted.codec).toBe('h264');
    expect(extracted.start).toEqual({ at: '2026-11-17T12:03:04', source: 'metadata', raw: '2026-11-17T04:03:04.000000Z' });
    expect(extracted.frames.some((f) => f.reason === 'scene' && Math.abs(f.offsetSec - FLOW.errorAt) < 1.5)).toBe(true);
    expect(extracted.ocrEngine).toBeNull();
  }, 120_000);

  it('decodes an iPhone-style HEVC MOV', async () => {
    const sha = await importOne(files.hevc);
    const extracted = await video.ensure(sha);
    expect(extracted.codec).toBe('hevc');
    expect(extracted.start?.source).toBe('filename');
    expect(extracted.frames.length).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('rebuilds lost frames on request, with progress and a done state', async () => {
    const sha = await importOne(files.mp4);
    const layout = vaultLayout(v.vaultDir);
    const { rm } = await import('node:fs/promises');
    await rm(layout.framesDir(sha), { recursive: true, force: true });
    events.length = 0;
    const first = await video.frames(sha);
    expect(first.frames).toBeNull();
    await video.idle();
    const again = await video.frames(sha);
    expect(again.status.state).toBe('done');
    expect(again.frames?.frames.length).toBeGreaterThan(2);
    const progress = events.filter((e) => e.sha256 === sha).map((e) => e.progress);
    expect(progress.some((p) => p > 0 && p < 1)).toBe(true);
    expect(events.at(-1)?.state).toBe('done');
  }, 180_000);

  it('can be cancelled, and then retried', async () => {
    const sha = await importOne(files.webm);
    await vaultLayout(v.vaultDir).framesDir(sha);
    const { rm } = await import('node:fs/promises');
    await rm(vaultLayout(v.vaultDir).framesDir(sha), { recursive: true, force: true });
    events.length = 0;
    await video.frames(sha);
    await new Promise((r) => setTimeout(r, 300));
    video.cancel(sha);
    await video.idle();
    expect(video.status(sha).state).toBe('cancelled');
    video.retry(sha);
    await video.idle();
    expect(video.status(sha).state).toBe('done');
  }, 180_000);

  it.each([
    ['truncated', 'cut.mp4', 'truncated'],
    ['fake', 'fake.mp4', 'not-video'],
  ] as const)('says why a %s file has no frames, naming it, and keeps the original', async (which, name, code) => {
    const sha = await importOne(files[which]);
    video.enqueue([sha]);
    await video.idle();
    const status = video.status(sha);
    expect(status.state).toBe('failed');
    expect(status.errorCode).toBe(code);
    expect(status.error).toContain(name);
    // The original is still stored byte for byte.
    expect(await readFile(vaultLayout(v.vaultDir).blob(sha))).toEqual(await readFile(files[which]));
  }, 60_000);

  it('refuses an empty recording at import, by name', async () => {
    const empty = path.join(v.root, 'Screenrecorder-2026-11-17-12-03-04-123-empty.mp4');
    await writeFile(empty, '');
    const batch = await v.service.importPaths('case-1', [empty], 'dialog');
    expect(batch.items).toEqual([]);
    expect(batch.failures[0]?.file).toContain('empty.mp4');
  });
});

describe('a screen recording in the bundle', () => {
  const exhibit = async (sha: string, frames?: number[]): Promise<BundleEvidence> => {
    const sidecar = await readSidecar(vaultLayout(v.vaultDir), sha);
    if (!sidecar) throw new Error('not imported');
    return { ...sidecar.blob, importedAt: '2026-11-22T10:00:00', kind: 'video', title: '卡密兑换录屏', purpose: '证明卡密兑换时提示已被使用', fields: [], messages: null, ...(frames ? { frames } : {}) };
  };
  const inputOf = (evidence: BundleEvidence[]): BundleInput => ({
    target: 'platform',
    case: caseOf({ statement: '' }),
    complainant: { ...EMPTY_COMPLAINANT, name: '李明', phone: '13800138000', address: '上海市浦东新区世纪大道100号1201室' },
    respondent: { ...EMPTY_RESPONDENT, name: '星辰数码专营店', address: '浙江省杭州市余杭区文一西路969号' },
    complaint: { ...EMPTY_COMPLAINT_FACTS, requestKinds: [] },
    cardShop: null,
    evidence,
    events: [],
    exportedAt: '2026-11-22T10:00:00',
  });

  it('prints a contact sheet: frames with offsets and clock times, the key lines, duration, hash and 原始视频需另行提交', async () => {
    expect(webmSha).not.toBe('');
    const frames = (await video.ensure(webmSha)).frames;
    const suggested = frames.filter((f) => f.suggested);
    const file = path.join(v.root, 'bundle.pdf');
    const service = createBundleService({ vaultDir: v.vaultDir, now: () => NOW });
    const result = await service.exportBundle(inputOf([await exhibit(webmSha)]), { outFile: file, maxBytes: null });
    const pdf = result.files[0] ?? '';
    const all = (await text(pdf)).replace(/[ \t]+/g, ' ');
    expect(all).toContain('原始视频需另行提交');
    expect(all).toContain(webmSha);
    expect(all).toContain('录制开始');
    expect(all).toMatch(/时长 0?0?:?0?0?:?0?[0-9]/u);
    const dialog = suggested.find((f) => f.text.includes('卡密已被使用'));
    expect(dialog).toBeDefined();
    // The dialog's frame: its offset, its clock time and its key line, together on the sheet.
    expect(all).toContain(`画面${(dialog?.index ?? 0) + 1} ${formatOffset(dialog?.offsetSec ?? 0)} ${dialog?.wallClock?.slice(11, 21)}`);
    expect(all).toContain('卡密已被使用');
    // One embedded image per suggested frame, at contact-sheet size.
    const list = (await tool('pdfimages', ['-list', pdf])).stdout.split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(list).toHaveLength(suggested.length);
    for (const l of list) expect(Number(l.trim().split(/\s+/)[3])).toBeLessThanOrEqual(560);
  }, 120_000);

  it('prints only the frames the buyer chose, and counts them against the size limit', async () => {
    const frames = (await video.ensure(webmSha)).frames;
    const chosen = frames.filter((f) => f.reason !== 'scene').map((f) => f.offsetSec).slice(0, 2);
    const service = createBundleService({ vaultDir: v.vaultDir, now: () => NOW });
    const one = await service.exportBundle(inputOf([await exhibit(webmSha, chosen)]), { outFile: path.join(v.root, 'chosen.pdf'), maxBytes: null });
    const pdf = one.files[0] ?? '';
    const list = (await tool('pdfimages', ['-list', pdf])).stdout.split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(list).toHaveLength(2);
    expect(await text(pdf)).not.toContain('卡密已被使用');
    // Two copies of the full sheet do not fit a limit one of them fits: they are split into parts.
    const full = await service.exportBundle(inputOf([await exhibit(webmSha)]), { outFile: path.join(v.root, 'full.pdf'), maxBytes: null });
    const size = (await stat(full.files[0] ?? '')).size;
    const split = await service.exportBundle(inputOf([await exhibit(webmSha), await exhibit(webmSha)]), { outFile: path.join(v.root, 'split.pdf'), maxBytes: Math.ceil(size * 1.3) });
    expect(split.files.length).toBe(2);
  }, 120_000);

  it('carries the original video in a folder export, byte for byte', async () => {
    const service = createBundleService({ vaultDir: v.vaultDir, now: () => NOW });
    const out = await service.exportFolder(inputOf([await exhibit(webmSha)]), { outDir: path.join(v.root, 'folder'), maxBytes: null });
    const copy = out.originals.find((f) => f.endsWith('.webm'));
    expect(copy).toBeDefined();
    expect(await readFile(copy ?? '')).toEqual(await readFile(files.webm));
  }, 120_000);

  it('still lists a video whose frames cannot be made, with the reason', async () => {
    const sha = await importOne(files.fake);
    const file = path.join(v.root, 'fake.pdf');
    const result = await createBundleService({ vaultDir: v.vaultDir, now: () => NOW }).exportBundle(inputOf([await exhibit(sha)]), { outFile: file, maxBytes: null });
    const all = await text(result.files[0] ?? '');
    expect(all).toContain('原始视频需另行提交');
    expect(all).toContain('fake.mp4');
    expect(all).toContain('不是可识别的视频');
    expect(result.warnings.join('\n')).toContain('未能提取视频画面');
  }, 60_000);
});
