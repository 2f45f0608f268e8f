import { describe, expect, it } from 'vitest';
import { planReminders, pruneShownKeys, reminderKey, type DueReminder, type ReminderDeadline } from './reminders';

const M = 60_000;
/** 2026-10-10T23:59:59 Asia/Shanghai. */
const DUE = Date.UTC(2026, 9, 10, 15, 59, 59);
/** Minutes relative to DUE, as a fake clock reading. */
const t = (minutes: number): number => DUE + minutes * M;

const a: ReminderDeadline = { id: 'a', dueAt: DUE, done: false };

interface Step {
  now: number;
  /** Replaces the deadlines from this step on (a snooze, a done mark, an edit). */
  set?: ReminderDeadline[];
  shows: string[];
  next: number | null;
}

function describeReminder(r: DueReminder): string {
  const flags = [r.missed ? ' missed' : '', r.overdue ? ' overdue' : ''].join('');
  return `${r.deadlineId}:${r.offsetMin ?? 'snooze'}${flags}`;
}

/** Drives the scheduler with a fake clock; `shown` is all that survives a restart. */
function run(initial: ReminderDeadline[], steps: Step[]): void {
  let deadlines = initial;
  const shown = new Set<string>();
  steps.forEach((step, i) => {
    deadlines = step.set ?? deadlines;
    const plan = planReminders(deadlines, shown, step.now);
    expect({ step: i, shows: plan.due.map(describeReminder), next: plan.nextWakeAt }).toEqual({
      step: i,
      shows: step.shows,
      next: step.next,
    });
    for (const key of plan.markShown) shown.add(key);
  });
}

describe('planReminders with a fake clock', () => {
  it.each<[string, ReminderDeadline[], Step[]]>([
    ['app running throughout: 1 day, 2 hours, at the deadline', [a], [
      { now: t(-2880), shows: [], next: t(-1440) },
      { now: t(-1440), shows: ['a:1440'], next: t(-120) },
      { now: t(-120), shows: ['a:120'], next: t(0) },
      { now: t(0), shows: ['a:0'], next: null },
      { now: t(60), shows: [], next: null },
    ]],
    ['sleep across two offsets: one reminder on resume, the latest', [a], [
      { now: t(-2880), shows: [], next: t(-1440) },
      { now: t(-60), shows: ['a:120 missed'], next: t(0) },
      { now: t(-59), shows: [], next: t(0) },
    ]],
    ['app not running until after the deadline: one overdue reminder, no burst', [a], [
      { now: t(-3000), shows: [], next: t(-1440) },
      { now: t(180), shows: ['a:0 missed overdue'], next: null },
      { now: t(181), shows: [], next: null },
    ]],
    ['a reminder at most a minute late is not "missed"', [a], [
      { now: t(-1440) + 59_000, shows: ['a:1440'], next: t(-120) },
    ]],
    ['snooze for an hour, then the regular offsets resume', [a], [
      { now: t(-1440), shows: ['a:1440'], next: t(-120) },
      { now: t(-1400), set: [{ ...a, snoozedUntil: t(-1380) }], shows: [], next: t(-1380) },
      { now: t(-1380), shows: ['a:snooze'], next: t(-120) },
      { now: t(-120), shows: ['a:120'], next: t(0) },
    ]],
    ['snooze over an offset: it is held, then shown once with the snooze', [a], [
      { now: t(-1440), shows: ['a:1440'], next: t(-120) },
      { now: t(-1430), set: [{ ...a, snoozedUntil: t(-60) }], shows: [], next: t(-60) },
      { now: t(-120), shows: [], next: t(-60) },
      { now: t(-60), shows: ['a:snooze'], next: t(0) },
      { now: t(0), shows: ['a:0'], next: null },
    ]],
    ['snooze past the deadline', [a], [
      { now: t(-120), shows: ['a:120 missed'], next: t(0) },
      { now: t(-100), set: [{ ...a, snoozedUntil: t(30) }], shows: [], next: t(30) },
      { now: t(0), shows: [], next: t(30) },
      { now: t(30), shows: ['a:snooze overdue'], next: null },
    ]],
    ['done silences everything, including pending ones', [a], [
      { now: t(-1440), shows: ['a:1440'], next: t(-120) },
      { now: t(-1000), set: [{ ...a, done: true }], shows: [], next: null },
      { now: t(500), shows: [], next: null },
    ]],
    ['created 90 minutes before the deadline: earlier offsets never existed', [{ ...a, createdAt: t(-90) }], [
      { now: t(-90), shows: [], next: t(0) },
      { now: t(0), shows: ['a:0'], next: null },
    ]],
    ['two deadlines after a long sleep: one each, soonest first', [a, { id: 'b', dueAt: t(1440), done: false }], [
      { now: t(-3000), shows: [], next: t(-1440) },
      { now: t(30), shows: ['a:0 missed overdue', 'b:1440 missed'], next: t(1320) },
      { now: t(1320), shows: ['b:120'], next: t(1440) },
    ]],
    ['moving a deadline re-arms its reminders', [a], [
      { now: t(-1440), shows: ['a:1440'], next: t(-120) },
      { now: t(-1439), set: [{ ...a, dueAt: t(2880) }], shows: [], next: t(1440) },
      { now: t(1440), shows: ['a:1440'], next: t(2760) },
    ]],
    ['custom offsets, including one after the deadline', [{ ...a, offsetsMin: [60, -30] }], [
      { now: t(-61), shows: [], next: t(-60) },
      { now: t(-60), shows: ['a:60'], next: t(30) },
      { now: t(30), shows: ['a:-30 overdue'], next: null },
    ]],
    ['the clock jumping backwards repeats nothing', [a], [
      { now: t(-120), shows: ['a:120 missed'], next: t(0) },
      { now: t(-1500), shows: [], next: t(0) },
    ]],
    ['an empty offset list never reminds', [{ ...a, offsetsMin: [] }], [{ now: t(10), shows: [], next: null }]],
  ])('%s', (_name, deadlines, steps) => {
    run(deadlines, steps);
  });
});

describe('collapsing and persistence', () => {
  it('covers every missed key so none fires later, and returns them in markShown', () => {
    const plan = planReminders([a], [], t(-60));
    expect(plan.due).toHaveLength(1);
    expect(plan.due[0]?.coveredKeys).toEqual([reminderKey('a', DUE, 1440), reminderKey('a', DUE, 120)]);
    expect(plan.markShown).toEqual(plan.due[0]?.coveredKeys);
    expect(plan.due[0]).toMatchObject({ key: reminderKey('a', DUE, 120), fireAt: t(-120), dueAt: DUE, kind: 'offset' });
  });

  it('treats a persisted list like a set (restart)', () => {
    const shown = [reminderKey('a', DUE, 1440), reminderKey('a', DUE, 120)];
    expect(planReminders([a], shown, t(-30))).toEqual({ due: [], markShown: [], nextWakeAt: t(0) });
  });

  it('never shows more than one reminder per deadline per call, nor any key twice', () => {
    let seed = 42;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const deadlines = [0, 1, 2, 3].map((i) => ({ id: `d${i}`, dueAt: t(i * 700), done: false }));
    const shown = new Set<string>();
    let now = t(-3000);
    for (let i = 0; i < 200; i += 1) {
      now += Math.floor(rand() * 300) * M;
      const plan = planReminders(deadlines, shown, now);
      const ids = plan.due.map((r) => r.deadlineId);
      expect(new Set(ids).size).toBe(ids.length);
      for (const key of plan.markShown) {
        expect(shown.has(key)).toBe(false);
        shown.add(key);
      }
    }
  });

  it('prunes keys of deleted or moved deadlines', () => {
    const keep = reminderKey('a', DUE, 0);
    const shown = [keep, reminderKey('a', DUE - M, 0), reminderKey('gone', DUE, 0)];
    expect(pruneShownKeys([a], shown)).toEqual([keep]);
  });

  it('ignores a deadline with an invalid time', () => {
    expect(planReminders([{ ...a, dueAt: Number.NaN }], [], t(0))).toEqual({ due: [], markShown: [], nextWakeAt: null });
  });
});
