// Issue 12: the buyer sets a screenshot's capture time. Through the composition root the app uses:
// the time is kept in the vault, the stored fields' relative stamps are reckoned again against it
// (approximate ones become exact), the change is in the audit log, and a bad time is refused.
import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type AppMain, type AppPorts } from '../../../electron/main/composition';
import { captureAnchor } from '../../../electron/main/fields/capture';
import { vaultLayout } from '../../../electron/main/vault/layout';
import { extractFields } from '../../../shared/extract';
import { FIELDS_VERSION, type EvidenceFields } from '../../../shared/fields/contract';
import { vaultEntryRule } from '../../../shared/backup/archivePath';
import { NOW, makeTestVault, pngBytes, type TestVault } from '../main/fixtures';

let v: TestVault;
let main: AppMain;
const none = async () => null;
const ports: AppPorts = {
  desktop: { pickFiles: async () => [], pickFolder: none, openPath: async () => undefined, confirmOpen: async () => false },
  bundle: { chooseSavePath: none, chooseFolder: none },
  portable: { chooseExportParent: none, chooseCaseFolder: none },
  integrity: { pickBundlePdf: none, pickBundleFolder: none },
  backup: { chooseArchivePath: none, chooseArchive: none, chooseDumpPath: none, relaunch: () => undefined },
  reminders: { chooseIcsPath: none, applyLaunchAtLogin: () => undefined },
  reminderHost: { setTimer: () => null, clearTimer: () => undefined, notify: () => undefined },
};

// NOW is 2026-11-22 10:00 in Shanghai; the paste's capture time (weak) is that moment.
const CHAT = ['12:03 5G 86%', '< 店铺客服', '昨天 16:33', '亲，请提供一下订单号', '09:12', '付款时间 2026-11-15 20:31:15'].join('\n');

beforeEach(async () => {
  v = await makeTestVault();
  main = createHandlers({ vaultDir: v.vaultDir, dataDir: v.root, tempDir: v.openDir, clock: () => NOW.getTime(), ports, emit: () => undefined, appVersion: '0.0.0-test' });
});
afterEach(async () => {
  await main.dispose();
  await v.cleanup();
});

/** A pasted screenshot with fields stored as main stores them after OCR (read from CHAT against the paste time). */
async function pastedChat(): Promise<string> {
  const batch = await main.handlers['vault:importClipboardImage']({ caseId: 'case-1', bytes: await pngBytes(), mime: 'image/png' });
  const blob = batch.items[0]?.blob;
  if (!blob) throw new Error('import failed');
  expect(blob).toMatchObject({ capturedAt: '2026-11-22T10:00:00', captureSource: 'clipboard' });
  const extraction = extractFields({ text: CHAT }, { capturedAt: blob.capturedAt, anchorTrusted: false, hints: { kind: 'chat' } });
  const stored: EvidenceFields = { version: FIELDS_VERSION, sha256: blob.sha256, source: 'ocr', capturedAt: blob.capturedAt, captureSource: blob.captureSource, ocrAt: NOW.toISOString(), createdAt: NOW.toISOString(), engine: 'paddle', extraction };
  await writeFile(vaultLayout(v.vaultDir).fields(blob.sha256), JSON.stringify(stored));
  return blob.sha256;
}

describe('fields:setCaptureTime', () => {
  it('re-resolves relative stamps against the buyer’s time and logs the change', async () => {
    const sha = await pastedChat();
    const before = await main.handlers['fields:read']({ sha256: sha });
    expect(before?.extraction.timestamps.map((f) => f.value)).toEqual(['2026-11-15T20:31:15']);
    expect(before?.extraction.approxTimestamps?.map((f) => f.value)).toEqual(['2026-11-21T16:33', '2026-11-22T09:12']);

    const reply = await main.handlers['fields:setCaptureTime']({ sha256: sha, capturedAt: '2026-11-17T12:03', caseId: 'case-1', evidenceId: 'ev-1' });
    expect(reply).toMatchObject({ capturedAt: '2026-11-17T12:03:00', captureSource: 'user', previous: { capturedAt: '2026-11-22T10:00:00', captureSource: 'clipboard' } });
    expect(reply.fields?.extraction.timestamps.map((f) => [f.value, f.basis])).toEqual([
      ['2026-11-16T16:33', 'inferred'],
      ['2026-11-17T09:12', 'inferred'],
      ['2026-11-15T20:31:15', 'shown'],
    ]);
    expect(reply.fields?.extraction.approxTimestamps).toEqual([]);
    expect(reply.fields).toMatchObject({ capturedAt: '2026-11-17T12:03:00', captureSource: 'user' });
    // Stored: what the app reads next time is the re-resolved reading.
    expect(await main.handlers['fields:read']({ sha256: sha })).toEqual(reply.fields);
    // Kept in the vault for later OCR passes, in a file the backup carries.
    expect(await captureAnchor(vaultLayout(v.vaultDir), sha)).toEqual({ capturedAt: '2026-11-17T12:03:00', captureSource: 'user' });
    expect(vaultEntryRule(`ocr/${sha}.capture.json`)).toBe('keep');

    const history = await main.handlers['audit:history']({ caseId: 'case-1' });
    const edit = history.entries.find((e) => e.action === 'edit');
    expect(edit).toMatchObject({ evidenceId: 'ev-1', sha256: sha, detail: '截图时间：2026-11-22 10:00:00（粘贴时间）→ 2026-11-17 12:03:00（用户核对设定）', at: NOW.toISOString() });
    expect(history.intact).toBe(true);
  });

  it('flags a stamp the buyer’s time cannot explain instead of moving it', async () => {
    const sha = await pastedChat();
    const reply = await main.handlers['fields:setCaptureTime']({ sha256: sha, capturedAt: '2026-11-17T08:00:00', caseId: 'case-1', evidenceId: 'ev-1' });
    expect(reply.fields?.extraction.captureSuspect).toBe(true);
    expect(reply.fields?.extraction.approxTimestamps?.map((f) => [f.value, f.afterCapture])).toEqual([['2026-11-17T09:12', true]]);
  });

  it.each([
    ['a time after now', '2026-11-22T10:01:00', /later than now/],
    ['no such day', '2026-02-30T10:00:00', /not a valid local date/],
  ])('refuses %s and changes nothing', async (_name, capturedAt, message) => {
    const sha = await pastedChat();
    await expect(main.handlers['fields:setCaptureTime']({ sha256: sha, capturedAt, caseId: 'case-1', evidenceId: 'ev-1' })).rejects.toThrow(message);
    await expect(readFile(vaultLayout(v.vaultDir).capture(sha))).rejects.toThrow();
    expect((await main.handlers['audit:history']({ caseId: 'case-1' })).entries.map((e) => e.action)).toEqual(['import']);
  });

  it('keeps the time for an original whose OCR has not finished', async () => {
    const batch = await main.handlers['vault:importClipboardImage']({ caseId: 'case-1', bytes: await pngBytes(), mime: 'image/png' });
    const sha = batch.items[0]?.blob.sha256 ?? '';
    const reply = await main.handlers['fields:setCaptureTime']({ sha256: sha, capturedAt: '2026-11-20T08:00:00', caseId: 'case-1', evidenceId: 'ev-1' });
    expect(reply.fields).toBeNull();
    expect(await captureAnchor(vaultLayout(v.vaultDir), sha)).toEqual({ capturedAt: '2026-11-20T08:00:00', captureSource: 'user' });
  });
});
