// The CLI without the process around it: argv in, the three things a caller sees out. cli/index.ts
// writes them to the real streams; the tests call this directly instead of spawning npm each time.
import { commands } from './commands/registry';

export interface CliOutcome {
  stdout: string;
  stderr: string;
  code: number;
}

const line = (text: string): string => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

export async function runCli(argv: readonly string[]): Promise<CliOutcome> {
  const [name = 'help', ...args] = argv;
  const command = commands[name];
  if (!command) return { stdout: '', stderr: `liuzheng: unknown command "${name}". Run "npm run -s cli -- help".\n`, code: 2 };
  try {
    const result = await command.run([...args]);
    return { stdout: line(result.stdout), stderr: line(result.stderr), code: result.exitCode };
  } catch (err) {
    return { stdout: '', stderr: `liuzheng: ${err instanceof Error ? err.message : String(err)}\n`, code: 1 };
  }
}
