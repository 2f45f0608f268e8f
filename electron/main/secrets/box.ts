// Secrets at rest: a card shop's 查询密码 and the delivered 卡密 are stored by the renderer only as
// this box sealed them. The desktop app seals with Electron's safeStorage (the OS keychain / DPAPI /
// libsecret); the tests, the CLI and a Linux desktop without a keyring use a random key in a file
// beside the app data (0600), which keeps the values out of the database and any backup of it.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { hasErrorCode } from '../fs/errors';

export interface SecretBox {
  /** Which kind of box: shown nowhere, but part of every sealed value so the right box opens it. */
  readonly kind: 'safe-storage' | 'file-key';
  seal(text: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

export class SecretError extends Error {
  override readonly name = 'SecretError';
}

const CANNOT_OPEN = '这项内容是在另一台电脑上或用另一种方式加密保存的，无法在本机解密；请重新输入。';

/** Electron's safeStorage, as far as the box needs it (injected, so this file stays plain Node). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(data: Buffer): string;
}

const SS = 'ss1:';
const FK = 'fk1:';

export function safeStorageBox(safeStorage: SafeStorageLike): SecretBox {
  return {
    kind: 'safe-storage',
    async seal(text) {
      return SS + safeStorage.encryptString(text).toString('base64');
    },
    async open(sealed) {
      if (!sealed.startsWith(SS)) throw new SecretError(CANNOT_OPEN);
      try {
        return safeStorage.decryptString(Buffer.from(sealed.slice(SS.length), 'base64'));
      } catch {
        throw new SecretError(CANNOT_OPEN);
      }
    },
  };
}

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

async function loadOrCreateKey(file: string): Promise<Buffer> {
  try {
    const key = await readFile(file);
    if (key.length !== KEY_BYTES) throw new SecretError(`${file} is not a ${KEY_BYTES}-byte key (${key.length} bytes); move it aside to start a new one`);
    return key;
  } catch (err) {
    if (!hasErrorCode(err, 'ENOENT')) throw err;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const key = randomBytes(KEY_BYTES);
  try {
    // 'wx': two first uses at once cannot each write a key and seal with the one that loses.
    const fh = await open(file, 'wx', 0o600);
    try {
      await fh.writeFile(key);
      await fh.sync();
    } finally {
      await fh.close();
    }
    return key;
  } catch (err) {
    if (hasErrorCode(err, 'EEXIST')) return loadOrCreateKey(file);
    throw err;
  }
}

/** AES-256-GCM under a random key in `<dataDir>/secret.key`, made on first use. */
export function fileKeyBox(dataDir: string): SecretBox {
  let key: Promise<Buffer> | null = null;
  const keyOf = () => (key ??= loadOrCreateKey(path.join(dataDir, 'secret.key')).catch((err: unknown) => {
    key = null;
    throw err;
  }));
  return {
    kind: 'file-key',
    async seal(text) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', await keyOf(), iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return FK + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    async open(sealed) {
      if (!sealed.startsWith(FK)) throw new SecretError(CANNOT_OPEN);
      const raw = Buffer.from(sealed.slice(FK.length), 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new SecretError(CANNOT_OPEN);
      try {
        const decipher = createDecipheriv('aes-256-gcm', await keyOf(), raw.subarray(0, IV_BYTES));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretError(CANNOT_OPEN);
      }
    },
  };
}
