// The archive's own bookkeeping files: format.json comes first (what wrote it), manifest.json last
// (every other entry's size and SHA-256), so both writing and checking stay single-pass streams.
import { z } from 'zod';

export const FORMAT_NAME = 'liuzheng-backup';
export const FORMAT_VERSION = 1;
/** format.json is a few hundred bytes; anything much larger is not ours. */
export const MAX_FORMAT_BYTES = 64 * 1024;

export const formatSchema = z.looseObject({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  appVersion: z.string().max(100),
  /** The audit log's head when the backup was made: the restored log must still reach it. */
  auditHead: z.object({ seq: z.number().int().nonnegative(), hash: z.string().regex(/^[0-9a-f]{64}$/) }).nullable().optional(),
});

export type FormatInfo = z.infer<typeof formatSchema>;

const manifestFile = z.object({
  path: z.string().max(400),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const manifestSchema = z.object({
  formatVersion: z.literal(FORMAT_VERSION),
  files: z.array(manifestFile).max(10_000_000),
});

export type ManifestFile = z.infer<typeof manifestFile>;
