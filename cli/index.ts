// 留证 command line: the same services as the app, for batch use and for tests.
// stdout carries only each command's own output; diagnostics go to stderr; no stack traces.
import { runCli } from './run';

void runCli(process.argv.slice(2)).then(({ stdout, stderr, code }) => {
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = code;
});
