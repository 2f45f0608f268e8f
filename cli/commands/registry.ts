// Commands are loaded when run, so starting one does not load the others (a scan does not wait for
// the PDF stack, nor `due` for the OCR engines).
import { runHelp } from './help';
import { BUNDLE_SUMMARY, BUNDLE_USAGE, DUE_SUMMARY, DUE_USAGE, SCAN_SUMMARY, SCAN_USAGE, VERIFY_SUMMARY, VERIFY_USAGE } from './usage';

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
  scan: { summary: SCAN_SUMMARY, usage: SCAN_USAGE, run: async (args) => (await import('./scan')).runScan(args) },
  due: { summary: DUE_SUMMARY, usage: DUE_USAGE, run: async (args) => (await import('./due')).runDue(args) },
  bundle: { summary: BUNDLE_SUMMARY, usage: BUNDLE_USAGE, run: async (args) => (await import('./bundle')).runBundle(args) },
  verify: { summary: VERIFY_SUMMARY, usage: VERIFY_USAGE, run: async (args) => (await import('./verify')).runVerify(args) },
};
