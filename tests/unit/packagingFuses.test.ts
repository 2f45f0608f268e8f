// Electron fuses cannot be checked on a built binary here (no Electron binary, no installers), so the
// configuration electron-builder applies is checked through its own loader and schema.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const quiet = { isEnabled: false, add: () => undefined };

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
});

describe('electron fuses', () => {
  it('turn off every way to run the packaged app as plain Node, and lock it to its checked asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // The fuses only hold with the app inside an asar archive.
    expect(config.asar).not.toBe(false);
  });

  it("pass electron-builder's schema, which refuses a misspelt fuse", async () => {
    await expect(validateConfiguration(config, quiet as never)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, electronFuses: { runAsNod: false } } as Configuration, quiet as never)).rejects.toThrow(/electronFuses/);
  });
});
