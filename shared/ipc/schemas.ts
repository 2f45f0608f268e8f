// Runtime schemas for every channel's request. Main parses with these before any handler runs,
// because the renderer is the least trusted part of the app.
import { z } from 'zod';
import type { Channel, RequestOf } from './contract';
import { bundleSchemas } from '../bundle/contract';
import { cardShopSchemas } from '../cardshop/contract';
import { integritySchemas } from '../integrity/contract';
import { intentSchemas } from '../integrity/intents';
import { backupSchemas } from '../backup/contract';
import { ocrSchemas } from '../ocr/contract';
import { portableSchemas } from '../portable/contract';
import { fieldsSchemas } from '../fields/contract';
import { holidaysSchemas } from '../holidays/contract';
import { captureSchemas } from '../capture/contract';
import { remindersSchemas } from '../reminders/contract';
import { videoSchemas } from '../video/contract';

/** A dropped file or pasted screenshot may be a long video; anything bigger is refused up front. */
export const MAX_TRANSFER_BYTES = 2 * 1024 ** 3;
export const MAX_FILES_PER_DROP = 500;

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'ids are url-safe tokens');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256');
const bytes = z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_TRANSFER_BYTES, 'file too large');
const fileName = z.string().min(1).max(1024);

const caseTarget = z.object({ caseId: id }).strict();
const blobRef = z.object({ sha256 }).strict();

export const requestSchemas = {
  'vault:importFiles': caseTarget,
  'vault:importFolder': caseTarget,
  'vault:importDropped': z
    .object({
      caseId: id,
      files: z
        .array(z.object({ name: fileName, lastModified: z.number().finite().nonnegative(), bytes }).strict())
        .min(1)
        .max(MAX_FILES_PER_DROP),
    })
    .strict(),
  'vault:importClipboardImage': z
    .object({ caseId: id, bytes, mime: z.string().max(100).regex(/^image\/[a-z0-9.+-]+$/) })
    .strict(),
  'vault:readThumbnail': blobRef,
  'vault:readDisplay': blobRef,
  'vault:openEvidence': z.object({ sha256, originalName: fileName }).strict(),
  'vault:reconcile': z.object({ knownSha256: z.array(sha256).max(1_000_000) }).strict(),
  'vault:info': z.object({}).strict(),
  ...remindersSchemas,
  ...ocrSchemas,
  ...fieldsSchemas,
  ...captureSchemas,
  ...bundleSchemas,
  ...integritySchemas,
  ...intentSchemas,
  ...backupSchemas,
  ...portableSchemas,
  ...cardShopSchemas,
  ...holidaysSchemas,
  ...videoSchemas,
} satisfies { [C in Channel]: z.ZodType<RequestOf<C>> };

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(requestSchemas, name);
}
