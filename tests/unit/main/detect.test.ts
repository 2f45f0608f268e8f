import { describe, expect, it } from 'vitest';
import { detectType } from '../../../electron/main/vault/detect';
import { displaySize } from '../../../electron/main/vault/image';
import { sanitizeFileName } from '../../../electron/main/vault/open';
import { isHiddenName } from '../../../electron/main/vault/walk';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(Buffer.from(p, 'latin1')) : p)));
const ftyp = (major: string, ...compatible: string[]): Uint8Array => {
  const size = 16 + compatible.length * 4;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], ...compatible, [0, 0, 0, 8], 'mdat');
};

describe('detectType by magic bytes', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0]), 'x.bin', 'image', 'image/jpeg'],
    ['gif', bytes('GIF89a'), 'x', 'image', 'image/gif'],
    ['tiff', bytes([0x4d, 0x4d, 0x00, 0x2a]), 'x', 'image', 'image/tiff'],
    ['webp', bytes('RIFF', [0, 0, 0, 0], 'WEBP'), 'x', 'image', 'image/webp'],
    ['heic', ftyp('heic', 'mif1', 'heic'), 'x', 'image', 'image/heic'],
    ['heif', ftyp('mif1', 'mif1'), 'x', 'image', 'image/heif'],
    ['avif', ftyp('avif', 'mif1', 'avif'), 'x', 'image', 'image/avif'],
    ['mp4', ftyp('isom', 'isom', 'mp41'), 'x', 'video', 'video/mp4'],
    ['mov', ftyp('qt  ', 'qt  '), 'x', 'video', 'video/quicktime'],
    ['mov', bytes([0, 0, 0, 8], 'wide'), 'x', 'video', 'video/quicktime'],
    ['m4v', ftyp('M4V ', 'M4V '), 'x', 'video', 'video/x-m4v'],
    ['3gp', ftyp('3gp4', '3gp4'), 'x', 'video', 'video/3gpp'],
    ['m4a', ftyp('M4A ', 'M4A ', 'mp42'), 'x', 'audio', 'audio/mp4'],
    ['webm', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84], 'webm'), 'x', 'video', 'video/webm'],
    ['mkv', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88], 'matroska'), 'x', 'video', 'video/x-matroska'],
    ['avi', bytes('RIFF', [0, 0, 0, 0], 'AVI '), 'x', 'video', 'video/x-msvideo'],
    ['wav', bytes('RIFF', [0, 0, 0, 0], 'WAVE'), 'x', 'audio', 'audio/wav'],
    ['mp3', bytes('ID3', [4, 0]), 'x', 'audio', 'audio/mpeg'],
    ['mp3', bytes([0xff, 0xfb, 0x90, 0x64]), 'raw.MP3', 'audio', 'audio/mpeg'],
    ['aac', bytes([0xff, 0xf1, 0x50, 0x80]), 'x.aac', 'audio', 'audio/aac'],
    ['amr', bytes('#!AMR\n'), 'x', 'audio', 'audio/amr'],
    ['ogg', bytes('OggS', [0]), 'x', 'audio', 'audio/ogg'],
    ['flac', bytes('fLaC'), 'x', 'audio', 'audio/flac'],
    ['pdf', bytes([0xef, 0xbb, 0xbf], '\n%PDF-1.4'), 'x', 'document', 'application/pdf'],
    ['txt', bytes([0xff, 0xfe], 'a', [0]), 'qq.txt', 'text', 'text/plain'],
    ['csv', bytes([0xef, 0xbb, 0xbf], 'a,b\n'), 'log.CSV', 'text', 'text/csv'],
  ])('%s', (format, head, name, mediaType, mime) => {
    expect(detectType(head, name)).toEqual({ format, mediaType, mime });
  });

  it.each([
    ['BMP is optional and not accepted', bytes('BM', [0, 0]), 'x.bmp', 'unsupported-type'],
    ['an unknown binary', bytes([0, 1, 2, 3]), 'x.dat', 'unsupported-type'],
    ['an SVG by content', bytes('  <svg xmlns="x">'), 'x.jpg', 'unsupported-type'],
    ['an SVG by name', bytes('plain'), 'x.SVG', 'unsupported-type'],
    ['an HTML page named .png', bytes('<!doctype html><html>'), 'page.png', 'corrupt-file'],
    ['text named .pdf', bytes('hello'), 'a.pdf', 'corrupt-file'],
    ['text named .m4a', bytes('hello'), 'a.m4a', 'corrupt-file'],
    ['a UTF-16 BOM without a text name', bytes([0xff, 0xfe, 0x41, 0x00]), 'a.bin', 'unsupported-type'],
    ['a bare MPEG frame sync without an audio name', bytes([0xff, 0xfb, 0x90, 0x64]), 'a.dat', 'unsupported-type'],
    ['a bad MPEG frame named .mp3', bytes([0xff, 0xff, 0xff, 0xff]), 'a.mp3', 'corrupt-file'],
  ])('refuses %s', (_label, head, name, code) => {
    expect(() => detectType(head, name)).toThrow(expect.objectContaining({ code }));
  });
});

describe('displaySize', () => {
  it.each([
    [640, 480, 640, 480],
    [4000, 3000, 2560, 1920],
    [3000, 4000, 1920, 2560],
    [1080, 2400, 1080, 2400],
    [1080, 8000, 1080, 8000],
    [1440, 9000, 1080, 6750],
    [1080, 30000, 590, 16383],
    [800, 5000, 800, 5000],
    [20000, 100, 2560, 13],
  ])('%i×%i → %i×%i', (w, h, ew, eh) => {
    expect(displaySize(w, h)).toEqual({ width: ew, height: eh });
  });
});

describe('sanitizeFileName', () => {
  it.each([
    ['order.png', 'order.png'],
    ['证据/聊天/截图 1.png', '截图 1.png'],
    ['..\\..\\evil:name?.png', 'evil_name_.png'],
    ['CON.txt', '_CON.txt'],
    ['.bashrc', '_.bashrc'],
    ['trailing dots...', 'trailing dots'],
    ['a\u0000b\nc.jpg', 'a_b_c.jpg'],
    ['', 'fallback.bin'],
    ['...', 'fallback.bin'],
    [`${'长'.repeat(300)}.jpg`, `${'长'.repeat(116)}.jpg`],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input, 'fallback.bin')).toBe(expected);
  });
});

describe('isHiddenName', () => {
  it.each([
    ['.DS_Store', true],
    ['Thumbs.db', true],
    ['desktop.ini', true],
    ['__MACOSX', true],
    ['.git', true],
    ['photo.jpg', false],
  ])('%s → %s', (name, hidden) => {
    expect(isHiddenName(name)).toBe(hidden);
  });
});
