import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestVault } from './fixtures';
import { bombPng, flat, jpegBytes, jpegWithExif, makeTestVault, mp4Bytes, noise, pngBytes, wavBytes } from './fixtures';

let v: TestVault;
beforeEach(async () => {
  v = await makeTestVault();
  await mkdir(v.srcDir, { recursive: true });
});
afterEach(async () => v.cleanup());

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function put(name: string, bytes: Uint8Array | string): Promise<string> {
  const file = path.join(v.srcDir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
  return file;
}

async function importOne(name: string, bytes: Uint8Array | string) {
  const batch = await v.service.importPaths('case-1', [await put(name, bytes)], 'dialog');
  return { batch, item: batch.items[0], failure: batch.failures[0] };
}

async function blobFiles(): Promise<string[]> {
  const dirs = await readdir(path.join(v.vaultDir, 'blobs'));
  const files = await Promise.all(dirs.map((d) => readdir(path.join(v.vaultDir, 'blobs', d))));
  return files.flat();
}

describe('importing images', () => {
  it('stores a PNG byte for byte with sidecar, thumbnail and display copy', async () => {
    const png = await pngBytes(640, 480);
    const { batch, item } = await importOne('order.png', png);
    expect(batch.failures).toEqual([]);
    expect(item).toMatchObject({ source: 'dialog', alreadyStored: false });
    const sha = sha256(png);
    expect(item?.blob).toMatchObject({
      sha256: sha,
      size: png.length,
      originalName: 'order.png',
      mime: 'image/png',
      mediaType: 'image',
      format: 'png',
      width: 640,
      height: 480,
      durationSec: null,
      hasThumbnail: true,
    });
    const blobPath = path.join(v.vaultDir, 'blobs', sha.slice(0, 2), sha);
    expect(Buffer.compare(await readFile(blobPath), png)).toBe(0);
    expect((await stat(blobPath)).mode & 0o777).toBe(0o444);
    const sidecar: unknown = JSON.parse(await readFile(path.join(v.vaultDir, 'meta', `${sha}.json`), 'utf8'));
    expect(sidecar).toEqual({ blob: item?.blob, intendedCaseId: 'case-1', importedAt: '2026-11-22T02:00:00.000Z' });
    const thumb = await sharp(await v.service.readThumbnail(sha)).metadata();
    expect(thumb).toMatchObject({ format: 'webp', width: 360, height: 270 });
    const display = await v.service.readDisplay(sha);
    expect(display.mime).toBe('image/webp');
    expect(await sharp(display.bytes).metadata()).toMatchObject({ format: 'webp', width: 640, height: 480 });
    expect(await readdir(path.join(v.vaultDir, 'tmp'))).toEqual([]);
  });

  it('stores a JPEG and reads its EXIF DateTimeOriginal as the capture time', async () => {
    const { item } = await importOne('photo.jpg', await jpegWithExif('2026:11:17 12:03:04'));
    expect(item?.blob).toMatchObject({ format: 'jpeg', mime: 'image/jpeg', capturedAt: '2026-11-17T12:03:04', captureSource: 'exif' });
  });

  it('converts an EXIF time recorded at another UTC offset to Shanghai time', async () => {
    const { item } = await importOne('tokyo.jpg', await jpegWithExif('2026:11:17 12:03:04', '+09:00'));
    expect(item?.blob).toMatchObject({ capturedAt: '2026-11-17T11:03:04', captureSource: 'exif' });
  });

  it('falls through an absurd EXIF year to the file name', async () => {
    const { item } = await importOne('Screenshot_20261117_120304.jpg', await jpegWithExif('9999:01:01 00:00:00'));
    expect(item?.blob).toMatchObject({ capturedAt: '2026-11-17T12:03:04', captureSource: 'filename' });
  });

  it('falls back to the file mtime, in Shanghai time whatever the machine zone', async () => {
    const file = await put('chat.png', await pngBytes());
    const mtime = new Date('2026-11-16T23:30:05Z');
    await utimes(file, mtime, mtime);
    const batch = await v.service.importPaths('c', [file], 'dialog');
    expect(batch.items[0]?.blob).toMatchObject({ capturedAt: '2026-11-17T07:30:05', captureSource: 'mtime' });
  });

  it('records upright dimensions for an EXIF-rotated photo and rotates the thumbnail', async () => {
    const rotated = await noise(400, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const { item } = await importOne('rotated.jpg', rotated);
    expect(item?.blob).toMatchObject({ width: 200, height: 400 });
    const thumb = await sharp(await v.service.readThumbnail(item?.blob.sha256 ?? '')).metadata();
    expect([thumb.width, thumb.height]).toEqual([180, 360]);
  });

  it('keeps tall screenshots at phone width and caps wide images at 2560', async () => {
    const tall = await importOne('tall.png', await flat(1200, 6000).png().toBuffer());
    const tallDisplay = await sharp((await v.service.readDisplay(tall.item?.blob.sha256 ?? '')).bytes).metadata();
    expect([tallDisplay.width, tallDisplay.height]).toEqual([1080, 5400]);
    const wide = await importOne('wide.jpg', await flat(4000, 1000).jpeg().toBuffer());
    const wideDisplay = await sharp((await v.service.readDisplay(wide.item?.blob.sha256 ?? '')).bytes).metadata();
    expect([wideDisplay.width, wideDisplay.height]).toEqual([2560, 640]);
  });

  it('trusts magic bytes over the extension: a PNG named .jpg is a PNG', async () => {
    const { item } = await importOne('really-a-png.jpg', await pngBytes());
    expect(item?.blob).toMatchObject({ format: 'png', mime: 'image/png', mediaType: 'image', originalName: 'really-a-png.jpg' });
  });

  it('accepts the other formats sharp decodes: webp, gif, tiff, avif', async () => {
    const files = {
      'a.webp': await noise(50, 40).webp().toBuffer(),
      'b.gif': await noise(50, 40).gif().toBuffer(),
      'c.tif': await noise(50, 40).tiff().toBuffer(),
      'd.avif': await noise(50, 40).avif().toBuffer(),
    };
    const paths = await Promise.all(Object.entries(files).map(([n, b]) => put(n, b)));
    const batch = await v.service.importPaths('c', paths, 'dialog');
    expect(batch.failures).toEqual([]);
    expect(batch.items.map((i) => [i.blob.format, i.blob.mime, i.blob.hasThumbnail])).toEqual([
      ['webp', 'image/webp', true],
      ['gif', 'image/gif', true],
      ['tiff', 'image/tiff', true],
      ['heif', 'image/avif', true],
    ]);
  });
});

describe('refusing bad files, each with its own error', () => {
  it.each([
    ['a text file named .png', 'notes.png', Buffer.from('this is not an image\n'), 'corrupt-file', /notes\.png: This is not a valid image/],
    ['a zero-byte file', 'empty.jpg', Buffer.alloc(0), 'empty-file', /empty\.jpg: .*empty/],
    ['an SVG', 'logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'unsupported-type', /SVG/],
    ['an SVG named .png', 'logo.png', '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', 'unsupported-type', /SVG/],
    ['a zip', 'bundle.zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), 'unsupported-type', /not supported/],
    ['garbage named .mp4', 'clip.mp4', Buffer.from('definitely not a video'), 'corrupt-file', /not a valid video/],
    ['binary named .txt', 'chat.txt', Buffer.from([1, 0, 2, 0, 3]), 'corrupt-file', /not a valid text file/],
  ])('%s', async (_label, name, bytes, code, message) => {
    const { batch, failure } = await importOne(name, bytes);
    expect(batch.items).toEqual([]);
    expect(failure).toMatchObject({ file: name, code });
    expect(failure?.message).toMatch(message);
    expect(failure?.message).not.toContain(v.vaultDir);
  });

  it('catches a truncated JPEG (cut in half) by decoding it fully', async () => {
    const jpeg = await jpegBytes(800, 600);
    const { failure } = await importOne('half.jpg', jpeg.subarray(0, jpeg.length >> 1));
    expect(failure).toMatchObject({ file: 'half.jpg', code: 'corrupt-file' });
    expect(await blobFiles()).toEqual([]);
  });

  it('catches a truncated PNG', async () => {
    const png = await pngBytes(300, 300);
    const { failure } = await importOne('half.png', png.subarray(0, png.length >> 1));
    expect(failure).toMatchObject({ code: 'corrupt-file' });
  });

  it('refuses a decompression bomb (a 30000×30000 PNG header) with too-many-pixels', async () => {
    const bomb = bombPng();
    expect(bomb.length).toBeLessThan(1024);
    const { failure } = await importOne('bomb.png', bomb);
    expect(failure).toMatchObject({ file: 'bomb.png', code: 'too-many-pixels' });
    expect(await blobFiles()).toEqual([]);
    expect(await readdir(path.join(v.vaultDir, 'meta'))).toEqual([]);
    expect(await readdir(path.join(v.vaultDir, 'derived', 'thumb'))).toEqual([]);
  });

  it('reports a missing source by its name only, and a folder given as a file', async () => {
    const batch = await v.service.importPaths('c', [path.join(v.srcDir, 'gone.png'), v.srcDir], 'dialog');
    expect(batch.failures).toEqual([
      expect.objectContaining({ file: 'gone.png', code: 'not-found' }),
      expect.objectContaining({ file: 'src', code: 'unsupported-type' }),
    ]);
    expect(batch.failures[0]?.message).not.toContain(v.root);
  });

  it('keeps HEIC photos it cannot decode (no HEVC in prebuilt libvips) without a preview', async () => {
    const heicHeader = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic'), Buffer.alloc(200, 7)]);
    const { item } = await importOne('IMG_20261117_120304.HEIC', heicHeader);
    expect(item?.blob).toMatchObject({ mediaType: 'image', mime: 'image/heic', format: 'heic', hasThumbnail: false, width: null });
    await expect(v.service.readThumbnail(item?.blob.sha256 ?? '')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('video, audio, text and PDF', () => {
  it('stores a hand-written WAV with its duration and no thumbnail', async () => {
    const { item } = await importOne('call.wav', wavBytes(8000, 2.5));
    expect(item?.blob).toMatchObject({ mediaType: 'audio', mime: 'audio/wav', format: 'wav', durationSec: 2.5, hasThumbnail: false });
    expect(await readdir(path.join(v.vaultDir, 'derived', 'thumb'))).toEqual([]);
  });

  it('reads an MP4 movie duration from mvhd, with moov first or last', async () => {
    const batch = await v.service.importPaths('c', [await put('a.mp4', mp4Bytes(3500, 1000)), await put('b.mov', mp4Bytes(90_000, 600, true))], 'dialog');
    expect(batch.items.map((i) => [i.blob.mediaType, i.blob.format, i.blob.durationSec, i.blob.hasThumbnail])).toEqual([
      ['video', 'mp4', 3.5, false],
      ['video', 'mp4', 150, false],
    ]);
  });

  it('tolerates an unreadable duration: the video is stored with durationSec null', async () => {
    const noMoov = mp4Bytes(1, 1).subarray(0, 32);
    const { item } = await importOne('VID_20261117_120304.mp4', noMoov);
    expect(item?.blob).toMatchObject({ mediaType: 'video', durationSec: null, capturedAt: '2026-11-17T12:03:04', captureSource: 'filename' });
  });

  it('accepts chat exports (.txt, .csv, UTF-16) and PDFs', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('消息记录', 'utf16le')]);
    const names = ['qq.txt', 'wechat.csv', 'utf16.txt', 'policy.pdf'];
    const contents = ['消息记录(此消息记录为文本格式,不支持重新导入)\n', 'localId,TalkerId\n1,2\n', utf16, '%PDF-1.7\n%…\n'];
    const paths = await Promise.all(names.map((n, i) => put(n, contents[i] ?? '')));
    const batch = await v.service.importPaths('c', paths, 'dialog');
    expect(batch.failures).toEqual([]);
    expect(batch.items.map((i) => [i.blob.mediaType, i.blob.mime, i.blob.format])).toEqual([
      ['text', 'text/plain', 'txt'],
      ['text', 'text/csv', 'csv'],
      ['text', 'text/plain', 'txt'],
      ['document', 'application/pdf', 'pdf'],
    ]);
  });
});

describe('batches and duplicates', () => {
  it('stores the same bytes once and says so on the second import', async () => {
    const png = await pngBytes();
    const first = await importOne('one.png', png);
    const again = await v.service.importPaths('case-2', [await put('copy-of-one.png', png)], 'dialog');
    expect(first.item?.alreadyStored).toBe(false);
    expect(again.items[0]).toMatchObject({ alreadyStored: true, blob: first.item?.blob });
    expect(await blobFiles()).toEqual([sha256(png)]);
    const sidecar = JSON.parse(await readFile(path.join(v.vaultDir, 'meta', `${sha256(png)}.json`), 'utf8')) as { intendedCaseId: string };
    expect(sidecar.intendedCaseId).toBe('case-1');
  });

  it('detects a duplicate inside one batch', async () => {
    const png = await pngBytes();
    const batch = await v.service.importBuffers('c', [1, 2].map((n) => ({ name: `${n}.png`, lastModified: 0, bytes: png })), 'drop');
    expect(batch.items.map((i) => i.alreadyStored)).toEqual([false, true]);
  });

  it('goes on after a bad file and reports progress for every file', async () => {
    const paths = [await put('good-1.png', await pngBytes()), await put('bad.jpg', 'nope'), await put('good-2.jpg', await jpegBytes())];
    const batch = await v.service.importPaths('c', paths, 'dialog');
    expect(batch.items.map((i) => i.blob.originalName)).toEqual(['good-1.png', 'good-2.jpg']);
    expect(batch.failures).toEqual([expect.objectContaining({ file: 'bad.jpg', code: 'corrupt-file' })]);
    expect(batch.cancelled).toBe(false);
    expect(v.progress).toEqual([1, 2, 3].map((done) => ({ batchId: batch.batchId, done, total: 3, file: ['good-1.png', 'bad.jpg', 'good-2.jpg'][done - 1] })));
  });
});

describe('importBuffers', () => {
  it('uses lastModified for dropped files and the paste time for the clipboard', async () => {
    const png = await pngBytes(20, 20);
    const dropped = await v.service.importBuffers('c', [{ name: '证据/聊天/a.png', lastModified: Date.UTC(2026, 10, 1, 1, 2, 3), bytes: png }], 'drop');
    expect(dropped.items[0]).toMatchObject({ source: 'drop', blob: { originalName: '证据/聊天/a.png', capturedAt: '2026-11-01T09:02:03', captureSource: 'mtime' } });
    const pasted = await v.service.importBuffers('c', [{ name: 'clipboard.png', lastModified: 0, bytes: await pngBytes(21, 21) }], 'clipboard');
    expect(pasted.items[0]).toMatchObject({ source: 'clipboard', blob: { capturedAt: '2026-11-22T10:00:00', captureSource: 'clipboard' } });
    const unknown = await v.service.importBuffers('c', [{ name: 'x.png', lastModified: 0, bytes: await pngBytes(22, 22) }], 'drop');
    expect(unknown.items[0]?.blob).toMatchObject({ capturedAt: '2026-11-22T10:00:00', captureSource: 'import' });
  });

  it('prefers a file-name time over the paste time, and refuses empty buffers', async () => {
    const batch = await v.service.importBuffers(
      'c',
      [
        { name: 'Screenshot_20261117_120304.png', lastModified: 0, bytes: await pngBytes() },
        { name: 'empty.png', lastModified: 0, bytes: new Uint8Array(0) },
      ],
      'clipboard',
    );
    expect(batch.items[0]?.blob).toMatchObject({ captureSource: 'filename', capturedAt: '2026-11-17T12:03:04' });
    expect(batch.failures).toEqual([expect.objectContaining({ file: 'empty.png', code: 'empty-file' })]);
  });
});
