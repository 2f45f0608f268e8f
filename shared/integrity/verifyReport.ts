// What 验证导出包 and `verify` report: two verdicts, the PDF's own integrity and the originals'.
// Pure types, shared by main (verifyBundle.ts), the CLI and the renderer.

export type BundleItemStatus = 'match' | 'mismatch' | 'missing';

export interface BundleVerifyItem {
  status: BundleItemStatus;
  no: number;
  label: string;
  /** The exhibit's title from the manifest, only when that manifest came from a PDF that verified intact; null otherwise. */
  title: string | null;
  /** The copy checked: a file in the folder, or the vault's original for a PDF. */
  file: string | null;
  expected: string;
  actual: string | null;
}

/** One thing re-derived from a PDF and compared with what its manifest attachment claims. */
export type PdfCheckKind = 'signature' | 'signer' | 'pages' | 'parts' | 'images' | 'printed' | 'duplicates' | 'folder-manifest';

/** What a failed check found, for the app to word in the buyer's language. */
export type PdfProblemCode =
  | 'no-signature'
  | 'many-signatures'
  | 'length-changed'
  | 'partial-coverage'
  | 'bad-cms'
  | 'digest'
  | 'bad-signature'
  | 'manifest-certificate'
  | 'other-key'
  | 'old-manifest'
  | 'page-count'
  | 'exhibit-pages'
  | 'manifest-pages'
  | 'part-count'
  | 'parts-partition'
  | 'exhibit-part'
  | 'images'
  | 'stray-images'
  | 'printed'
  | 'cover-fingerprint'
  | 'duplicate'
  | 'folder-originals'
  | 'folder-parts'
  | 'unreadable';

export interface PdfProblem {
  code: PdfProblemCode;
  params: Record<string, string | number>;
}

export interface PdfCheck {
  check: PdfCheckKind;
  ok: boolean;
  /** Names what changed when not ok, in English (what the CLI prints). */
  message: string;
  problems: PdfProblem[];
}

export interface PdfIntegrity {
  /** The PDF checked (a base name in the app). */
  file: string;
  intact: boolean;
  /** 'this-vault': signed by the vault checked against; 'other-key': by another; 'unchecked': no vault to compare with. */
  signer: 'this-vault' | 'other-key' | 'unchecked';
  /** SHA-256 fingerprint of the certificate in the signature, to compare with the one printed on the cover. */
  fingerprint: string | null;
  checks: PdfCheck[];
}

export interface BundleVerifyReport {
  kind: 'pdf' | 'folder';
  path: string;
  /** Verdict one: the PDF itself (signature, pages, images, printed 文件清单). */
  pdf: { intact: boolean; files: PdfIntegrity[] };
  /** Verdict two: the originals, checked by hash against the vault, a folder of originals, or the folder export's copies. */
  originalsAgainst: 'vault' | 'folder' | 'copies';
  /** From a manifest whose PDF verified intact; null otherwise, so unchecked text is never shown as verified. */
  caseTitle: string | null;
  exportedAt: string | null;
  items: BundleVerifyItem[];
  summary: Record<BundleItemStatus, number> & { total: number };
  /** Checked against a vault: does its audit log still reach the head recorded at export? */
  auditHead: { ok: boolean; finding: 'reached' | 'truncated' | 'rewritten'; seq: number; last: number; message: string } | null;
}
