// The vault's two secrets: the key pair that signs every exported PDF, and the key that MACs the
// audit log. Each lives in <vault>/keys/ as JSON, its secret part sealed by a SecretSealer: the OS
// keystore (Electron safeStorage) in the app, or no sealing at all where there is none (the CLI,
// tests), which the file itself says in plain words. Made once, on first use, never overwritten.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { fsyncDir } from '../fs/atomic';
import { hasErrorCode } from '../fs/errors';
import { createSerial } from '../../../shared/async/serial';
import { vaultLayout } from '../vault/layout';
import { makeVaultCertificate, type VaultCertificate } from './cert';

/** Seals a secret at rest. The port the composition root injects: safeStorage in the app. */
export interface SecretSealer {
  /** 'os-keystore': only this OS account can open it; 'none': stored as is, readable by anyone with the vault folder. */
  readonly protection: 'os-keystore' | 'none';
  seal(secret: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
}

export const UNSEALED_NOTICE =
  'This key is stored unencrypted in the vault folder (no OS keystore was available): anyone who can read this folder can sign as this vault or re-key its audit log.';

/** For the CLI and tests: no keystore, and the key file says so. */
export const plainSealer: SecretSealer = {
  protection: 'none',
  seal: (secret) => Buffer.from(secret),
  open: (sealed) => Buffer.from(sealed),
};

export class KeyUnavailableError extends Error {
  override readonly name = 'KeyUnavailableError';
}

const keyFileSchema = z.object({
  format: z.literal('liuzheng-vault-key'),
  version: z.literal(1),
  kind: z.enum(['signing', 'audit-hmac']),
  createdAt: z.string().max(40),
  protection: z.enum(['os-keystore', 'none']),
  notice: z.string().max(1000).optional(),
  /** Public: the signing certificate (PEM). */
  certificate: z.string().max(20_000).optional(),
  fingerprint: z.string().max(200).optional(),
  keyId: z.string().max(64).optional(),
  /** Base64 of the sealed secret (a PKCS#8 PEM private key, or 32 random HMAC bytes). */
  secret: z.string().min(1).max(20_000),
});
type KeyFile = z.infer<typeof keyFileSchema>;
const auditSecretSchema = z.object({ key: z.string().min(40).max(100), since: z.number().int().nonnegative() });

async function readKeyFile(file: string): Promise<KeyFile | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (hasErrorCode(err, 'ENOENT')) return null;
    throw err;
  }
  try {
    const parsed = keyFileSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  throw new KeyUnavailableError(`${file}: the vault's key file is damaged; it is never replaced automatically, since a new key would no longer match earlier exports.`);
}

/** Writes a new key file; false when another writer made one first (read that one instead). */
async function createKeyFile(file: string, body: KeyFile): Promise<boolean> {
  await mkdir(path.dirname(file), { recursive: true });
  let fh;
  try {
    fh = await open(file, 'wx', 0o600);
  } catch (err) {
    if (hasErrorCode(err, 'EEXIST')) return false;
    throw err;
  }
  try {
    await fh.writeFile(`${JSON.stringify(body, null, 2)}\n`);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fsyncDir(path.dirname(file));
  return true;
}

function unseal(file: string, k: KeyFile, sealer: SecretSealer): Buffer {
  if (k.protection === 'os-keystore' && sealer.protection !== 'os-keystore') {
    throw new KeyUnavailableError(`${file}: the key is sealed by the app's OS keystore and cannot be opened here.`);
  }
  try {
    return sealer.open(Buffer.from(k.secret, 'base64'));
  } catch (err) {
    throw new KeyUnavailableError(`${file}: the OS keystore could not open the vault's key (another computer or user account?).`, { cause: err });
  }
}

export interface SigningKey extends VaultCertificate {
  privateKeyPem: string;
  protection: KeyFile['protection'];
}

export interface AuditKey {
  key: Buffer;
  /**
   * The log's last sequence number when the key was made: every later entry must carry a MAC. Sealed
   * with the key, so it cannot be raised to pass off a stripped log as one from before keys.
   */
  since: number;
  /** First 16 hex of SHA-256 over an HMAC of a fixed label: names the key without revealing it. */
  keyId: string;
  protection: KeyFile['protection'];
}

export const auditKeyId = (key: Buffer): string => createHmac('sha256', key).update('liuzheng-audit-key-id').digest('hex').slice(0, 16);

export interface VaultKeys {
  signing(): Promise<SigningKey>;
  /** `head` gives the log's last sequence number, read only when the key is first made. */
  audit(head: () => Promise<number>): Promise<AuditKey>;
}

export function createVaultKeys(opts: { vaultDir: string; sealer: SecretSealer; now: () => Date }): VaultKeys {
  const layout = vaultLayout(opts.vaultDir);
  const serial = createSerial();
  const base = (kind: KeyFile['kind']) => ({
    format: 'liuzheng-vault-key' as const,
    version: 1 as const,
    kind,
    createdAt: opts.now().toISOString(),
    protection: opts.sealer.protection,
    ...(opts.sealer.protection === 'none' ? { notice: UNSEALED_NOTICE } : {}),
  });
  // Read from disk on each use (once per export, once per log open): a restore may have replaced them.

  const loadSigning = (): Promise<SigningKey> =>
    serial(async () => {
      const file = layout.signingKey;
      let k = await readKeyFile(file);
      if (k === null) {
        const made = makeVaultCertificate(opts.now());
        await createKeyFile(file, { ...base('signing'), certificate: made.certificatePem, fingerprint: made.fingerprint, secret: opts.sealer.seal(Buffer.from(made.privateKeyPem)).toString('base64') });
        k = await readKeyFile(file);
      }
      if (k === null || k.kind !== 'signing' || k.certificate === undefined || k.fingerprint === undefined) throw new KeyUnavailableError(`${file}: not a signing key.`);
      return { certificatePem: k.certificate, fingerprint: k.fingerprint, privateKeyPem: unseal(file, k, opts.sealer).toString('utf8'), protection: k.protection };
    });

  const loadAudit = (head: () => Promise<number>): Promise<AuditKey> =>
    serial(async () => {
      const file = layout.auditKey;
      let k = await readKeyFile(file);
      if (k === null) {
        const key = randomBytes(32);
        const secret = Buffer.from(JSON.stringify({ key: key.toString('base64'), since: await head() }));
        await createKeyFile(file, { ...base('audit-hmac'), keyId: auditKeyId(key), secret: opts.sealer.seal(secret).toString('base64') });
        k = await readKeyFile(file);
      }
      if (k === null || k.kind !== 'audit-hmac') throw new KeyUnavailableError(`${file}: not an audit key.`);
      const parsed = auditSecretSchema.safeParse(JSON.parse(unseal(file, k, opts.sealer).toString('utf8')));
      if (!parsed.success) throw new KeyUnavailableError(`${file}: the audit key is damaged.`);
      const key = Buffer.from(parsed.data.key, 'base64');
      return { key, since: parsed.data.since, keyId: auditKeyId(key), protection: k.protection };
    });

  return {
    signing: loadSigning,
    audit: loadAudit,
  };
}

/** The vault's signing certificate, read without unsealing anything; null when the vault never exported. */
export async function readVaultCertificate(vaultDir: string): Promise<VaultCertificate | null> {
  const k = await readKeyFile(vaultLayout(vaultDir).signingKey).catch(() => null);
  return k?.certificate && k.fingerprint ? { certificatePem: k.certificate, fingerprint: k.fingerprint } : null;
}
