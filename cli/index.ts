// 留证 command line: the same services as the app, for batch use and for tests.
// stdout carries only each command's own output; diagnostics go to stderr; no stack traces.
import { commands } from './commands/registry';

async function main(argv: string[]): Promise<number> {
  const [name = 'help', ...args] = argv;
  const command = commands[name];
  if (!command) {
    process.stderr.write(`liuzheng: unknown command "${name}". Run "npm run -s cli -- help".\n`);
    return 2;
  }
  const result = await command.run(args);
  if (result.stdout) process.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
  if (result.stderr) process.stderr.write(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`);
  return result.exitCode;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`liuzheng: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
