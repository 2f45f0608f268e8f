// The buyer's own capture time for an original (issue 12), kept in the vault beside its fields
// (<vault>/ocr/<sha>.capture.json) so a later OCR pass reads against it too. The import's reading
// (the sidecar) is never rewritten: it records what the file itself said.
import { z } from 'zod';
import type { CaptureSource } from '../../../shared/domain/evidence';
import { parseLocalDateTime } from '../../../shared/extract/dates';
import { writeFileAtomic } from '../fs/atomic';
import { readJson } from '../ocr/store';
import type { VaultLayout } from '../vault/layout';
import { readSidecar } from '../vault/sidecar';

export interface CaptureAnchor {
  capturedAt: string;
  captureSource: CaptureSource;
}

const overrideSchema = z
  .object({
    version: z.literal(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    capturedAt: z.string().max(32),
    captureSource: z.literal('user'),
    /** ISO instant the buyer set it. */
    setAt: z.string().max(64),
  })
  .strict();

/** "YYYY-MM-DDTHH:mm[:ss]" normalised to seconds, or null when it is no real local time. */
export function normaliseLocal(text: string): string | null {
  const v = parseLocalDateTime(text);
  if (v === null) return null;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(v.y, 4)}-${pad(v.m)}-${pad(v.d)}T${pad(v.h)}:${pad(v.mi)}:${pad(v.s ?? 0)}`;
}

/** The capture time fields are read against: the buyer's, else the one found at import. */
export async function captureAnchor(layout: VaultLayout, sha: string): Promise<CaptureAnchor | null> {
  const own = overrideSchema.safeParse(await readJson(layout.capture(sha)));
  // A torn or hand-edited file counts as absent; the import's time stands.
  if (own.success && own.data.sha256 === sha && normaliseLocal(own.data.capturedAt) !== null) return { capturedAt: own.data.capturedAt, captureSource: 'user' };
  const sidecar = await readSidecar(layout, sha);
  return sidecar ? { capturedAt: sidecar.blob.capturedAt, captureSource: sidecar.blob.captureSource } : null;
}

export async function writeCaptureOverride(layout: VaultLayout, sha: string, capturedAt: string, setAt: Date): Promise<void> {
  const record = { version: 1 as const, sha256: sha, capturedAt, captureSource: 'user' as const, setAt: setAt.toISOString() };
  await writeFileAtomic(layout.capture(sha), `${JSON.stringify(overrideSchema.parse(record))}\n`);
}
