// Checks a PDF's signature without trusting anything in it: exactly one signature, whose byte range
// is the whole file but its own hex placeholder, whose CMS message digest is the SHA-256 of those
// bytes, and whose signed attributes verify under the certificate it carries. Which key signed is
// reported as a fingerprint; whether that key is this vault's is the caller's question.
import { createHash, verify as verifySig, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import type { PdfProblemCode } from '../../../shared/integrity/contract';

/** What is wrong, as a code and parameters (the app words it) and as an English sentence (the CLI prints it). */
export interface Problem {
  code: PdfProblemCode;
  params: Record<string, string | number>;
  text: string;
}

export const problem = (code: PdfProblemCode, text: string, params: Record<string, string | number> = {}): Problem => ({ code, params, text });

export interface SignatureCheck {
  /** null when everything holds; otherwise what is wrong. */
  problem: Problem | null;
  fingerprint: string | null;
  signingTime: string | null;
  /** The certificate's subject, as the signature carries it. */
  subject: string | null;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
const OID = { messageDigest: '1.2.840.113549.1.9.4', signingTime: '1.2.840.113549.1.9.5', signedData: '1.2.840.113549.1.7.2', sha256: '2.16.840.1.101.3.4.2.1' };

type Asn1 = forge.asn1.Asn1;
const kids = (node: Asn1 | undefined): Asn1[] => (node && Array.isArray(node.value) ? node.value : []);
const bytesOf = (node: Asn1 | undefined): string => (node && typeof node.value === 'string' ? node.value : '');
const oidOf = (node: Asn1 | undefined): string => forge.asn1.derToOid(bytesOf(node));

const fail = (problem: Problem, extra: Partial<SignatureCheck> = {}): SignatureCheck => ({ problem, fingerprint: null, signingTime: null, subject: null, ...extra });

function isHexRun(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = bytes[i] ?? 0;
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

/** The one byte range, checked to span the file; or why not. */
function findRange(bytes: Uint8Array): { range: [number, number, number, number] } | { problem: Problem } {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const found = [...text.matchAll(BYTE_RANGE)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number]);
  if (found.length === 0) return { problem: problem('no-signature', 'the PDF carries no signature (it is not as 留证 exported it, or was saved again by another program)') };
  if (found.length > 1) return { problem: problem('many-signatures', `the PDF carries ${found.length} signatures or signature fields; an export has exactly one`, { count: found.length }) };
  const [a, b, c, d] = found[0] ?? [0, 0, 0, 0];
  if (c + d !== bytes.length) return { problem: problem('length-changed', `bytes were added or removed after signing: the signature covers ${c + d} bytes, the file has ${bytes.length}`, { signed: c + d, actual: bytes.length }) };
  if (a !== 0 || b <= 0 || c <= b + 1 || bytes[b] !== 0x3c || bytes[c - 1] !== 0x3e || !isHexRun(bytes, b + 1, c - 1)) {
    return { problem: problem('partial-coverage', 'the signature does not cover the whole file (its byte range leaves out more than the signature itself)') };
  }
  return { range: [a, b, c, d] };
}

/** The DER value at the start, without the placeholder's zero padding after it. */
function derPrefix(bytes: Buffer): Buffer {
  const first = bytes[1] ?? 0;
  if (first < 0x80) return bytes.subarray(0, first + 2);
  const n = first & 0x7f;
  if (n > 4) return bytes;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (bytes[2 + i] ?? 0);
  return bytes.subarray(0, Math.min(bytes.length, 2 + n + len));
}

export function checkPdfSignature(bytes: Uint8Array): SignatureCheck {
  const where = findRange(bytes);
  if ('problem' in where) return fail(where.problem);
  const [, b, c, d] = where.range;
  const hex = Buffer.from(bytes.subarray(b + 1, c - 1)).toString('latin1');
  const der = derPrefix(Buffer.from(hex, 'hex'));
  let root: Asn1;
  try {
    root = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
  } catch {
    return fail(problem('bad-cms', 'the signature is not a readable CMS structure'));
  }
  try {
    if (oidOf(kids(root)[0]) !== OID.signedData) return fail(problem('bad-cms', 'the signature is not CMS SignedData'));
    const signedData = kids(kids(root)[1])[0];
    const parts = kids(signedData);
    const certsNode = parts.find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
    const signerInfos = kids(parts[parts.length - 1]);
    if (signerInfos.length !== 1) return fail(problem('bad-cms', `the signature has ${signerInfos.length} signers; an export has one`));
    const si = kids(signerInfos[0]);
    const serial = Buffer.from(bytesOf(kids(si[1])[1]), 'binary').toString('hex').replace(/^0+/, '').toUpperCase();
    if (oidOf(kids(si[2])[0]) !== OID.sha256) return fail(problem('bad-cms', 'the signature does not use SHA-256'));
    const attrsNode = si.find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
    const signature = si.find((n) => n.tagClass === forge.asn1.Class.UNIVERSAL && n.type === forge.asn1.Type.OCTETSTRING);
    if (!attrsNode || !signature) return fail(problem('bad-cms', 'the signature has no signed attributes'));
    const certs = kids(certsNode).map((n) => new X509Certificate(Buffer.from(forge.asn1.toDer(n).getBytes(), 'binary')));
    const cert = certs.find((x) => x.serialNumber.replace(/^0+/, '').toUpperCase() === serial);
    if (!cert) return fail(problem('bad-cms', 'the signature does not carry the certificate that signed it'));
    const info = { fingerprint: cert.fingerprint256, subject: cert.subject.replace(/\n/g, ', ') };
    let digest = '';
    let signingTime: string | null = null;
    for (const attr of kids(attrsNode)) {
      const [type, values] = kids(attr);
      const value = kids(values)[0];
      if (oidOf(type) === OID.messageDigest) digest = Buffer.from(bytesOf(value), 'binary').toString('hex');
      if (oidOf(type) === OID.signingTime && value) signingTime = forge.asn1.utcTimeToDate(bytesOf(value)).toISOString();
    }
    const actual = createHash('sha256').update(bytes.subarray(0, b)).update(bytes.subarray(c, c + d)).digest('hex');
    if (digest !== actual) return fail(problem('digest', 'the file was changed after it was signed (its SHA-256 no longer matches the signed digest)'), { ...info, signingTime });
    // The signed attributes are signed as a SET OF, not as the [0] IMPLICIT they are stored as.
    const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, kids(attrsNode));
    const signedBytes = Buffer.from(forge.asn1.toDer(set).getBytes(), 'binary');
    if (!verifySig('sha256', signedBytes, cert.publicKey, Buffer.from(bytesOf(signature), 'binary'))) {
      return fail(problem('bad-signature', 'the signature itself is invalid (its signed attributes do not verify under its certificate)'), { ...info, signingTime });
    }
    return { problem: null, ...info, signingTime };
  } catch {
    return fail(problem('bad-cms', 'the signature is not a readable CMS structure'));
  }
}
