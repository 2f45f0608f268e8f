// The composition root the app and the e2e harness share: one clock reaches every service (a pasted
// screenshot's name and capture time, the import's sidecar, the audit log), and each feature's own
// audit decoration is applied through it.
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type AppMain, type AppPorts } from '../../../electron/main/composition';
import { vaultLayout } from '../../../electron/main/vault/layout';
import type { EventChannel } from '../../../shared/ipc/contract';
import { NOW, makeTestVault, pngBytes, type TestVault } from './fixtures';

let v: TestVault;
let main: AppMain;
const emitted: EventChannel[] = [];

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

beforeEach(async () => {
  v = await makeTestVault();
  emitted.length = 0;
  main = createHandlers({
    vaultDir: v.vaultDir,
    dataDir: v.root,
    tempDir: v.openDir,
    clock: () => NOW.getTime(),
    ports,
    emit: (channel) => void emitted.push(channel),
    appVersion: '0.0.0-test',
  });
});
afterEach(async () => {
  await main.dispose();
  await v.cleanup();
});

describe('createHandlers', () => {
  it('names, dates and logs a pasted screenshot by the one injected clock', async () => {
    const batch = await main.handlers['vault:importClipboardImage']({ caseId: 'case-1', bytes: await pngBytes(), mime: 'image/png' });
    const blob = batch.items[0]?.blob;
    // 2026-11-22T02:00Z is 10:00 in Shanghai.
    expect(blob?.originalName).toBe('剪贴板截图_20261122_100000.png');
    expect(blob).toMatchObject({ capturedAt: '2026-11-22T10:00:00', captureSource: 'clipboard' });
    const sidecar = JSON.parse(await readFile(vaultLayout(v.vaultDir).meta(blob?.sha256 ?? ''), 'utf8')) as { importedAt: string };
    expect(sidecar.importedAt).toBe(NOW.toISOString());

    // The vault feature's own decoration wrote the import to the log, at the same instant.
    const history = await main.handlers['audit:history']({ caseId: 'case-1' });
    expect(history.entries.map((e) => [e.action, e.sha256, e.at])).toEqual([['import', blob?.sha256, NOW.toISOString()]]);
    expect(history.intact).toBe(true);
    expect(emitted).toContain('vault:importProgress');
  });

  it('logs nothing for a cancelled file dialog', async () => {
    const batch = await main.handlers['vault:importFiles']({ caseId: 'case-1' });
    expect(batch.cancelled).toBe(true);
    expect((await main.handlers['audit:history']({ caseId: 'case-1' })).totalEntries).toBe(0);
  });
});
