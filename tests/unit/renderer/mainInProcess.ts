// Main's real vault and integrity services (and, when given, the reminder service) for one vault
// folder, in this process, behind a window.liuzheng typed against the contract: what the renderer's
// store talks to in the slice tests and, after a "restart", in the intent fault tests.
import path from 'node:path';
import type { Handlers } from '../../../shared/ipc/contract';
import { createVaultHandlers } from '../../../electron/main/handlers';
import { createIntegrity } from '../../../electron/main/integrity';
import { createVaultService, type VaultService } from '../../../electron/main/vault';
import { fakeApi, type FakeApi } from './fakeApi';

export interface MainInProcess extends FakeApi {
  vault: VaultService;
}

/** Main's clock in these tests: the instant the store's testClock starts at (2026-11-01T10:00 Shanghai). */
export const MAIN_CLOCK = (): number => Date.parse('2026-11-01T02:00:00Z');

/** `extra` adds other features' handlers, built over the same vault service (one vault lock). */
export function startMain(vaultDir: string, extra: (vault: VaultService) => Partial<Handlers> = () => ({}), clock: () => number = MAIN_CLOCK): MainInProcess {
  const now = () => new Date(clock());
  const vault = createVaultService({ vaultDir, tempDir: path.join(vaultDir, '..', 'open'), now });
  const none = async (): Promise<null> => null;
  const integrity = createIntegrity({ vaultDir, now, exclusive: (w) => vault.exclusive(w), onCheckProgress: () => undefined, ports: { pickBundlePdf: none, pickBundleFolder: none } });
  const ports = { pickFiles: async () => [], pickFolder: none, openPath: async () => undefined, confirmOpen: async () => false };
  return { vault, ...fakeApi({ ...createVaultHandlers(vault, ports, clock), ...integrity.handlers, ...extra(vault) }) };
}
