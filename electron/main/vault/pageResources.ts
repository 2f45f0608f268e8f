// The `_files` folder of an HTML save, stored with its page: each file under its own SHA-256 in
// pages/<page sha>/, and a manifest naming them by their path inside the folder. The page itself is
// the evidence item (its blob and hash); these are what it needs to look as it did.
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic';
import { hasErrorCode } from '../fs/errors';
import { RESOURCE_LIMITS } from '../../../shared/webpage/savedFolder';
import type { VaultLayout } from './layout';
import type { Staged } from './store';
import { exists, stageFromBytes, stageFromPath } from './store';

export type ResourceSource = { path: string } | { bytes: Uint8Array };

export interface ResourceInput {
  /** Path inside the folder ("img/logo.png"). */
  name: string;
  source: ResourceSource;
}

export interface StagedResource {
  name: string;
  staged: Staged;
}

const manifestSchema = z
  .object({
    version: z.literal(1),
    folder: z.string().max(500),
    files: z.array(z.object({ name: z.string().max(2000), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() }).strict()).max(RESOURCE_LIMITS.files),
  })
  .strict();
export type PageManifest = z.infer<typeof manifestSchema>;

/** Hashes each resource into tmp/, up to the bounds; an unreadable one is skipped (the page still renders). */
export async function stageResources(layout: VaultLayout, inputs: readonly ResourceInput[]): Promise<StagedResource[]> {
  const out: StagedResource[] = [];
  let bytes = 0;
  for (const r of inputs.slice(0, RESOURCE_LIMITS.files)) {
    try {
      const staged = 'path' in r.source ? await stageFromPath(layout, r.source.path) : await stageFromBytes(layout, r.source.bytes);
      if (bytes + staged.size > RESOURCE_LIMITS.bytes) {
        await rm(staged.tmpPath, { force: true });
        break;
      }
      bytes += staged.size;
      out.push({ name: r.name, staged });
    } catch (err) {
      if (hasErrorCode(err, 'ENOSPC', 'EDQUOT')) throw err;
    }
  }
  return out;
}

/** Moves staged resources under pages/<sha>/ and writes the manifest last, so a manifest names only files that are there. */
export async function storeResources(layout: VaultLayout, pageSha: string, folder: string, resources: readonly StagedResource[]): Promise<void> {
  if (resources.length === 0) return;
  await mkdir(layout.pageDir(pageSha), { recursive: true });
  for (const r of resources) {
    const dest = layout.pageResource(pageSha, r.staged.sha256);
    if (await exists(dest)) await rm(r.staged.tmpPath, { force: true });
    else await rename(r.staged.tmpPath, dest);
  }
  const manifest: PageManifest = { version: 1, folder, files: resources.map((r) => ({ name: r.name, sha256: r.staged.sha256, size: r.staged.size })) };
  await writeFileAtomic(path.join(layout.pageDir(pageSha), 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { tmpPath: layout.tmp('.json') });
}

/** The stored folder of a page, for rendering it again; null when it has none (or a damaged manifest). */
export async function readResources(layout: VaultLayout, pageSha: string): Promise<{ folder: string; files: { name: string; file: string }[] } | null> {
  let raw: string;
  try {
    raw = await readFile(path.join(layout.pageDir(pageSha), 'manifest.json'), 'utf8');
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) return null;
  return { folder: parsed.data.folder, files: parsed.data.files.map((f) => ({ name: f.name, file: layout.pageResource(pageSha, f.sha256) })) };
}
