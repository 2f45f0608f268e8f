// `bundle <case.json> --out <file.pdf> [--max-mb N] [--target platform|12315]`: build the evidence
// bundle from a portable case file, as the app would (import into a vault, OCR the screenshots), and
// print one JSON line {"files", "pages", "exhibits"}. Bad input exits 2 with a sentence naming the
// file or field; nothing is ever printed as a stack trace.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { COMPLAINT_FIELD_LABELS } from '../../shared/bundle/complaint';
import { BUNDLE_TARGETS, DEFAULT_SIZE_LIMIT, MB } from '../../shared/bundle/types';
import type { BundleTarget } from '../../shared/bundle/types';
import { BundleError, createBundleService } from '../../electron/main/bundle';
import { CaseFileError, loadCaseFile } from '../../electron/main/bundle/caseFile';
import { bundleInputFromCase } from '../../electron/main/bundle/fromCase';
import { contractJson } from '../json';
import { BUNDLE_SUMMARY, BUNDLE_USAGE } from './usage';

// Same shape as the registry's CommandResult; kept local so this file stands alone.
interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const USAGE_EXIT = 2;

interface Args {
  caseFile: string;
  out: string;
  maxBytes: number | null;
  target?: BundleTarget;
  redact: boolean;
  folder?: string;
  ocr: boolean;
}

const fail = (message: string, exitCode = USAGE_EXIT): CommandResult => ({ stdout: '', stderr: `bundle: ${message}\n`, exitCode });

const isTarget = (v: string): v is BundleTarget => (BUNDLE_TARGETS as readonly string[]).includes(v);

function parseArgs(args: readonly string[]): Args | string {
  const positional: string[] = [];
  const out: Partial<Args> = { redact: false, ocr: true, maxBytes: DEFAULT_SIZE_LIMIT };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const value = () => {
      const v = args[i + 1];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      i++;
      return v;
    };
    try {
      if (a === '--out') out.out = value();
      else if (a === '--folder') out.folder = value();
      else if (a === '--redact') out.redact = true;
      else if (a === '--no-ocr') out.ocr = false;
      else if (a === '--target') {
        const t = value();
        if (!isTarget(t)) return `--target must be one of ${BUNDLE_TARGETS.join(', ')}, got "${t}"`;
        out.target = t;
      } else if (a === '--max-mb') {
        const v = value();
        const n = v === 'none' ? 0 : Number(v);
        if (!Number.isFinite(n) || n < 0) return `--max-mb must be a number of megabytes (0 or "none" for no limit), got "${v}"`;
        if (n > 0 && n < 0.5) return `--max-mb ${v} is too small: the cover, index and manifest alone need about 0.5 MB`;
        out.maxBytes = n === 0 ? null : Math.floor(n * MB);
      } else if (a.startsWith('--')) return `unknown option "${a}"`;
      else positional.push(a);
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }
  if (positional.length !== 1) return positional.length === 0 ? 'no case.json given' : `expected one case.json, got ${positional.length} arguments`;
  if (out.out === undefined) return 'missing --out <file.pdf>';
  if (!/\.pdf$/i.test(out.out)) return `--out must name a .pdf file, got "${out.out}"`;
  return { caseFile: positional[0] ?? '', out: out.out, maxBytes: out.maxBytes ?? null, target: out.target, redact: out.redact ?? false, folder: out.folder, ocr: out.ocr ?? true };
}

function bundleFailure(err: BundleError): CommandResult {
  if (err.code === 'missing-fields' && err.details.fields) {
    const names = err.details.fields.map((f) => `${f.field} (${COMPLAINT_FIELD_LABELS[f.field]}${f.code === 'invalid' ? ', invalid' : ''})`);
    return fail(`a 12315 complaint needs these fields: ${names.join(', ')}\n${err.details.fields.map((f) => `  ${f.field}: ${f.message}`).join('\n')}`);
  }
  const input = err.code === 'invalid-input' || err.code === 'oversize' || err.code === 'output-exists';
  return fail(err.message, input ? USAGE_EXIT : 1);
}

export async function runBundle(args: readonly string[]): Promise<CommandResult> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) return { stdout: `usage: ${BUNDLE_USAGE}\n${BUNDLE_SUMMARY}\n`, stderr: '', exitCode: 0 };
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') return fail(`${parsed}; usage: ${BUNDLE_USAGE}`);

  const vaultDir = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-bundle-'));
  try {
    // A case folder the app exported names its case.json by convention.
    const isDir = await stat(parsed.caseFile).then((s) => s.isDirectory(), () => false);
    const loaded = await loadCaseFile(isDir ? path.join(parsed.caseFile, 'case.json') : parsed.caseFile);
    const input = await bundleInputFromCase(loaded, { vaultDir, target: parsed.target, ocr: parsed.ocr });
    const service = createBundleService({ vaultDir });
    const out = path.resolve(parsed.out);
    const result = await service.exportBundle(input, { outFile: out, maxBytes: parsed.maxBytes, redact: parsed.redact });
    const notes = result.warnings.map((w) => `bundle: note: ${w}\n`);
    // The key lives in the temporary vault and goes with it: say what the signature can and cannot show.
    notes.push(
      `bundle: note: signed with a one-off key (certificate fingerprint ${result.fingerprint ?? '?'}) made in a temporary vault and deleted afterwards; it shows the file is unchanged since this command wrote it, not who made it.\n`,
    );
    if (parsed.folder !== undefined) {
      const folder = await service.exportFolder(input, { outDir: path.resolve(parsed.folder), maxBytes: parsed.maxBytes, redact: parsed.redact, pdfName: path.basename(out) });
      notes.push(`bundle: folder written: ${folder.dir}\n`);
    }
    return { stdout: `${contractJson({ files: result.files, pages: result.pages, exhibits: result.exhibits })}\n`, stderr: notes.join(''), exitCode: 0 };
  } catch (err) {
    if (err instanceof CaseFileError) return fail(err.message);
    if (err instanceof BundleError) return bundleFailure(err);
    // Anything else is a bug or the machine (disk full, OCR data missing): one line, no stack trace.
    return fail(`internal error: ${err instanceof Error ? err.message : String(err)}`, 1);
  } finally {
    await rm(vaultDir, { recursive: true, force: true });
  }
}
