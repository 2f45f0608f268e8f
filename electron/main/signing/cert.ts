// The vault's self-signed certificate. Its subject says plainly what a signature by it proves: the
// file is unchanged since this vault exported it. It names no person and no authority vouches for it.
import { createHash, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

export interface VaultCertificate {
  certificatePem: string;
  /** SHA-256 of the certificate's DER, upper-case hex pairs joined by ':' (as certutil and openssl print it). */
  fingerprint: string;
}

export const CERT_SUBJECT = {
  commonName: '留证 LiuZheng export seal - unchanged since export only',
  organizationName: 'Not an identity and not a notarisation / 不证明身份，不是公证',
  organizationalUnitName: 'Proves only: this file is unchanged since this vault exported it / 仅证明导出后未被改动',
};

/** Thirty years: long enough that an export is never checked against an expired seal. */
const VALIDITY_YEARS = 30;

/** From the PEM's own bytes: re-encoding through forge would change a UTF8String name. */
export function certificateFingerprint(pem: string): string {
  return new X509Certificate(pem).fingerprint256;
}

export function fingerprintOfDer(der: Uint8Array): string {
  return (createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g) ?? []).join(':');
}

export function makeVaultCertificate(now: Date): VaultCertificate & { privateKeyPem: string } {
  // Node's native generator: forge's pure-JS one takes seconds for RSA-2048.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // Positive, random, 16 bytes: unique per vault.
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 24 * 3600_000);
  cert.validity.notAfter = new Date(now.getTime() + VALIDITY_YEARS * 365 * 24 * 3600_000);
  // @types/node-forge types valueTagClass as an asn1 Class; forge reads it as the string's Type.
  const utf8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;
  const attrs = [
    { name: 'commonName', value: CERT_SUBJECT.commonName, valueTagClass: utf8 },
    { name: 'organizationName', value: CERT_SUBJECT.organizationName, valueTagClass: utf8 },
    { name: 'organizationalUnitName', value: CERT_SUBJECT.organizationalUnitName, valueTagClass: utf8 },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: false, critical: true },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privateKeyPem), forge.md.sha256.create());
  const certificatePem = forge.pki.certificateToPem(cert);
  return { certificatePem, fingerprint: certificateFingerprint(certificatePem), privateKeyPem };
}
