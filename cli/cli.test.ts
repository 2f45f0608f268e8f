// The CLI as users call it, through npm, checking that stdout holds only the command's own output.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const npmCli = (...args: string[]) =>
  run('npm', ['run', '-s', 'cli', '--', ...args], { cwd: process.cwd(), env: { ...process.env, NO_COLOR: '1' } }).then(
    (r) => ({ ...r, code: 0 }),
    (e: { stdout: string; stderr: string; code: number }) => ({ stdout: e.stdout, stderr: e.stderr, code: e.code }),
  );

describe('npm run -s cli', () => {
  it('help lists every command and prints nothing else', async () => {
    const { stdout, code } = await npmCli('help');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('留证 LiuZheng — offline evidence vault for online buyers');
    expect(stdout).toMatch(/^\s+help\s/m);
    expect(stdout).toMatch(/^\s+due <preset> <start>\s/m);
  }, 30_000);

  it('due prints one JSON line; bad input exits 2 with a message and no stack trace', async () => {
    const good = await npmCli('due', 'platform-review', '2026-09-30T10:00');
    expect(good.code).toBe(0);
    expect(good.stdout).toBe('{"rule": "platform-review", "start": "2026-09-30T10:00", "due": "2026-10-10T23:59:59", "provisional": false}\n');

    const bad = await npmCli('due', 'platform-review', '2026-13-01T10:00');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/2026-13-01/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('an unknown command exits 2', async () => {
    const { code, stderr } = await npmCli('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "frobnicate"');
  }, 30_000);
});
