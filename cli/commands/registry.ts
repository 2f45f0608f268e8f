import { BUNDLE_SUMMARY, BUNDLE_USAGE, runBundle } from './bundle';
import { DUE_SUMMARY, DUE_USAGE, runDue } from './due';
import { runHelp } from './help';
import { runScan, SCAN_SUMMARY, SCAN_USAGE } from './scan';
import { runVerify, VERIFY_SUMMARY, VERIFY_USAGE } from './verify';

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface Command {
  summary: string;
  usage: string;
  run: (args: string[]) => CommandResult | Promise<CommandResult>;
}

export const commands: Record<string, Command> = {
  help: {
    summary: 'Show the commands and how to call them.',
    usage: 'help',
    run: () => runHelp(commands),
  },
  scan: { summary: SCAN_SUMMARY, usage: SCAN_USAGE, run: runScan },
  due: { summary: DUE_SUMMARY, usage: DUE_USAGE, run: runDue },
  bundle: { summary: BUNDLE_SUMMARY, usage: BUNDLE_USAGE, run: runBundle },
  verify: { summary: VERIFY_SUMMARY, usage: VERIFY_USAGE, run: runVerify },
};
