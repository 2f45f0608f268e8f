// Optional password protection: the tar stream is cut into 1 MiB chunks, each sealed with AES-256-GCM
// under a key derived by scrypt (node:crypto). Each chunk's nonce is a random prefix, the chunk's index
// and a last-chunk flag (the STREAM construction), and the whole header is every chunk's associated
// data, so a reordered, truncated or extended file and a tampered header all fail authentication.
// A 16-byte key check in the header tells a wrong password apart from a damaged file.
//
// Header (72 bytes, big-endian): "LZBACKUP" | version u8 = 1 | kdf u8 = 1 (scrypt) | log2 N u8 | r u8 |
// p u8 | chunk size u32 | salt 32 | nonce prefix 7 | key check 16. Then the chunks, each ciphertext
// followed by its 16-byte tag; every chunk but the last holds exactly `chunk size` plaintext bytes.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { BackupError, damaged } from './errors';

export const MAGIC = Buffer.from('LZBACKUP', 'ascii');
export const HEADER_BYTES = 72;
const TAG = 16;
const PREFIX = 7;
const DEFAULT_CHUNK = 1024 * 1024;

export interface KdfParams {
  log2N: number;
  r: number;
  p: number;
}

/** About 0.3 s and 128 MiB on a laptop: slow enough to make guessing costly, fast enough to wait for. */
export const DEFAULT_KDF: KdfParams = { log2N: 17, r: 8, p: 1 };
// A header is untrusted input: every password attempt pays its scrypt cost before any check, so a
// forged header could make each attempt take seconds and gigabytes. The app only ever writes its own
// defaults, so nothing costlier is accepted.
const MAX_LOG2N = DEFAULT_KDF.log2N;
const MAX_R = DEFAULT_KDF.r;
const MAX_P = DEFAULT_KDF.p;

export interface CryptoHeader {
  bytes: Buffer;
  kdf: KdfParams;
  chunkSize: number;
  salt: Buffer;
  prefix: Buffer;
  check: Buffer;
}

interface Keys {
  enc: Buffer;
  check: Buffer;
}

function deriveKeys(password: string, salt: Buffer, kdf: KdfParams): Promise<Keys> {
  const N = 2 ** kdf.log2N;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, 64, { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r + 1024 * 1024 }, (err, key) => {
      if (err) reject(err);
      else resolve({ enc: key.subarray(0, 32), check: key.subarray(32, 64) });
    });
  });
}

const keyCheck = (keys: Keys): Buffer => createHmac('sha256', keys.check).update('liuzheng-backup-key-check-v1').digest().subarray(0, 16);

export function isEncryptedHead(head: Uint8Array): boolean {
  return head.byteLength >= MAGIC.byteLength && MAGIC.equals(head.subarray(0, MAGIC.byteLength));
}

export function parseHeader(bytes: Buffer, fileName: string): CryptoHeader {
  if (bytes.byteLength < HEADER_BYTES || !isEncryptedHead(bytes)) throw damaged('The encrypted backup header is incomplete.', fileName);
  if (bytes[8] !== 1 || bytes[9] !== 1) throw new BackupError('backup-invalid', 'This backup was encrypted by a newer version of LiuZheng.', fileName);
  const kdf = { log2N: bytes.readUInt8(10), r: bytes.readUInt8(11), p: bytes.readUInt8(12) };
  const chunkSize = bytes.readUInt32BE(13);
  if (kdf.log2N < 10 || kdf.log2N > MAX_LOG2N || kdf.r < 1 || kdf.r > MAX_R || kdf.p < 1 || kdf.p > MAX_P || chunkSize < 1024 || chunkSize > 16 * 1024 * 1024) {
    throw damaged('The encrypted backup header has impossible parameters.', fileName);
  }
  return {
    bytes: bytes.subarray(0, HEADER_BYTES),
    kdf,
    chunkSize,
    salt: bytes.subarray(17, 49),
    prefix: bytes.subarray(49, 49 + PREFIX),
    check: bytes.subarray(56, 72),
  };
}

function nonce(prefix: Buffer, index: number, last: boolean): Buffer {
  if (index > 0xffffffff) throw new Error('backup too large for one key');
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(index, PREFIX);
  n[11] = last ? 1 : 0;
  return n;
}

/** Buffers input and hands out fixed-size pieces, keeping the tail until the stream ends. */
class Chunker {
  private parts: Buffer[] = [];
  private length = 0;
  constructor(private readonly size: number) {}
  push(chunk: Buffer): void {
    this.parts.push(chunk);
    this.length += chunk.byteLength;
  }
  /** A full piece, only while more bytes follow it: the last piece must wait for flush. */
  takeFull(): Buffer | null {
    if (this.length <= this.size) return null;
    const all = this.parts.length === 1 ? (this.parts[0] ?? Buffer.alloc(0)) : Buffer.concat(this.parts, this.length);
    const piece = all.subarray(0, this.size);
    const rest = all.subarray(this.size);
    this.parts = [rest];
    this.length = rest.byteLength;
    return piece;
  }
  rest(): Buffer {
    return Buffer.concat(this.parts, this.length);
  }
}

export async function createEncryptor(password: string, kdf: KdfParams = DEFAULT_KDF, chunkSize = DEFAULT_CHUNK): Promise<Transform> {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt8(1, 8);
  header.writeUInt8(1, 9);
  header.writeUInt8(kdf.log2N, 10);
  header.writeUInt8(kdf.r, 11);
  header.writeUInt8(kdf.p, 12);
  header.writeUInt32BE(chunkSize, 13);
  const salt = randomBytes(32);
  const prefix = randomBytes(PREFIX);
  salt.copy(header, 17);
  prefix.copy(header, 49);
  const keys = await deriveKeys(password, salt, kdf);
  keyCheck(keys).copy(header, 56);

  const chunker = new Chunker(chunkSize);
  let index = 0;
  const seal = (plain: Buffer, last: boolean): Buffer => {
    const cipher = createCipheriv('aes-256-gcm', keys.enc, nonce(prefix, index++, last));
    cipher.setAAD(header);
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  };
  let started = false;
  const start = (t: Transform): void => {
    if (!started) t.push(header);
    started = true;
  };
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      start(this);
      chunker.push(chunk);
      for (let piece = chunker.takeFull(); piece; piece = chunker.takeFull()) this.push(seal(piece, false));
      done();
    },
    flush(done: TransformCallback) {
      start(this);
      this.push(seal(chunker.rest(), true));
      done();
    },
  });
}

/** Checks the password against the header's key check; throws a wrong-password error otherwise. */
export async function unlock(header: CryptoHeader, password: string, fileName: string): Promise<Buffer> {
  const keys = await deriveKeys(password, header.salt, header.kdf);
  if (!timingSafeEqual(keyCheck(keys), header.check)) throw new BackupError('backup-wrong-password', 'The password is wrong.', fileName);
  return keys.enc;
}

export function createDecryptor(header: CryptoHeader, key: Buffer, fileName: string): Transform {
  const chunker = new Chunker(header.chunkSize + TAG);
  let index = 0;
  const open = (sealed: Buffer, last: boolean): Buffer => {
    if (sealed.byteLength < TAG) throw damaged('The backup ends in the middle of an encrypted block.', fileName);
    const decipher = createDecipheriv('aes-256-gcm', key, nonce(header.prefix, index, last));
    decipher.setAAD(header.bytes);
    decipher.setAuthTag(sealed.subarray(sealed.byteLength - TAG));
    try {
      const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.byteLength - TAG)), decipher.final()]);
      index++;
      return plain;
    } catch (err) {
      throw damaged(`Encrypted block ${index + 1} failed its integrity check: the file is damaged or was cut short.`, fileName, err);
    }
  };
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      try {
        chunker.push(chunk);
        for (let piece = chunker.takeFull(); piece; piece = chunker.takeFull()) this.push(open(piece, false));
        done();
      } catch (err) {
        done(err instanceof Error ? err : new Error(String(err)));
      }
    },
    flush(done: TransformCallback) {
      try {
        this.push(open(chunker.rest(), true));
        done();
      } catch (err) {
        done(err instanceof Error ? err : new Error(String(err)));
      }
    },
  });
}
