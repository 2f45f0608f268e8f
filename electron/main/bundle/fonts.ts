// The CJK font for the bundle: Source Han Sans SC (OFL-1.1), subset with HarfBuzz to exactly the text
// of the document and embedded whole. pdf-lib's own subsetter breaks this CFF-based font (poppler draws
// empty boxes), and embedding the full font adds 14 MB per weight (tech notes).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import subsetFont from 'subset-font';
import { BundleError } from './errors';
import { projectRoot } from '../projectRoot';

export const FONT_FILES = { regular: 'SourceHanSansSC-Regular.otf', bold: 'SourceHanSansSC-Bold.otf' } as const;
export const FONT_PACKAGE = 'node-source-han-sans-sc';

export interface FontFiles {
  regular: string;
  bold: string;
}

function packageDir(): string | null {
  try {
    return path.dirname(createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/package.json`));
  } catch {
    return null;
  }
}

/** Folders that may hold both weights, best first: explicit, packaged resources, the repo, the npm package. */
export function fontDirs(fontDir?: string): string[] {
  const dirs: string[] = [];
  if (fontDir !== undefined) dirs.push(fontDir);
  // Only defined inside Electron; a packaged app keeps its fonts outside the asar archive.
  const resources: unknown = Reflect.get(process, 'resourcesPath');
  if (typeof resources === 'string' && resources !== '') dirs.push(path.join(resources, 'fonts'));
  const root = projectRoot();
  if (root !== null) dirs.push(path.join(root, 'resources', 'fonts'));
  const pkg = packageDir();
  if (pkg !== null) dirs.push(pkg);
  return dirs;
}

export function resolveFontFiles(fontDir?: string): FontFiles {
  for (const dir of fontDirs(fontDir)) {
    const files = { regular: path.join(dir, FONT_FILES.regular), bold: path.join(dir, FONT_FILES.bold) };
    if (existsSync(files.regular) && existsSync(files.bold)) return files;
  }
  throw new BundleError('font-missing', `The bundle font (${FONT_FILES.regular}) was not found; run "node scripts/resources.mjs" or reinstall.`);
}

/** Printable ASCII and the punctuation the layout uses, so a stray symbol never needs a second pass. */
const ALWAYS = `${Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('')}，。、：；？！（）《》「」『』“”‘’—…·×¥￥–【】□`;

export interface FontSubset {
  regular: Uint8Array;
  bold: Uint8Array;
  /** The characters asked for; those the font has no glyph for (emoji, rare ideographs) are drawn as □. */
  requested: Set<string>;
}

export interface FontSource {
  subset(text: string): Promise<FontSubset>;
}

/**
 * Reads the full fonts once per service (17 MB each) and subsets them on demand. GSUB and GPOS are
 * dropped: fontkit applies their contextual digit forms to Latin runs and those glyphs lose their
 * ToUnicode entries (pdftotext then skips the digits of a hash); CJK text needs no shaping.
 */
export function createFontSource(files: FontFiles): FontSource {
  let full: Promise<[Buffer, Buffer]> | null = null;
  return {
    async subset(text) {
      full ??= Promise.all([readFile(files.regular), readFile(files.bold)]).catch((err: unknown) => {
        full = null;
        throw new BundleError('font-missing', `The bundle font cannot be read: ${err instanceof Error ? err.message : String(err)}`);
      });
      const [regular, bold] = await full;
      const chars = new Set([...ALWAYS, ...text].filter((c) => c >= ' '));
      const all = [...chars].join('');
      const opts = { targetFormat: 'sfnt' as const, dropTables: ['GSUB', 'GPOS'] };
      const [r, b] = await Promise.all([subsetFont(regular, all, opts), subsetFont(bold, all, opts)]);
      return { regular: r, bold: b, requested: chars };
    },
  };
}

export interface EmbeddedFonts {
  regular: PDFFont;
  bold: PDFFont;
}

export async function embedFonts(doc: PDFDocument, subset: FontSubset): Promise<EmbeddedFonts> {
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([doc.embedFont(subset.regular, { subset: false }), doc.embedFont(subset.bold, { subset: false })]);
  return { regular, bold };
}

/** The six capital letters PDF puts before a subset font's name (§9.6.4), derived from its name. */
function subsetTag(name: string, salt: string): string {
  let h = 2166136261;
  for (const c of name + salt) h = Math.imul(h ^ (c.codePointAt(0) ?? 0), 16777619) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) + i * 7919;
  }
  return tag;
}

/**
 * pdf-lib asks fontkit for `font.cff`, which fontkit names `'CFF '`, so a CFF font is declared as
 * TrueType (CIDFontType2 + FontFile2). Poppler warns and strict viewers may refuse it; this rewrites
 * the declaration as CIDFontType0 with an OpenType FontFile3. Call after doc.flush(), before save.
 */
export function declareCffFonts(doc: PDFDocument, fonts: readonly PDFFont[], salt = ''): void {
  for (const font of fonts) {
    const type0 = doc.context.lookup(font.ref);
    if (!(type0 instanceof PDFDict)) continue;
    const descendants = type0.lookup(PDFName.of('DescendantFonts'));
    const cid = descendants instanceof PDFArray ? descendants.lookup(0) : undefined;
    if (!(cid instanceof PDFDict)) continue;
    const descriptor = cid.lookup(PDFName.of('FontDescriptor'));
    if (!(descriptor instanceof PDFDict)) continue;
    const file = descriptor.get(PDFName.of('FontFile2'));
    if (!(file instanceof PDFRef)) continue;
    const stream = doc.context.lookup(file);
    if (!(stream instanceof PDFRawStream)) continue;
    cid.set(PDFName.of('Subtype'), PDFName.of('CIDFontType0'));
    descriptor.delete(PDFName.of('FontFile2'));
    descriptor.set(PDFName.of('FontFile3'), file);
    stream.dict.set(PDFName.of('Subtype'), PDFName.of('OpenType'));
    // pdf-lib names the font "SourceHanSansSC-Regular-1234"; a subset is named "ABCDEF+SourceHanSansSC-Regular".
    const base = font.name.replace(/-\d+$/, '');
    const name = PDFName.of(`${subsetTag(base, salt)}+${base}`);
    for (const dict of [type0, cid]) dict.set(PDFName.of('BaseFont'), name);
    descriptor.set(PDFName.of('FontName'), name);
  }
}
