// The sidecar is main's only memory of an import once the renderer's record is gone or never written.
// It is parsed strictly: a torn or hand-edited sidecar counts as missing and is rebuilt from the blob.
import { readFile, rm } from 'node:fs/promises';
import { z } from 'zod';
import { CAPTURE_SOURCES, MEDIA_TYPES } from '../../../shared/domain/evidence';
import type { BlobInfo } from '../../../shared/domain/evidence';
import { pageProvenanceSchema } from '../../../shared/webpage/provenance';
import { hasErrorCode } from '../fs/errors';
import type { VaultLayout } from './layout';
import { writeFileAtomic } from '../fs/atomic';

export interface Sidecar {
  blob: BlobInfo;
  intendedCaseId: string | null;
  /** ISO 8601 UTC instant of the import. */
  importedAt: string;
}

const blobInfoSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  originalName: z.string(),
  mime: z.string(),
  mediaType: z.enum(MEDIA_TYPES),
  format: z.string(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  durationSec: z.number().nonnegative().nullable(),
  capturedAt: z.string(),
  captureSource: z.enum(CAPTURE_SOURCES),
  hasThumbnail: z.boolean(),
  page: pageProvenanceSchema.optional(),
}) satisfies z.ZodType<BlobInfo>;

const sidecarSchema = z.object({
  blob: blobInfoSchema,
  intendedCaseId: z.string().nullable(),
  importedAt: z.string(),
}) satisfies z.ZodType<Sidecar>;

/** The sidecar for `sha`, or null when it is absent, unreadable, or about a different blob. */
export async function readSidecar(layout: VaultLayout, sha: string): Promise<Sidecar | null> {
  let text: string;
  try {
    text = await readFile(layout.meta(sha), 'utf8');
  } catch (err) {
    if (hasErrorCode(err, 'ENOENT', 'EISDIR')) return null;
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = sidecarSchema.safeParse(json);
  return parsed.success && parsed.data.blob.sha256 === sha ? parsed.data : null;
}

export async function writeSidecar(layout: VaultLayout, sidecar: Sidecar): Promise<void> {
  await writeFileAtomic(layout.meta(sidecar.blob.sha256), `${JSON.stringify(sidecar, null, 2)}\n`, { tmpPath: layout.tmp('.json') });
}

export async function removeSidecar(layout: VaultLayout, sha: string): Promise<void> {
  await rm(layout.meta(sha), { force: true });
}
