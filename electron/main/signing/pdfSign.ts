// Signs a finished PDF with the vault's key: a detached CMS (adbe.pkcs7.detached) over the whole file
// but the signature itself, so any reader (Adobe, Foxit, WPS, poppler's pdfsig) shows a change made
// after export. @signpdf places the signature dictionary and fills the byte range; node-forge builds
// the CMS. Nothing here is hand-rolled byte-range arithmetic.
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';
import type { PDFDocument } from 'pdf-lib';
import type { VaultKeys } from './keys';

/** Hex digits reserved for the CMS (4 KB): a 2048-bit signature and the one certificate need about 2.3 KB. */
export const SIGNATURE_BYTES = 8192;

export const SIGNATURE_REASON = '导出后未被改动的校验 (unchanged since export; not identity, not notarisation)';

/** What the bundle service needs: the fingerprint to print, then a signature for each finished part. */
export interface ExportSeal {
  fingerprint: string;
  sign(pdf: Uint8Array, at: Date): Promise<Uint8Array>;
}

/**
 * forge parses a UTF8String name as its raw UTF-8 bytes but encodes it again on the way out, so the
 * signer's issuer would no longer match the certificate's (readers then report "signer not found").
 */
function parseCertificate(pem: string): forge.pki.Certificate {
  const cert = forge.pki.certificateFromPem(pem);
  for (const name of [cert.issuer, cert.subject]) {
    for (const attr of name.attributes) {
      // Typed as a Class by @types/node-forge, but it holds the value's Type.
      if ((attr.valueTagClass as unknown) === forge.asn1.Type.UTF8 && typeof attr.value === 'string') attr.value = forge.util.decodeUtf8(attr.value);
    }
  }
  return cert;
}

class VaultCmsSigner extends Signer {
  constructor(
    private readonly certificatePem: string,
    private readonly privateKeyPem: string,
  ) {
    super();
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const cert = parseCertificate(this.certificatePem);
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    p7.addCertificate(cert);
    p7.addSigner({
      key: forge.pki.privateKeyFromPem(this.privateKeyPem),
      certificate: cert,
      digestAlgorithm: forge.pki.oids['sha256'] ?? '2.16.840.1.101.3.4.2.1',
      authenticatedAttributes: [
        { type: forge.pki.oids['contentType'] ?? '', value: forge.pki.oids['data'] ?? '' },
        { type: forge.pki.oids['signingTime'] ?? '', value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids['messageDigest'] ?? '' },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

/** Adds the empty signature field to the first page; the document must then be saved and signed. */
export function addSignaturePlaceholder(doc: PDFDocument, at: Date): void {
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: SIGNATURE_REASON,
    contactInfo: '',
    name: '留证 LiuZheng',
    location: '',
    signingTime: at,
    signatureLength: SIGNATURE_BYTES,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    appName: '留证 LiuZheng',
  });
}

/** The seal of one vault: its key is made on first use (the first export). */
export async function vaultSeal(keys: VaultKeys): Promise<ExportSeal> {
  const key = await keys.signing();
  const signer = new VaultCmsSigner(key.certificatePem, key.privateKeyPem);
  return {
    fingerprint: key.fingerprint,
    sign: async (pdf, at) => new Uint8Array(await new SignPdf().sign(Buffer.from(pdf), signer, at)),
  };
}
