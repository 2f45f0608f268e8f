import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileKeyBox } from '../../../electron/main/secrets/box';
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../../electron/main/bundle';
import type { BundleService, ExportOptions, FolderOptions } from '../../../electron/main/bundle';
import { bundleIpcError, createBundleHandlers, freshPath } from '../../../electron/main/bundle/handlers';
import { bundleSchemas } from '../../../shared/bundle/contract';
import { inputOf } from '../../fixtures/bundle';
import type { RedactionSource } from '../../../electron/main/bundle/redactions';

/** No OCR results stored: redaction adds only what the buyer drew. */
const noOcr: RedactionSource = { targets: async (sha256) => ({ sha256, ocrDone: false, targets: [] }) };

const summary = { files: ['x.pdf'], pages: 3, exhibits: 1, parts: [], warnings: [] };

function fakeService(calls: string[]): BundleService {
  return {
    preflight: async () => ({ errors: [], checklist: { entries: [], complete: true }, lint: [], oversize: [], parts: [], warnings: [] }),
    exportBundle: async (_input, o: ExportOptions) => {
      calls.push(`pdf ${o.outFile} ${o.maxBytes}`);
      return summary;
    },
    exportFolder: async (_input, o: FolderOptions) => {
      calls.push(`folder ${o.outDir}`);
      return { ...summary, dir: o.outDir, originals: [], manifest: '', caseJson: '' };
    },
  };
}

// The inputs here have no card-shop record, so the box is never opened and never makes its key file.
const unusedBox = fileKeyBox(path.join(os.tmpdir(), 'liuzheng-handlers-unused-key'));

describe('bundle IPC handlers', () => {
  it('asks for a place to save, and returns null when the buyer cancels', async () => {
    const calls: string[] = [];
    const asked: string[] = [];
    const handlers = createBundleHandlers(fakeService(calls), {
      chooseSavePath: async (name) => {
        asked.push(name);
        return asked.length === 1 ? null : '/tmp/out.pdf';
      },
      chooseFolder: async () => null,
    }, noOcr, unusedBox);
    const req = { input: inputOf(), maxBytes: 5_000_000, redact: false, format: 'pdf' as const };
    expect(await handlers['bundle:export'](req)).toBeNull();
    expect(await handlers['bundle:export'](req)).toEqual(summary);
    expect(asked).toEqual(['XX游戏点卡卡密无效-证据材料.pdf', 'XX游戏点卡卡密无效-证据材料.pdf']);
    expect(calls).toEqual(['pdf /tmp/out.pdf 5000000']);
    expect(await handlers['bundle:export']({ ...req, format: 'folder' })).toBeNull();
  });

  it('puts a folder export in a fresh folder under the chosen one', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-handlers-'));
    try {
      await mkdir(path.join(parent, 'XX游戏点卡卡密无效-证据材料'));
      const calls: string[] = [];
      const handlers = createBundleHandlers(fakeService(calls), { chooseSavePath: async () => null, chooseFolder: async () => parent }, noOcr, unusedBox);
      const result = await handlers['bundle:export']({ input: inputOf(), maxBytes: null, redact: true, format: 'folder' });
      expect(result).toEqual(summary);
      expect(calls).toEqual([`folder ${path.join(parent, 'XX游戏点卡卡密无效-证据材料 (2)')}`]);
      expect(freshPath(path.join(parent, 'new'))).toBe(path.join(parent, 'new'));
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('validates requests with the contract schemas', () => {
    const ok = { input: inputOf(), maxBytes: 5_000_000, redact: false, format: 'pdf' };
    expect(bundleSchemas['bundle:export'].safeParse(ok).success).toBe(true);
    expect(bundleSchemas['bundle:export'].safeParse({ ...ok, maxBytes: 10 }).success).toBe(false);
    expect(bundleSchemas['bundle:export'].safeParse({ ...ok, format: 'zip' }).success).toBe(false);
    expect(bundleSchemas['bundle:preflight'].safeParse({ input: inputOf(), maxBytes: null, redact: true }).success).toBe(true);
  });

  it.each([
    ['missing-original', 'not-found'],
    ['hash-mismatch', 'corrupt-file'],
    ['oversize', 'invalid-request'],
    ['write-failed', 'io'],
  ] as const)('reports a %s BundleError as %s', (code, ipc) => {
    expect(bundleIpcError(new BundleError(code, 'm'))).toEqual({ code: ipc, message: 'm' });
    expect(bundleIpcError(new Error('other'))).toBeNull();
  });
});
