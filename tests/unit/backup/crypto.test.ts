import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { createDecryptor, createEncryptor, HEADER_BYTES, parseHeader, unlock } from '../../../electron/main/backup/crypto';
import { CHEAP_KDF } from './fixtures';

const CHUNK = 1024;

async function seal(plain: Buffer, password = 'pw'): Promise<Buffer> {
  return buffer(Readable.from([plain.subarray(0, 700), plain.subarray(700)]).pipe(await createEncryptor(password, CHEAP_KDF, CHUNK)));
}

async function open(sealed: Buffer, password = 'pw'): Promise<Buffer> {
  const header = parseHeader(sealed.subarray(0, HEADER_BYTES), 'x.lzbackup');
  const key = await unlock(header, password, 'x.lzbackup');
  return buffer(Readable.from([sealed.subarray(HEADER_BYTES)]).pipe(createDecryptor(header, key, 'x.lzbackup')));
}

describe('chunked AES-256-GCM', () => {
  it.each([0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17])('round-trips %i bytes', async (n) => {
    const plain = randomBytes(n);
    const sealed = await seal(plain);
    expect(sealed.length).toBe(HEADER_BYTES + n + 16 * Math.max(1, Math.ceil(n / CHUNK)));
    expect((await open(sealed)).equals(plain)).toBe(true);
  });

  it('detects a file cut at a chunk boundary, a reordered chunk, a tampered header and a wrong password', async () => {
    const sealed = await seal(randomBytes(3 * CHUNK + 5));
    const block = CHUNK + 16;
    await expect(open(sealed.subarray(0, HEADER_BYTES + 2 * block))).rejects.toMatchObject({ code: 'backup-damaged' });
    const swapped = Buffer.concat([sealed.subarray(0, HEADER_BYTES), sealed.subarray(HEADER_BYTES + block, HEADER_BYTES + 2 * block), sealed.subarray(HEADER_BYTES, HEADER_BYTES + block), sealed.subarray(HEADER_BYTES + 2 * block)]);
    await expect(open(swapped)).rejects.toMatchObject({ code: 'backup-damaged' });
    const header = Buffer.from(sealed);
    header.writeUInt32BE(2048, 13);
    await expect(open(header)).rejects.toMatchObject({ code: 'backup-damaged' });
    await expect(open(sealed, 'PW')).rejects.toMatchObject({ code: 'backup-wrong-password' });
  });

  it('refuses absurd scrypt parameters before deriving anything', () => {
    const header = Buffer.alloc(HEADER_BYTES);
    header.write('LZBACKUP', 0, 'ascii');
    header.set([1, 1, 40, 8, 1], 8);
    header.writeUInt32BE(CHUNK, 13);
    expect(() => parseHeader(header, 'x')).toThrow(/impossible parameters/);
  });
});
