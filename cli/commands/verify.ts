// `verify <bundle.pdf|folder> [--vault <dir>]`: re-checks an exported bundle. A folder export is
// checked against its own copies (manifest.json); a PDF against the originals in the vault, by the
// manifest attached to it. One JSON line per item, then a summary line. Exit 0 when everything
// matches, 1 when anything is mismatched or missing, 2 for bad input (a sentence naming the file).
import os from 'node:os';
import path from 'node:path';
import { errorCode } from '../../electron/main/fs/errors';
import { verifyBundle, VerifyInputError } from '../../electron/main/integrity/verifyBundle';
import { contractJson } from '../json';

interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export const VERIFY_USAGE = 'verify <bundle.pdf|folder> [--vault <dir>]';
export const VERIFY_SUMMARY =
  'Re-check an exported bundle: a folder against its manifest.json, a PDF against the vault (default: the app\'s); one JSON line per item and a summary. Exit 0 all match, 1 any mismatch/missing, 2 bad input.';

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
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--vault') {
      const v = args[i + 1];
      if (v === undefined || v.startsWith('--')) return fail('--vault needs a folder');
      vault = v;
      i++;
    } else if (a.startsWith('--')) return fail(`unknown option ${a}; usage: ${VERIFY_USAGE}`);
    else positional.push(a);
  }
  const target = positional[0];
  if (positional.length !== 1 || target === undefined) return fail(`expected one bundle PDF or export folder; usage: ${VERIFY_USAGE}`);
  try {
    const report = await verifyBundle(path.resolve(target), path.resolve(vault ?? defaultVaultDir()));
    const lines = report.items.map((item) =>
      contractJson({ status: item.status, no: item.no, label: item.label, title: item.title, file: item.file, sha256: item.expected, actual: item.actual }),
    );
    lines.push(contractJson({ summary: report.summary, kind: report.kind, caseTitle: report.caseTitle, exportedAt: report.exportedAt }));
    const allMatch = report.summary.match === report.summary.total;
    return { stdout: `${lines.join('\n')}\n`, stderr: '', exitCode: allMatch ? 0 : 1 };
  } catch (err) {
    if (err instanceof VerifyInputError) return fail(err.message);
    const code = errorCode(err) ?? '';
    return fail(`${target}: could not be read${code ? ` (${code})` : ''}.`);
  }
}
