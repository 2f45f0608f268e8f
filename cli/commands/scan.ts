// `scan <file>...`: OCR screenshots (or read chat-log exports) and print what the extractors find,
// one JSON object per file per line, in the order given (the issue-3 contract and measurement hook).
// A file that cannot be read gets an {"file", "error"} line and the others still run; exit code 1
// if any failed. Only the JSON lines go to stdout; nothing is ever printed as a stack trace.
import { scanFiles } from '../../electron/main/ocr/scan';
import { contractJson } from '../json';
import type { CommandResult } from './registry';
import { SCAN_SUMMARY, SCAN_USAGE } from './usage';

const USAGE_EXIT = 2;

export async function runScan(args: readonly string[]): Promise<CommandResult> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    return { stdout: `usage: ${SCAN_USAGE}\n${SCAN_SUMMARY}\n`, stderr: '', exitCode: 0 };
  }
  // "--" ends options, so a file may be called "-h"; any other leading dash is a mistake.
  const files = args[0] === '--' ? args.slice(1) : [...args];
  const option = files.find((f) => /^--?[a-z]/i.test(f) && args[0] !== '--');
  if (option !== undefined) return { stdout: '', stderr: `scan: unknown option "${option}"; usage: ${SCAN_USAGE}\n`, exitCode: USAGE_EXIT };
  if (files.length === 0) return { stdout: '', stderr: `scan: no files given; usage: ${SCAN_USAGE}\n`, exitCode: USAGE_EXIT };

  try {
    const lines = await scanFiles(files);
    const failed = lines.filter((l) => 'error' in l).length;
    return {
      stdout: lines.map((l) => `${contractJson(l)}\n`).join(''),
      stderr: failed > 0 ? `scan: ${failed} of ${lines.length} file${lines.length === 1 ? '' : 's'} could not be scanned\n` : '',
      exitCode: failed > 0 ? 1 : 0,
    };
  } catch (error) {
    // Per-file problems never get here; this is the engine itself failing (e.g. missing language data).
    const message = error instanceof Error ? error.message : String(error);
    return { stdout: '', stderr: `scan: ${message}\n`, exitCode: 1 };
  }
}
