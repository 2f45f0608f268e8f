// IPC contract for the portable case folder: "导出案件文件夹" sends the case as case.json would hold it
// plus the hashes of its originals, and main writes the folder where the buyer chooses; "导入案件"
// lets main read a folder's case.json, bring its files into the vault, and hand back the case for
// the renderer to store in one transaction.
import { z } from 'zod';
import { EMPTY_COMPLAINT_FACTS } from '../bundle/types';
import { cardShopPrintSchema, caseFactsShape, complaintFactsSchema, partiesShape } from '../bundle/contract';
import { BUNDLE_TARGETS } from '../bundle/types';
import type { BundleTarget } from '../bundle/types';
import { EVIDENCE_KINDS } from '../domain/evidence';
import type { BlobInfo, EvidenceKind } from '../domain/evidence';
import type { CaseFile } from './caseFile';

export interface PortableEvidence {
  sha256: string;
  /** Names the copy in the folder (its extension), never a path. */
  originalName: string;
  format: string;
  /** Local "YYYY-MM-DDTHH:mm:ss": the copy's modification time, so a re-import dates it the same. */
  capturedAt: string;
  kind: EvidenceKind;
  title: string;
  purpose: string;
}

/** case.json without its file list, which main fills in with the names it gives the copies. */
export type PortableCase = Omit<CaseFile, 'evidence' | 'target'> & { target: BundleTarget };

export interface CaseFolderExportRequest {
  case: PortableCase;
  /** In exhibit order. */
  evidence: PortableEvidence[];
}

export interface CaseFolderExport {
  dir: string;
  /** File names inside dir, case.json first. */
  files: string[];
}

export interface ImportedCaseEvidence {
  blob: BlobInfo;
  kind: EvidenceKind;
  title: string;
  purpose: string;
}

export interface CaseFolderImport {
  dir: string;
  case: PortableCase;
  /** In case.json's order, each with what the vault learned about the file. */
  evidence: ImportedCaseEvidence[];
}

export type PortableApi = {
  /** Asks main for a parent folder and writes <title>/case.json + the originals; null when cancelled. */
  'case:exportFolder': (req: CaseFolderExportRequest) => Promise<CaseFolderExport | null>;
  /** Asks main for a case folder, validates its case.json and imports the files; null when cancelled. */
  'case:importFolder': (req: { caseId: string }) => Promise<CaseFolderImport | null>;
};

export const PORTABLE_API_METHODS = {
  exportCaseFolder: 'case:exportFolder',
  importCaseFolder: 'case:importFolder',
} as const satisfies Record<string, keyof PortableApi>;

const text = (max: number) => z.string().max(max);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256');
const local = z.string().max(32);

const portableCase = z
  .object({
    title: text(500).min(1),
    target: z.enum(BUNDLE_TARGETS),
    ...caseFactsShape,
    ...partiesShape,
    complaint: complaintFactsSchema.default(EMPTY_COMPLAINT_FACTS),
    cardShop: cardShopPrintSchema.nullable().default(null),
    events: z.array(z.object({ at: local.min(1), text: text(2000).min(1) }).strict()).max(10_000),
  })
  .strict() satisfies z.ZodType<PortableCase>;

export const portableSchemas = {
  'case:exportFolder': z
    .object({
      case: portableCase,
      evidence: z
        .array(z.object({ sha256, originalName: text(1024), format: text(32), capturedAt: local, kind: z.enum(EVIDENCE_KINDS), title: text(500), purpose: text(2000) }).strict())
        .min(1)
        .max(2000),
    })
    .strict(),
  'case:importFolder': z.object({ caseId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) }).strict(),
} satisfies { [C in keyof PortableApi]: z.ZodType<Parameters<PortableApi[C]>[0]> };
