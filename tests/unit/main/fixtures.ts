// Real files for the vault tests, generated at test time: nothing binary is committed, and the
// decompression bomb only ever exists in a temp folder.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import type { Sharp } from 'sharp';
import type { ImportProgress } from '../../../shared/ipc/contract';
import { createVaultService } from '../../../electron/main/vault';
import type { VaultService } from '../../../electron/main/vault';

/** A fixed clock: 2026-11-22T10:00:00+08:00. */
export const NOW = new Date('2026-11-22T02:00:00.000Z');

export interface TestVault {
  root: string;
  vaultDir: string;
  srcDir: string;
  openDir: string;
  service: VaultService;
  progress: ImportProgress[];
  cleanup(): Promise<void>;
}

export async function makeTestVault(): Promise<TestVault> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-vault-test-'));
  const vaultDir = path.join(root, 'vault');
  const progress: ImportProgress[] = [];
  const service = createVaultService({
    vaultDir,
    now: () => NOW,
    onProgress: (p) => progress.push(p),
    tempDir: path.join(root, 'open'),
  });
  return {
    root,
    vaultDir,
    srcDir: path.join(root, 'src'),
    openDir: path.join(root, 'open'),
    service,
    progress,
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** Photo-like noise: incompressible, so sizes and decode costs are realistic. */
export function noise(width: number, height: number): Sharp {
  return sharp({ create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } });
}

/** A flat colour: cheap to encode and decode at screenshot sizes. */
export function flat(width: number, height: number): Sharp {
  return sharp({ create: { width, height, channels: 3, background: '#95ec69' } });
}

export const pngBytes = (width = 64, height = 48): Promise<Buffer> => noise(width, height).png().toBuffer();

export const jpegBytes = (width = 400, height = 300): Promise<Buffer> => noise(width, height).jpeg({ quality: 80 }).toBuffer();

export function jpegWithExif(dateTimeOriginal: string, offset?: string): Promise<Buffer> {
  const photo: Record<string, string> = { DateTimeOriginal: dateTimeOriginal };
  if (offset !== undefined) photo.OffsetTimeOriginal = offset;
  return noise(320, 240).jpeg().withExif({ IFD2: photo }).toBuffer();
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid PNG header claiming width×height RGB pixels, with a token IDAT: a few hundred bytes. */
export function bombPng(width = 30000, height = 30000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(1024))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** 16-bit mono PCM WAV, written field by field. */
export function wavBytes(sampleRate: number, seconds: number): Buffer {
  const samples = Math.round(sampleRate * seconds);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i += 1) data.writeInt16LE(Math.round(Math.sin(i / 8) * 8000), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

/**
 * ftyp + moov/mvhd (version 0) + an mdat, no tracks: the shape of a silent screen recording's
 * container, enough for the movie duration.
 */
export function mp4Bytes(durationUnits: number, timescale: number, moovLast = false): Buffer {
  const ftyp = box('ftyp', Buffer.from('isom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2mp41'));
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(timescale, 12);
  mvhd.writeUInt32BE(durationUnits, 16);
  mvhd.writeUInt32BE(0x00010000, 20); // rate 1.0
  mvhd.writeUInt16BE(0x0100, 24); // volume 1.0
  [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].forEach((v, i) => mvhd.writeUInt32BE(v, 36 + i * 4));
  mvhd.writeUInt32BE(2, 96); // next track id
  const moov = box('moov', box('mvhd', mvhd));
  const mdat = box('mdat', Buffer.alloc(4096, 0x11));
  return moovLast ? Buffer.concat([ftyp, mdat, moov]) : Buffer.concat([ftyp, moov, mdat]);
}
