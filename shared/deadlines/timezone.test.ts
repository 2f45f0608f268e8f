// Everything must come out the same whatever the host's time zone, because buyers'
// machines are not always set to China time. Node re-reads TZ when process.env.TZ is
// assigned, so one file can run the same computations under several zones.
import { afterAll, describe, expect, it } from 'vitest';
import { isWorkingDay } from './calendar';
import { computeCustomDue, computeDue } from './due';
import { buildIcs } from './ics';
import { formatEpochAsLocal, parseLocalDateTime } from './localtime';
import { DEADLINE_PRESETS } from './presets';
import { planReminders } from './reminders';
import { proposeDeadlines } from './workflow';
import { daysBetween } from '../../tests/fixtures/notices';

// Declared locally so the file also type-checks under the browser tsconfig, which has no
// Node types; at run time vitest's Node global is what this name resolves to.
declare const process: { env: Record<string, string | undefined> };

const ZONES = [
  'Asia/Shanghai',
  'UTC',
  'America/Los_Angeles',
  'America/New_York',
  'Pacific/Kiritimati', // +14
  'Pacific/Pago_Pago', // −11
  'Asia/Kathmandu', // +05:45
  'Australia/Lord_Howe', // half-hour DST
];

// Starts just before and at local midnight, including the eves of holidays and make-up days.
const STARTS = [
  '2025-12-31T23:59:59',
  '2026-01-01T00:00',
  '2026-02-13T23:59:59',
  '2026-02-14T00:00',
  '2026-02-28T23:59',
  '2026-03-08T02:30', // a DST gap in US zones
  '2026-09-30T23:59:59',
  '2026-10-01T00:00',
  '2026-11-01T01:30', // a repeated hour in US zones
  '2026-12-31T23:59:59',
  '2024-02-29T00:00',
];

// Instants around Shanghai midnight (16:00Z), UTC midnight, and Los Angeles midnight.
const INSTANTS = [
  Date.UTC(2026, 8, 30, 15, 59, 59),
  Date.UTC(2026, 8, 30, 16, 0, 0),
  Date.UTC(2026, 9, 1, 0, 0, 0),
  Date.UTC(2026, 9, 1, 7, 0, 0),
  Date.UTC(2026, 9, 1, 8, 0, 0),
];

function snapshot(): unknown {
  const dues = STARTS.flatMap((start) => DEADLINE_PRESETS.map((p) => [p.id, start, computeDue(p, start)]));
  const year = daysBetween('2026-01-01', '2026-12-31')
    .map((day) => (isWorkingDay(day) ? '1' : '0'))
    .join('');
  const deadline = { id: 'a', dueAt: computeDue({ length: 3, unit: 'working-days' }, '2026-09-30T10:00').dueAt, done: false };
  return {
    dues,
    year,
    local: INSTANTS.map(formatEpochAsLocal),
    parsed: STARTS.map(parseLocalDateTime),
    custom: computeCustomDue({ kind: 'at', at: '2026-10-08' }),
    proposals: proposeDeadlines('complaint-12315', '2026-09-30T23:59:59'),
    reminders: INSTANTS.map((now) => planReminders([deadline], [], now)),
    ics: buildIcs([{ uid: 'a@liuzheng', summary: '平台审核', dueAt: deadline.dueAt, alarmOffsetsMin: [1440] }], {
      stampAt: INSTANTS[0] ?? 0,
    }),
  };
}

const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

function useZone(zone: string): void {
  process.env.TZ = zone;
}

describe('results do not depend on the host time zone', () => {
  useZone('Asia/Shanghai');
  const baseline = snapshot();

  it('the Shanghai baseline is right', () => {
    expect(computeDue({ length: 3, unit: 'working-days' }, '2026-09-30T23:59:59').due).toBe('2026-10-10T23:59:59');
    expect(computeDue({ length: 1, unit: 'working-days' }, '2026-02-14T00:00').due).toBe('2026-02-24T23:59:59');
    expect(formatEpochAsLocal(Date.UTC(2026, 8, 30, 16, 0, 0))).toBe('2026-10-01T00:00:00');
  });

  it.each(ZONES)('under TZ=%s', (zone) => {
    useZone(zone);
    if (zone === 'America/Los_Angeles') {
      // Proves the switch took effect, so the comparison below means something.
      expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(480);
    }
    expect(snapshot()).toEqual(baseline);
  });
});
