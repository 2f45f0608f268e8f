// A fake clock with fake timers, and a reminder service over a real temp folder. Timers follow a
// monotonic clock, as Node's do: while the machine "sleeps", wall time moves and timers stand still.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { createReminderService, type ReminderService } from '../../../electron/main/reminders/service';
import { REMINDERS_FILE, remindersFileSchema, type RemindersFile } from '../../../electron/main/reminders/store';
import type { FiredReminder, ReminderDeadlineInput } from '../../../shared/reminders/contract';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
/** 2026-10-10T23:59:59 Asia/Shanghai. */
export const DUE = Date.UTC(2026, 9, 10, 15, 59, 59);

export function deadline(over: Partial<ReminderDeadlineInput> = {}): ReminderDeadlineInput {
  return {
    id: 'd1',
    caseId: 'c1',
    caseTitle: '游戏点卡卡密无效',
    label: '平台审核',
    dueAt: DUE,
    offsetsMin: [1440, 120, 0],
    done: false,
    snoozedUntil: null,
    createdAt: DUE - 5 * DAY,
    ...over,
  };
}

interface FakeTimer {
  at: number;
  delay: number;
  fire: () => void;
}

export class FakeClock {
  private readonly timers = new Map<number, FakeTimer>();
  private nextId = 1;
  /** Every delay ever requested, to check the cap. */
  readonly delays: number[] = [];

  constructor(public now: number) {}

  readonly setTimer = (fire: () => void, delay: number): number => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.now + delay, delay, fire });
    this.delays.push(delay);
    return id;
  };

  readonly clearTimer = (id: number): void => {
    this.timers.delete(id);
  };

  pending(): FakeTimer[] {
    return [...this.timers.values()];
  }

  /** Runs time forward to `t`, firing each timer at its moment and letting its work finish. */
  async advanceTo(t: number, service: ReminderService): Promise<void> {
    for (;;) {
      const next = [...this.timers.entries()].filter(([, timer]) => timer.at <= t).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      this.timers.delete(next[0]);
      this.now = Math.max(this.now, next[1].at);
      next[1].fire();
      await service.whenIdle();
    }
    this.now = Math.max(this.now, t);
  }

  /** The machine sleeps: the wall clock jumps, armed timers are pushed back by the same amount. */
  sleep(ms: number): void {
    this.now += ms;
    for (const timer of this.timers.values()) timer.at += ms;
  }
}

export interface Harness {
  dir: string;
  clock: FakeClock;
  service: ReminderService;
  notified: FiredReminder[];
  batches: FiredReminder[][];
  errors: unknown[];
  /** Quits and starts again over the same folder; `at` is when the new process starts. */
  restart(at?: number): Promise<void>;
  readFile(): Promise<RemindersFile>;
  cleanup(): Promise<void>;
}

export async function makeHarness(start: number, opts: { launchAtLoginSupported?: boolean } = {}): Promise<Harness> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-reminders-'));
  const clock = new FakeClock(start);
  const notified: FiredReminder[] = [];
  const batches: FiredReminder[][] = [];
  const errors: unknown[] = [];
  const create = () =>
    createReminderService({
      dataDir: dir,
      now: () => clock.now,
      setTimer: clock.setTimer,
      clearTimer: clock.clearTimer,
      notify: (r) => notified.push(r),
      onFired: (b) => batches.push(b),
      onError: (e) => errors.push(e),
      launchAtLoginSupported: opts.launchAtLoginSupported ?? false,
    });
  const h: Harness = {
    dir,
    clock,
    service: create(),
    notified,
    batches,
    errors,
    async restart(at) {
      await h.service.close();
      expect(clock.pending()).toEqual([]);
      if (at !== undefined) clock.now = at;
      h.service = create();
    },
    async readFile() {
      const names = await readdir(dir);
      // Every call leaves exactly the schedule behind: no temp file from a write in progress.
      expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
      return remindersFileSchema.parse(JSON.parse(await readFile(path.join(dir, REMINDERS_FILE), 'utf8')));
    },
    async cleanup() {
      await h.service.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return h;
}

/** "d1:1440" / "d2:120 missed overdue" / "d1:snooze", for compact expectations. */
export function brief(r: FiredReminder): string {
  const flags = [r.missed ? ' missed' : '', r.overdue ? ' overdue' : ''].join('');
  return `${r.deadlineId}:${r.offsetMin ?? 'snooze'}${flags}`;
}
