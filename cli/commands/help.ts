import type { Command, CommandResult } from './registry';

export function runHelp(commands: Record<string, Command>): CommandResult {
  const width = Math.max(...Object.values(commands).map((c) => c.usage.length));
  const lines = [
    '留证 LiuZheng — offline evidence vault for online buyers',
    '',
    'Usage: npm run -s cli -- <command> [arguments]',
    '',
    'Commands:',
    ...Object.values(commands).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
  ];
  return { stdout: lines.join('\n'), stderr: '', exitCode: 0 };
}
