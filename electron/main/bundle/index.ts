// The bundle service: plain Node (no electron import) so the app, the CLI, the bench and the tests share
// it. It reads originals from the vault by sha256, never writes to the vault, and writes its output
// only where it is told to.
import os from 'node:os';
import path from 'node:path';
import { evidenceChecklist } from '../../../shared/bundle/checklist';
import { blockingErrors } from '../../../shared/bundle/complaint';
import { bundleInputSchema } from '../../../shared/bundle/contract';
import type { BundleExportSummary, BundlePreflight } from '../../../shared/bundle/contract';
import { issueTypeOf } from '../../../shared/bundle/labels';
import { lintReason } from '../../../shared/bundle/lint';
import { partFileNames } from '../../../shared/bundle/plan';
import { writeReason } from '../../../shared/bundle/reason';
import type { BundleInput } from '../../../shared/bundle/types';
import { fromShanghaiLocal, toShanghaiLocal } from '../../../shared/time/shanghai';
import { vaultLayout } from '../vault/layout';
import type { PreparedExhibit } from './assets';
import { ENCODE_LEVELS, prepareExhibit, readOriginal } from './assets';
import type { RenderInput } from './document';
import { renderParts } from './document';
import { BundleError } from './errors';
import { assertEmptyDir, safeName, writeCaseJson, writeManifest, writeOriginals } from './folder';
import { createFontSource, resolveFontFiles } from './fonts';
import type { FontSubset } from './fonts';
import { publishFiles, publishFolder } from './publish';
import { oversizeError, planParts, renderWithinLimit } from './split';
import type { SplitContext } from './split';
import { STATIC_TEXT } from './static-text';
import { PAGE_LABELS, type PagePrinter } from './pageExhibit';
import { videoText } from './videoSheet';
import type { RedactionNote } from './tables';
import { createVaultKeys, plainSealer } from '../signing/keys';
import { vaultSeal, type ExportSeal } from '../signing/pdfSign';

export { BundleError } from './errors';
export type { BundleErrorCode } from './errors';

export interface BundleServiceOptions {
  vaultDir: string;
  /** A folder with SourceHanSansSC-{Regular,Bold}.otf; resources/fonts or the npm package otherwise. */
  fontDir?: string;
  now?: () => Date;
  /**
   * Exhibits encoded at once. Twice the cores measured fastest: decoding a photo's JPEG is mostly
   * single-threaded, so two lanes per core keep libvips busy while the others hash or wait on disk.
   */
  concurrency?: number;
  /**
   * The vault's signing seal. Default: the vault's key file with no OS keystore (the CLI, tests),
   * made on first use; the app passes one sealed by safeStorage (composition.ts).
   */
  seal?: () => Promise<ExportSeal>;
  /** The audit log's head, recorded in every part's manifest. */
  auditHead?: () => Promise<{ seq: number; hash: string } | null>;
  /** Prints saved web pages with Chromium (the app); without it their text is laid out (the CLI). */
  printPage?: PagePrinter;
}

export interface ExportOptions {
  outFile: string;
  /** Bytes per PDF; null for no limit. */
  maxBytes: number | null;
  /** Burn each exhibit's `redactions` into its pixels. */
  redact?: boolean;
}

export interface FolderOptions {
  /** Created if missing; must be empty. */
  outDir: string;
  maxBytes: number | null;
  redact?: boolean;
  /** Defaults to "<case title>-证据材料.pdf". */
  pdfName?: string;
}

export type ExportResult = BundleExportSummary;

export interface FolderResult extends ExportResult {
  dir: string;
  /** Byte-identical copies of the originals, in exhibit order. */
  originals: string[];
  manifest: string;
  /** The portable case file naming the copies: the folder can be imported back or rebuilt by the CLI. */
  caseJson: string;
}

export interface BundleService {
  preflight(input: BundleInput, opts: { maxBytes: number | null; redact?: boolean }): Promise<BundlePreflight>;
  exportBundle(input: BundleInput, opts: ExportOptions): Promise<ExportResult>;
  exportFolder(input: BundleInput, opts: FolderOptions): Promise<FolderResult>;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  // One iterator shared by every lane: each takes the next item when it is free.
  const queue = items.entries();
  const lane = async () => {
    for (const [i, item] of queue) out[i] = await work(item, i);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return out;
}

/** Every string the PDF may print, so the font subset covers it in one pass. */
function collectText(input: BundleInput, statement: string, prepared: readonly PreparedExhibit[]): string {
  const parts: string[] = [STATIC_TEXT, statement, JSON.stringify(input)];
  for (const x of prepared) {
    if (x.asset.type === 'text') parts.push(x.asset.text);
    if (x.asset.type === 'page') parts.push(PAGE_LABELS, x.asset.text, x.asset.note ?? '', JSON.stringify(x.asset.clauses), JSON.stringify(x.asset.provenance), JSON.stringify(x.asset.capture));
    if (x.asset.type === 'transcript' && x.evidence.messages === null) parts.push(JSON.stringify(x.asset.messages));
    if (x.asset.type === 'video') parts.push(videoText(x.asset));
  }
  // JSON.stringify keeps non-ASCII text as it is; the quotes and braces it adds cost nothing.
  return parts.join('');
}

interface Built {
  files: string[];
  bytes: Uint8Array[];
  pages: number[];
  parts: number[][];
  prepared: PreparedExhibit[];
  warnings: string[];
  exportedAt: string;
  /** The fingerprint of the certificate every part is signed with. */
  fingerprint: string;
}

export function createBundleService(opts: BundleServiceOptions): BundleService {
  const layout = vaultLayout(opts.vaultDir);
  const now = opts.now ?? (() => new Date());
  const concurrency = opts.concurrency ?? Math.max(2, Math.min(8, os.availableParallelism() * 2));
  let fonts: ReturnType<typeof createFontSource> | null = null;
  const seal = opts.seal ?? (() => vaultSeal(createVaultKeys({ vaultDir: opts.vaultDir, sealer: plainSealer, now })));
  const fontSource = () => (fonts ??= createFontSource(resolveFontFiles(opts.fontDir)));

  const parse = (input: BundleInput): BundleInput => {
    const parsed = bundleInputSchema.safeParse(input);
    if (!parsed.success) throw new BundleError('invalid-input', `Invalid bundle input: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return parsed.data;
  };

  const statementOf = (input: BundleInput, warnings: string[]): string => {
    if (input.case.statement.trim() !== '') return input.case.statement;
    warnings.push('“事实与理由”为空，已根据案件信息自动起草，请核对。');
    return writeReason(input.case, input.evidence, { prompts: false }).text;
  };

  const prepareAll = (input: BundleInput, redact: boolean) =>
    mapLimit(input.evidence, concurrency, (e, i) => prepareExhibit(layout, e, i + 1, { redact, level: 0, ...(opts.printPage ? { printPage: opts.printPage } : {}) }));

  async function setup(input: BundleInput, redact: boolean, warnings: string[]) {
    const exportedAt = input.exportedAt ?? toShanghaiLocal(now());
    const statement = statementOf(input, warnings);
    // Subsetting runs while the images encode; only a text file with characters of its own needs a second pass.
    const early = fontSource().subset(collectText(input, statement, []));
    // Awaited below; this only keeps a font failure from becoming an unhandled rejection if encoding fails first.
    early.catch(() => undefined);
    const [prepared, sealed, auditHead] = await Promise.all([prepareAll(input, redact), seal(), opts.auditHead?.() ?? Promise.resolve(null)]);
    const text = collectText(input, statement, prepared);
    let subset: FontSubset = await early;
    if ([...text].some((c) => c >= ' ' && !subset.requested.has(c))) subset = await fontSource().subset(text);
    const base = { input, statement, exportedAt, fingerprint: sealed.fingerprint, auditHead };
    /** Characters the font has no glyph for, drawn as □ in the last render. */
    const unsupported = new Set<string>();
    const ctx: SplitContext & { fileNames: (n: number) => string[] } = {
      prepared,
      fileNames: (n) => Array.from({ length: n }, (_, i) => `part-${i + 1}.pdf`),
      async render(parts) {
        const redacted = new Map<number, RedactionNote>();
        for (const x of prepared) if (x.asset.type === 'image' && x.asset.redacted) redacted.set(x.no, { sha256: x.asset.redacted.sha256, bytes: x.asset.redacted.bytes.length });
        const r: RenderInput = { ...base, prepared, fonts: subset };
        const names = ctx.fileNames(parts.length);
        let result = await renderParts(r, parts, names, redacted);
        const unasked = [...result.missing].filter((c) => !subset.requested.has(c));
        if (unasked.length > 0) {
          // A character no collection foresaw: subset again with it and draw once more.
          subset = await fontSource().subset(collectText(input, statement, prepared) + unasked.join(''));
          result = await renderParts({ ...r, fonts: subset }, parts, names, redacted);
        }
        unsupported.clear();
        for (const c of result.missing) unsupported.add(c);
        return result;
      },
      async reprepare(index, level) {
        const x = prepared[index];
        if (!x || level >= ENCODE_LEVELS.length) return null;
        if (x.asset.type === 'video') return prepareExhibit(layout, x.evidence, x.no, { redact: false, level });
        if (x.asset.type !== 'image') return null;
        const original = await readOriginal(layout, x.evidence, x.no);
        return prepareExhibit(layout, x.evidence, x.no, { redact: x.asset.redacted !== null, level }, original);
      },
    };
    return { ctx, exportedAt, unsupported, sealed };
  }

  function warningsFor(input: BundleInput, prepared: readonly PreparedExhibit[], warnings: string[], unsupported: ReadonlySet<string>): void {
    if (unsupported.size > 0) warnings.push(`字体中没有这些字符，PDF 中显示为 □：${[...unsupported].slice(0, 20).join(' ')}`);
    const checklist = evidenceChecklist(issueTypeOf(input.case.issue), input.evidence);
    for (const entry of checklist.entries) if (!entry.need.optional && entry.missing > 0) warnings.push(`建议补充证据：${entry.need.label}`);
    for (const x of prepared) {
      if (x.asset.type === 'listed') warnings.push(`证据${x.no}（${x.evidence.title}）无法嵌入 PDF，需另行提交原文件。`);
      if (x.asset.type === 'pdf' && x.asset.unembeddable.length > 0) {
        warnings.push(`证据${x.no}（${x.evidence.title}）的第 ${x.asset.unembeddable.map((k) => k + 1).join('、')} 页无法嵌入 PDF，已注明，需另行提交原文件。`);
      }
      if (x.asset.type === 'video') warnings.push(`证据${x.no}（${x.evidence.title}）无法嵌入 PDF，需另行提交原文件。`);
      if (x.asset.type === 'video' && x.asset.note !== null) warnings.push(`证据${x.no}（${x.evidence.title}）未能提取视频画面：${x.asset.note}`);
      if ((x.asset.type === 'image' || x.asset.type === 'video') && x.asset.level > 0) warnings.push(`证据${x.no}（${x.evidence.title}）为符合大小限制已降低清晰度。`);
    }
  }

  async function build(raw: BundleInput, outFile: string, maxBytes: number | null, redact: boolean): Promise<Built> {
    const input = parse(raw);
    const errors = blockingErrors(input, input.target, input.exportedAt ?? toShanghaiLocal(now()));
    if (errors.length > 0) throw new BundleError('missing-fields', `缺少投诉必填项：${errors.map((e) => e.message).join('；')}`, { fields: errors });
    const warnings: string[] = [];
    const { ctx, exportedAt, unsupported, sealed } = await setup(input, redact, warnings);
    const plan = await planParts(ctx, maxBytes);
    if (plan.oversize.length > 0 && maxBytes !== null) throw oversizeError(plan.oversize, maxBytes);
    const base = path.basename(outFile);
    ctx.fileNames = (n) => partFileNames(base, n);
    const { result, parts } = await renderWithinLimit(ctx, plan.parts, maxBytes);
    warningsFor(input, ctx.prepared, warnings, unsupported);
    const files = partFileNames(outFile, parts.length);
    // The placeholder was in every render, so signing changes no part's size.
    const at = new Date(fromShanghaiLocal(exportedAt) ?? now().getTime());
    const signed = await Promise.all(result.parts.map((p) => sealed.sign(p.bytes, at)));
    return { files, bytes: signed, pages: result.parts.map((p) => p.pages), parts, prepared: ctx.prepared, warnings, exportedAt, fingerprint: sealed.fingerprint };
  }

  const summary = (built: Built, input: BundleInput): ExportResult => ({
    files: built.files,
    pages: built.pages.reduce((s, p) => s + p, 0),
    exhibits: input.evidence.length,
    parts: built.files.map((file, i) => ({ file, bytes: built.bytes[i]?.length ?? 0, pages: built.pages[i] ?? 0, exhibits: (built.parts[i] ?? []).map((x) => x + 1) })),
    warnings: built.warnings,
    fingerprint: built.fingerprint,
  });

  return {
    async preflight(raw, o) {
      const input = parse(raw);
      const warnings: string[] = [];
      const { ctx, unsupported } = await setup(input, o.redact ?? false, warnings);
      const plan = await planParts(ctx, o.maxBytes);
      warningsFor(input, ctx.prepared, warnings, unsupported);
      return {
        errors: blockingErrors(input, input.target, input.exportedAt ?? toShanghaiLocal(now())),
        checklist: evidenceChecklist(issueTypeOf(input.case.issue), input.evidence),
        lint: lintReason(input.case.statement, { orderNumber: input.case.orderNumber }),
        oversize: plan.oversize,
        parts: plan.parts.map((ex, i) => ({
          exhibits: ex.map((x) => x + 1),
          estimatedBytes: (i === 0 ? plan.overhead.first : plan.overhead.other) + ex.reduce((s, x) => s + (ctx.prepared[x]?.estimate ?? 0), 0),
        })),
        warnings,
      };
    },

    async exportBundle(input, o) {
      const built = await build(input, o.outFile, o.maxBytes, o.redact ?? false);
      await publishFiles(built.files, built.bytes);
      return summary(built, input);
    },

    async exportFolder(input, o) {
      await assertEmptyDir(o.outDir);
      const name = o.pdfName ?? `${safeName(input.case.title)}-证据材料.pdf`;
      const built = await publishFolder(o.outDir, async (dir) => {
        const b = await build(input, path.join(dir, name), o.maxBytes, o.redact ?? false);
        await publishFiles(b.files, b.bytes);
        const entries = await writeOriginals(dir, layout, input, b.prepared);
        await writeManifest(dir, input, b.exportedAt, b.files.map((f) => path.basename(f)), entries);
        await writeCaseJson(dir, input, entries);
        return { ...b, files: b.files.map((f) => path.join(o.outDir, path.basename(f))), entries };
      });
      const { entries } = built;
      return {
        ...summary(built, input),
        dir: o.outDir,
        originals: entries.map((e) => path.join(o.outDir, e.file)),
        manifest: path.join(o.outDir, 'manifest.json'),
        caseJson: path.join(o.outDir, 'case.json'),
      };
    },
  };
}
