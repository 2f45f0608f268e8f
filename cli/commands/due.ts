// `due <preset> <start>`: the deadline CLI and the project's measurement hook. It returns
// its output instead of touching process, so tests drive it directly; the entry point
// prints stdout/stderr and exits with exitCode.
import { DEADLINE_PRESETS, DeadlineInputError, computeDue, findPreset, parseLocalDateTime } from '../../shared/deadlines';
import { contractJson } from '../json';
import { DUE_USAGE } from './usage';

// Same shape as the registry's CommandResult; kept local so this file stands alone.
interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** For the command registry's help listing. */

/** Exit code for bad usage or input, as the contract fixes it. */
const USAGE_EXIT = 2;

const USAGE = `usage: ${DUE_USAGE}   (start: YYYY-MM-DDTHH:mm[:ss], Asia/Shanghai local time)`;

function fail(message: string): CommandResult {
  return { stdout: '', stderr: `due: ${message}\n`, exitCode: USAGE_EXIT };
}

function presetList(): string {
  return DEADLINE_PRESETS.map((p) => p.id).join(', ');
}

/** `args` are the words after "due". */
export function runDue(args: readonly string[]): CommandResult {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    return { stdout: `${USAGE}\npresets: ${presetList()}\n`, stderr: '', exitCode: 0 };
  }
  if (args.length !== 2) return fail(`expected 2 arguments, got ${args.length}; ${USAGE}`);
  const [rule = '', start = ''] = args;

  const preset = findPreset(rule);
  if (!preset) return fail(`unknown preset "${rule}"; known presets: ${presetList()}`);
  const parsed = parseLocalDateTime(start);
  if (!parsed.ok) return fail(`invalid start: ${parsed.error}`);

  try {
    const { due, provisional } = computeDue(preset, parsed.value);
    return { stdout: `${contractJson({ rule, start, due, provisional })}\n`, stderr: '', exitCode: 0 };
  } catch (error) {
    if (error instanceof DeadlineInputError) return fail(error.message);
    // Anything else is a bug; still one line and no stack trace, per the CLI contract.
    const message = error instanceof Error ? error.message : String(error);
    return { stdout: '', stderr: `due: internal error: ${message}\n`, exitCode: 1 };
  }
}
