// The vault's keys on a real folder: made once on first use, sealed by whatever SecretSealer the
// composition root passes, never replaced when damaged, and honest in the certificate they carry.
import { createCipheriv, createDecipheriv, randomBytes, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../../electron/main/integrity/audit';
import { createVaultKeys, KeyUnavailableError, plainSealer, readVaultCertificate, UNSEALED_NOTICE, type SecretSealer } from '../../../electron/main/signing/keys';
import { vaultLayout } from '../../../electron/main/vault/layout';

const now = () => new Date('2026-11-22T02:00:00.000Z');
let vaultDir: string;

/** A stand-in for safeStorage: AES-256-GCM under a key only this sealer holds. */
function keystoreSealer(): SecretSealer {
  const key = randomBytes(32);
  return {
    protection: 'os-keystore',
    seal(secret) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(secret), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    open(sealed) {
      const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]);
    },
  };
}

beforeEach(async () => {
  vaultDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'liuzheng-keys-')), 'vault');
});
afterEach(() => rm(path.dirname(vaultDir), { recursive: true, force: true }));

describe('vault keys', () => {
  it('makes one signing key on first use, even when asked twice at once, and says in the file that it is unsealed', async () => {
    const keys = createVaultKeys({ vaultDir, sealer: plainSealer, now });
    const [a, b] = await Promise.all([keys.signing(), keys.signing()]);
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const file = JSON.parse(await readFile(vaultLayout(vaultDir).signingKey, 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ protection: 'none', notice: UNSEALED_NOTICE, fingerprint: a.fingerprint });
    expect((await readVaultCertificate(vaultDir))?.fingerprint).toBe(a.fingerprint);
    // A second service over the same folder finds the same key.
    expect((await createVaultKeys({ vaultDir, sealer: plainSealer, now }).signing()).fingerprint).toBe(a.fingerprint);
  });

  it('writes a certificate that claims only what the signature proves', async () => {
    const { certificatePem } = await createVaultKeys({ vaultDir, sealer: plainSealer, now }).signing();
    const cert = new X509Certificate(certificatePem);
    expect(cert.subject).toContain('unchanged since export only');
    expect(cert.subject).toContain('Not an identity and not a notarisation');
    expect(cert.subject).toContain('不证明身份，不是公证');
    // Self-signed: its own key verifies it (no authority vouches for it).
    expect(cert.verify(cert.publicKey)).toBe(true);
  });

  it('seals with the OS keystore port: the file holds no readable key, and without the keystore it cannot be opened', async () => {
    const sealer = keystoreSealer();
    const key = await createVaultKeys({ vaultDir, sealer, now }).signing();
    const text = await readFile(vaultLayout(vaultDir).signingKey, 'utf8');
    expect(text).toContain('"protection": "os-keystore"');
    expect(text).not.toContain('PRIVATE KEY');
    expect(Buffer.from(JSON.parse(text).secret as string, 'base64').toString('latin1')).not.toContain('PRIVATE KEY');
    expect(key.privateKeyPem).toContain('PRIVATE KEY');
    const err: unknown = await createVaultKeys({ vaultDir, sealer: plainSealer, now }).signing().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KeyUnavailableError);
    expect(String(err)).toContain('signing.json');
  });

  it('never replaces a damaged key file', async () => {
    const keys = createVaultKeys({ vaultDir, sealer: plainSealer, now });
    await keys.signing();
    await writeFile(vaultLayout(vaultDir).signingKey, '{"format": "liuzheng-vault-key", "ver');
    await expect(keys.signing()).rejects.toThrow(/damaged; it is never replaced/);
    expect(await readFile(vaultLayout(vaultDir).signingKey, 'utf8')).toContain('"ver');
  });

  it('an audit key this account cannot open leaves the log working, unkeyed', async () => {
    await createVaultKeys({ vaultDir, sealer: keystoreSealer(), now }).audit(async () => 0);
    const other = createVaultKeys({ vaultDir, sealer: keystoreSealer(), now });
    const log = createAuditLog({ vaultDir, now, key: (head) => other.audit(head) });
    const entry = await log.record({ action: 'edit', caseId: 'case-1', evidenceId: null, sha256: null, detail: 'x' });
    expect(entry.mac).toBeUndefined();
    expect((await log.read()).intact).toBe(true);
  });
});
