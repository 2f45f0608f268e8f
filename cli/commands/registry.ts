import { DUE_SUMMARY, DUE_USAGE, runDue } from './due';
import { runHelp } from './help';

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
  due: { summary: DUE_SUMMARY, usage: DUE_USAGE, run: runDue },
};
