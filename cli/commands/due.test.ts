import { describe, expect, it } from 'vitest';
import { runDue } from './due';

describe('due <preset> <start>', () => {
  it.each([
    ['platform-review', '2026-09-30T10:00', '2026-10-10T23:59:59', false],
    ['platform-review', '2026-02-14T09:00', '2026-02-26T23:59:59', false],
    ['seller-response', '2026-02-26T09:00:30', '2026-03-04T23:59:59', false],
    ['seven-day-return', '2026-09-30T18:00', '2026-10-07T23:59:59', false],
    ['supplement-materials', '2026-09-30T10:00', '2026-10-01T10:00:00', false],
    ['cooling-period', '2026-09-30T10:00:05', '2026-10-02T10:00:05', false],
    ['arbitration-escalate', '2026-04-30T10:00', '2026-05-11T23:59:59', false],
    ['refund-arrival-bank', '2025-09-30T10:00', '2025-10-11T23:59:59', false],
    ['12315-acceptance', '2026-09-30T10:00', '2026-10-15T23:59:59', false],
    ['12315-mediation', '2026-09-30T10:00', '2026-11-29T23:59:59', false],
    ['card-shop-same-day', '2026-11-17T23:59:00', '2026-11-17T23:59:59', false],
    ['complaint-limitation', '2024-02-29T10:00', '2027-02-28T23:59:59', false],
    ['platform-review', '2026-12-30T10:00', '2027-01-05T23:59:59', true],
  ])('%s %s → %s', (rule, start, due, provisional) => {
    const result = runDue([rule, start]);
    expect(result).toEqual({
      stdout: `{"rule": "${rule}", "start": "${start}", "due": "${due}", "provisional": ${provisional}}\n`,
      stderr: '',
      exitCode: 0,
    });
    // Exactly one line, keys in contract order.
    expect(result.stdout.split('\n')).toHaveLength(2);
    expect(Object.keys(JSON.parse(result.stdout))).toEqual(['rule', 'start', 'due', 'provisional']);
  });

  it.each([
    [['nope', '2026-09-30T10:00'], 'unknown preset "nope"'],
    [['', '2026-09-30T10:00'], 'unknown preset ""'],
    [['platform-review', '2026-02-30T10:00'], 'day 30 in "2026-02-30T10:00" does not exist: 2026-02 has 28 days'],
    [['platform-review', '2026-09-30'], 'a time is required'],
    [['platform-review', '2026-09-30 10:00'], 'use "T"'],
    [['platform-review', '2026-09-30T10:00Z'], 'drop the time zone'],
    [['platform-review', '2026-09-30T25:00'], 'hour 25'],
    [['platform-review'], 'expected 2 arguments, got 1'],
    [[], 'expected 2 arguments, got 0'],
    [['platform-review', '2026-09-30T10:00', 'extra'], 'expected 2 arguments, got 3'],
  ])('%j fails with exit 2: %s', (args, message) => {
    const result = runDue(args);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toMatch(/^due: [^\n]+\n$/);
    expect(result.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });

  it('lists the known presets when the preset is unknown', () => {
    expect(runDue(['x', '2026-09-30T10:00']).stderr).toContain('platform-review, seller-response');
  });

  it('prints usage on --help', () => {
    const result = runDue(['--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('usage: due <preset> <start>');
  });
});
