// The CLI as users call it. One run goes through npm, to prove that `npm run -s cli` puts only the
// command's own output on stdout; the others call the same entry in-process (runCli), which is what
// cli/index.ts writes to the real streams, so they cost no npm and tsx start-up each.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from './run';

const run = promisify(execFile);

describe('npm run -s cli', () => {
  it('help lists every command and prints nothing else, exactly as runCli does', async () => {
    const { stdout, stderr } = await run('npm', ['run', '-s', 'cli', '--', 'help'], { cwd: process.cwd(), env: { ...process.env, NO_COLOR: '1' } });
    expect(stdout.split('\n')[0]).toBe('留证 LiuZheng — offline evidence vault for online buyers');
    expect(stdout).toMatch(/^\s+help\s/m);
    expect(stdout).toMatch(/^\s+due <preset> <start>\s/m);
    const inProcess = await runCli(['help']);
    expect(inProcess).toEqual({ stdout, stderr, code: 0 });
  }, 30_000);
});

describe('runCli', () => {
  it('due prints one JSON line; bad input exits 2 with a message and no stack trace', async () => {
    const good = await runCli(['due', 'platform-review', '2026-09-30T10:00']);
    expect(good.code).toBe(0);
    expect(good.stdout).toBe('{"rule": "platform-review", "start": "2026-09-30T10:00", "due": "2026-10-10T23:59:59", "provisional": false}\n');

    const bad = await runCli(['due', 'platform-review', '2026-13-01T10:00']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/2026-13-01/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown command exits 2', async () => {
    const { code, stderr, stdout } = await runCli(['frobnicate']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('unknown command "frobnicate"');
  });

  it('no command at all means help', async () => {
    expect((await runCli([])).stdout).toBe((await runCli(['help'])).stdout);
  });
});
