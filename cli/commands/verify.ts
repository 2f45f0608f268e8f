// `verify <bundle.pdf|folder> [--vault <dir> | --originals <dir>]`: re-checks an exported bundle as
// two verdicts. One line per PDF (its own integrity: signature, pages, images, printed 文件清单),
// one line per original (by hash, against the vault, a plain folder of originals, or a folder
// export's copies), then a summary. Exit 0 when everything holds, 1 when anything does not, 2 for
// bad input (a sentence naming the file). Text from the manifest (titles, the case title) is
// printed only when its PDF verified intact.
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { errorCode } from '../../electron/main/fs/errors';
import { verifyBundle, VerifyInputError, type VerifyAgainst } from '../../electron/main/integrity/verifyBundle';
import { contractJson } from '../json';
import { VERIFY_SUMMARY, VERIFY_USAGE } from './usage';

interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Where the app keeps its vault (Electron's appData + "LiuZheng/vault"), for a PDF checked without --vault. */
export function defaultVaultDir(platform = process.platform, env = process.env, home = os.homedir()): string {
  const appData =
    platform === 'win32'
      ? (env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'));
  return path.join(appData, 'LiuZheng', 'vault');
}

const fail = (message: string): CommandResult => ({ stdout: '', stderr: `verify: ${message}\n`, exitCode: 2 });

export async function runVerify(args: string[]): Promise<CommandResult> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) return { stdout: `usage: ${VERIFY_USAGE}\n${VERIFY_SUMMARY}\n`, stderr: '', exitCode: 0 };
  const positional: string[] = [];
  let vault: string | undefined;
  let originals: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--vault' || a === '--originals') {
      const v = args[i + 1];
      if (v === undefined || v.startsWith('--')) return fail(`${a} needs a folder`);
      if (a === '--vault') vault = v;
      else originals = v;
      i++;
    } else if (a.startsWith('--')) return fail(`unknown option ${a}; usage: ${VERIFY_USAGE}`);
    else positional.push(a);
  }
  const target = positional[0];
  if (positional.length !== 1 || target === undefined) return fail(`expected one bundle PDF or export folder; usage: ${VERIFY_USAGE}`);
  if (vault !== undefined && originals !== undefined) return fail('give --vault or --originals, not both');
  const isFolder = await stat(target).then((s) => s.isDirectory() || path.basename(target) === 'manifest.json', () => false);
  const against: VerifyAgainst =
    originals !== undefined ? { originalsDir: path.resolve(originals) } : vault !== undefined || !isFolder ? { vaultDir: path.resolve(vault ?? defaultVaultDir()) } : { copiesOnly: true };
  try {
    const report = await verifyBundle(path.resolve(target), against);
    const lines = report.pdf.files.map((p) => contractJson({ pdf: p.file, intact: p.intact, signer: p.signer, fingerprint: p.fingerprint, checks: p.checks }));
    for (const item of report.items) {
      lines.push(contractJson({ status: item.status, no: item.no, label: item.label, title: item.title, file: item.file, sha256: item.expected, actual: item.actual }));
    }
    const originalsOk = report.summary.match === report.summary.total;
    const logOk = report.auditHead?.ok ?? true;
    lines.push(
      contractJson({
        summary: report.summary,
        kind: report.kind,
        pdfIntact: report.pdf.intact,
        originalsAgainst: report.originalsAgainst,
        originalsMatch: originalsOk,
        auditHead: report.auditHead,
        caseTitle: report.caseTitle,
        exportedAt: report.exportedAt,
      }),
    );
    return { stdout: `${lines.join('\n')}\n`, stderr: '', exitCode: report.pdf.intact && originalsOk && logOk ? 0 : 1 };
  } catch (err) {
    if (err instanceof VerifyInputError) return fail(err.message);
    const code = errorCode(err) ?? '';
    return fail(`${target}: could not be read${code ? ` (${code})` : ''}.`);
  }
}
