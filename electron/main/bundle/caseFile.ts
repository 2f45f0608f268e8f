// case.json: the portable case format (the CLI's input, and what a folder export writes next to the
// originals so the case can be imported back). Evidence files are named relative to case.json and
// must stay inside its folder: a path that climbs out, an absolute path, or a symlink pointing
// elsewhere is refused, so a shared case folder cannot make the app read other files.
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { BundleInput, BundleTarget } from '../../../shared/bundle/types';
import { errorCode } from '../fs/errors';
import { CASE_FILE_MAX_BYTES, caseFileSchema } from '../../../shared/portable/caseFile';
import type { CaseFile, CaseFileEvidence } from '../../../shared/portable/caseFile';

export class CaseFileError extends Error {
  override name = 'CaseFileError';
}

export { CASE_FILE_MAX_BYTES, caseFileSchema } from '../../../shared/portable/caseFile';
export type { CaseFile, CaseFileEvidence } from '../../../shared/portable/caseFile';

function fieldPath(p: readonly PropertyKey[]): string {
  return p.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s === '' ? String(k) : `${s}.${String(k)}`), '');
}

/** The value at `p` in the raw JSON, or undefined when the path does not exist. */
function valueAt(json: unknown, p: readonly PropertyKey[]): unknown {
  let v: unknown = json;
  for (const k of p) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Reflect.get(v, k);
  }
  return v;
}

function describeIssues(json: unknown, issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((i) => {
      const where = fieldPath(i.path);
      if (where === '') return 'the top level must be a JSON object';
      if (valueAt(json, i.path) === undefined) return `missing field "${where}"`;
      return `field "${where}" ${i.message.replace(/^Invalid (option|input): /, '')}`;
    })
    .join('; ');
}

export interface ResolvedEvidence extends CaseFileEvidence {
  /** Absolute real path inside the case folder. */
  path: string;
}

export interface LoadedCaseFile {
  dir: string;
  data: CaseFile;
  evidence: ResolvedEvidence[];
}

const code = (err: unknown): string => errorCode(err) ?? '';

/** Resolves `file` against the case folder, refusing anything that ends up outside it. */
export async function resolveInside(realDir: string, file: string, label: string): Promise<string> {
  if (/[\u0000-\u001f]/.test(file)) throw new CaseFileError(`${label} ${JSON.stringify(file)} contains a control character`);
  // A case folder may come from Windows: "C:x", "\\server\share" and "..\.." count whatever this OS is.
  if (path.isAbsolute(file) || path.win32.isAbsolute(file) || /^[a-zA-Z]:/.test(file)) throw new CaseFileError(`${label} "${file}" is an absolute path; evidence files must be inside the case folder`);
  const lexical = path.resolve(realDir, file);
  const outside = (p: string) => {
    const rel = path.relative(realDir, p);
    // A whole ".." segment climbs out; "..foo.png" is an ordinary name inside.
    return rel === '' || rel.split(path.sep)[0] === '..' || path.isAbsolute(rel);
  };
  if (outside(lexical) || file.split(/[\\/]/).includes('..')) throw new CaseFileError(`${label} "${file}" is outside the case folder`);
  let real: string;
  try {
    real = await realpath(lexical);
  } catch (err) {
    throw new CaseFileError(code(err) === 'ENOENT' ? `${label} "${file}": file not found` : `${label} "${file}" cannot be read (${code(err) || String(err)})`);
  }
  if (outside(real)) throw new CaseFileError(`${label} "${file}" is a link to a file outside the case folder`);
  const info = await stat(real);
  if (!info.isFile()) throw new CaseFileError(`${label} "${file}" is not a regular file`);
  return real;
}

export async function loadCaseFile(file: string): Promise<LoadedCaseFile> {
  let raw: string;
  try {
    const info = await stat(file);
    if (info.isFile() && info.size > CASE_FILE_MAX_BYTES) throw new CaseFileError(`${file} is too large for a case file (${info.size} bytes; the limit is ${CASE_FILE_MAX_BYTES})`);
    if (!info.isFile()) throw new CaseFileError(`${file} is not a regular file`);
    raw = await readFile(file, 'utf8');
  } catch (err) {
    if (err instanceof CaseFileError) throw err;
    throw new CaseFileError(code(err) === 'ENOENT' ? `case file not found: ${file}` : `cannot read ${file} (${code(err) || String(err)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new CaseFileError(`${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = caseFileSchema.safeParse(json);
  if (!parsed.success) throw new CaseFileError(`${path.basename(file)}: ${describeIssues(json, parsed.error.issues)}`);
  const dir = await realpath(path.dirname(path.resolve(file)));
  const evidence: ResolvedEvidence[] = [];
  for (const [i, e] of parsed.data.evidence.entries()) evidence.push({ ...e, path: await resolveInside(dir, e.file, `evidence[${i}].file`) });
  return { dir, data: parsed.data, evidence };
}

/** The case.json a folder export writes, naming its copies of the originals. */
export function caseFileOf(input: BundleInput, files: readonly string[]): CaseFile & { target: BundleTarget } {
  const c = input.case;
  return {
    title: c.title,
    target: input.target,
    platform: c.platform,
    shop: c.shop,
    item: c.item,
    orderNumber: c.orderNumber,
    amount: c.amount,
    purchasedAt: c.purchasedAt,
    issue: c.issue,
    request: c.request,
    statement: c.statement,
    complainant: { ...input.complainant },
    respondent: { ...input.respondent },
    complaint: { ...input.complaint, requestKinds: [...input.complaint.requestKinds] },
    cardShop: input.cardShop === null ? null : { ...input.cardShop },
    evidence: input.evidence.map((e, i) => ({ file: files[i] ?? '', kind: e.kind, title: e.title, purpose: e.purpose })),
    events: input.events.map((e) => ({ ...e })),
  };
}
