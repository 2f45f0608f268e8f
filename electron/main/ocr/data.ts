// Where the OCR language data comes from. tesseract.js fetches from a CDN whenever `langPath` is
// unset or a URL, so this module always hands it a local folder holding every language, and the
// app never goes near the network (the rule: it never downloads anything).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, rename, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../projectRoot';

export const OCR_LANGS = ['chi_sim', 'eng'] as const;
export type OcrLang = (typeof OCR_LANGS)[number];
/** The @tesseract.js-data build in use; the integer "best" build read ¥ and grey text worse on the corpus. */
export const OCR_DATA_VARIANT = '4.0.0';

export type OcrDataSource = 'resources' | 'repo' | 'package' | 'explicit';

export interface OcrDataLocation {
  /** A folder holding `<lang>.traineddata.gz` for every language: tesseract.js's `langPath`. */
  langPath: string;
  source: OcrDataSource;
  /** Changes whenever the data files change, so caches built from them can be told apart. */
  fingerprint: string;
}

export class OcrDataError extends Error {
  override name = 'OcrDataError';
}

const fileOf = (dir: string, lang: OcrLang): string => path.join(dir, `${lang}.traineddata.gz`);
const hasAll = (dir: string): boolean => OCR_LANGS.every((lang) => existsSync(fileOf(dir, lang)));

/** Folders that ship both languages side by side, in order of preference. */
export function bundledDataDirs(): Array<{ dir: string; source: OcrDataSource }> {
  const out: Array<{ dir: string; source: OcrDataSource }> = [];
  // Only defined inside Electron; a packaged app keeps its data outside the asar archive.
  const resources: unknown = Reflect.get(process, 'resourcesPath');
  if (typeof resources === 'string' && resources !== '') out.push({ dir: path.join(resources, 'ocr'), source: 'resources' });
  const root = projectRoot();
  if (root !== null) out.push({ dir: path.join(root, 'resources', 'ocr'), source: 'repo' });
  return out;
}

/** `node_modules/@tesseract.js-data/<lang>/<variant>/<lang>.traineddata.gz`, resolved like an import. */
export function packageDataFile(lang: OcrLang): string | null {
  try {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve(`@tesseract.js-data/${lang}/package.json`);
    const file = path.join(path.dirname(pkg), OCR_DATA_VARIANT, `${lang}.traineddata.gz`);
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

async function fingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const lang of OCR_LANGS) {
    const s = await stat(fileOf(dir, lang));
    hash.update(`${lang}:${s.size}:${Math.trunc(s.mtimeMs)};`);
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * The npm packages keep each language in its own folder, but tesseract.js wants one `langPath`,
 * so they are gathered (hard links where the file system allows, copies otherwise) under the
 * cache folder. Done once per data version; a half-finished copy is never used.
 */
async function gatherPackageData(cacheDir: string): Promise<string> {
  const files = OCR_LANGS.map((lang) => ({ lang, file: packageDataFile(lang) }));
  const missing = files.filter((f) => f.file === null).map((f) => f.lang);
  if (missing.length > 0) {
    throw new OcrDataError(`OCR language data not found (${missing.join(', ')}): run "npm install" to restore the @tesseract.js-data packages.`);
  }
  const hash = createHash('sha256');
  for (const { file } of files) {
    const s = await stat(file ?? '');
    hash.update(`${file}:${s.size}:${Math.trunc(s.mtimeMs)};`);
  }
  const dir = path.join(cacheDir, `lang-${OCR_DATA_VARIANT}-${hash.digest('hex').slice(0, 12)}`);
  if (hasAll(dir)) return dir;
  await mkdir(dir, { recursive: true });
  for (const { lang, file } of files) {
    if (file === null) continue;
    const target = fileOf(dir, lang);
    const partial = `${target}.${process.pid}.partial`;
    await link(file, partial).catch(() => copyFile(file, partial));
    await rename(partial, target);
  }
  return dir;
}

/**
 * tesseract.js's worker script. A worker thread cannot start a script inside app.asar, so a packaged
 * build ships tesseract.js unpacked beside it (electron-builder.yml asarUnpack) and starts it there.
 */
export function workerScript(resolve: (id: string) => string = createRequire(import.meta.url).resolve): string {
  return resolve('tesseract.js/src/worker-script/node/index.js').replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked');
}

/** Per user, so another account's folder in a shared /tmp never blocks this one. The app passes its own. */
export function defaultOcrCacheDir(): string {
  const uid = typeof process.getuid === 'function' ? String(process.getuid()) : 'user';
  return path.join(os.tmpdir(), `liuzheng-ocr-${uid}`);
}

/** Packaged resources, then the repository's resources/ocr, then the npm packages. */
export async function resolveOcrData(opts: { dataDir?: string; cacheDir?: string } = {}): Promise<OcrDataLocation> {
  if (opts.dataDir !== undefined) {
    if (!hasAll(opts.dataDir)) throw new OcrDataError(`OCR language data not found in ${opts.dataDir} (need ${OCR_LANGS.join(', ')}).`);
    return { langPath: opts.dataDir, source: 'explicit', fingerprint: await fingerprint(opts.dataDir) };
  }
  for (const { dir, source } of bundledDataDirs()) {
    if (hasAll(dir)) return { langPath: dir, source, fingerprint: await fingerprint(dir) };
  }
  const dir = await gatherPackageData(opts.cacheDir ?? defaultOcrCacheDir());
  return { langPath: dir, source: 'package', fingerprint: await fingerprint(dir) };
}
