import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createReminderHandlers, type ReminderPorts } from '../../../electron/main/reminders/handlers';
import { remindersSchemas, type RemindersApi } from '../../../shared/reminders/contract';
import { DAY, DUE, HOUR, deadline, makeHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h.cleanup();
});

interface FakePorts extends ReminderPorts {
  dialogs: string[];
  applied: boolean[];
  answer: string | null;
}

function fakePorts(h: Harness, file: string | null): FakePorts {
  const ports: FakePorts = {
    dialogs: [],
    applied: [],
    answer: file === null ? null : path.join(h.dir, file),
    now: () => h.clock.now,
    chooseIcsPath: async (name) => {
      ports.dialogs.push(name);
      return ports.answer;
    },
    applyLaunchAtLogin: (enabled) => void ports.applied.push(enabled),
  };
  return ports;
}

async function setup(file: string | null = 'out.ics', supported = false): Promise<{ api: RemindersApi; ports: FakePorts }> {
  h = await makeHarness(DUE - 3 * DAY, { launchAtLoginSupported: supported });
  const ports = fakePorts(h, file);
  const api = createReminderHandlers(h.service, ports);
  await api['reminders:sync']({
    deadlines: [
      deadline(),
      deadline({ id: 'd2', label: '商家处理', dueAt: DUE + DAY, offsetsMin: [120] }),
      deadline({ id: 'd3', caseId: 'c2', caseTitle: '会员重复扣款, 要求退款', label: '12315 受理', dueAt: DUE + 2 * DAY }),
      deadline({ id: 'd4', label: '已完成的期限', done: true }),
    ],
  });
  return { api, ports };
}

function parse(ics: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
}

function triggers(vevent: ICAL.Component): number[] {
  return vevent.getAllSubcomponents('valarm').map((alarm) => {
    const trigger = alarm.getFirstPropertyValue('trigger');
    if (!(trigger instanceof ICAL.Duration)) throw new Error('TRIGGER is not a duration');
    return trigger.toSeconds();
  });
}

describe('reminders:exportIcs', () => {
  it("writes one case's open deadlines as an .ics that ical.js reads back, Chinese text and alarms intact", async () => {
    const { api, ports } = await setup();
    const res = await api['reminders:exportIcs']({ caseId: 'c1' });
    expect(res).toEqual({ saved: true, path: path.join(h.dir, 'out.ics'), count: 2 });
    expect(ports.dialogs).toEqual(['留证期限-游戏点卡卡密无效-20261007.ics']);

    const ics = await readFile(path.join(h.dir, 'out.ics'), 'utf8');
    expect(ics).toContain('\r\nEND:VCALENDAR\r\n');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('留证 期限：游戏点卡卡密无效');
    const events = parse(ics);
    const parsed = events.map((v) => new ICAL.Event(v));
    expect(parsed.map((e) => e.summary)).toEqual(['平台审核 · 游戏点卡卡密无效', '商家处理 · 游戏点卡卡密无效']);
    expect(parsed.map((e) => e.uid)).toEqual(['d1@liuzheng', 'd2@liuzheng']);
    expect(parsed.map((e) => e.startDate.toUnixTime() * 1000)).toEqual([DUE, DUE + DAY]);
    expect(parsed[0]?.description).toContain('截止：2026年10月10日 23:59（北京时间）');
    expect(events.map(triggers)).toEqual([[-86_400, -7_200, 0], [-7_200]]);
    expect(await readdir(h.dir)).not.toContainEqual(expect.stringMatching(/\.tmp$/));
  });

  it('exports every case when no case is given, escaping commas in titles', async () => {
    const { api, ports } = await setup();
    const res = await api['reminders:exportIcs']({});
    expect(res).toMatchObject({ saved: true, count: 3 });
    expect(ports.dialogs).toEqual(['留证期限-20261007.ics']);
    const parsed = parse(await readFile(path.join(h.dir, 'out.ics'), 'utf8')).map((v) => new ICAL.Event(v));
    expect(parsed.map((e) => e.summary)).toEqual(['平台审核 · 游戏点卡卡密无效', '商家处理 · 游戏点卡卡密无效', '12315 受理 · 会员重复扣款, 要求退款']);
  });

  it('leaves out a deadline marked done from a notification, as main knows it', async () => {
    const { api } = await setup();
    await api['reminders:done']({ id: 'd2' });
    const res = await api['reminders:exportIcs']({ caseId: 'c1' });
    expect(res).toMatchObject({ saved: true, count: 1 });
  });

  it('reports a cancelled dialog and writes nothing', async () => {
    const { api, ports } = await setup(null);
    expect(await api['reminders:exportIcs']({ caseId: 'c2' })).toEqual({ saved: false, reason: 'cancelled' });
    expect(ports.dialogs).toHaveLength(1);
    expect(await readdir(h.dir)).toEqual(['reminders.json']);
  });

  it('opens no dialog when there is nothing to export', async () => {
    const { api, ports } = await setup();
    expect(await api['reminders:exportIcs']({ caseId: 'c9' })).toEqual({ saved: false, reason: 'empty' });
    expect(ports.dialogs).toEqual([]);
  });
});

describe('reminders:settings', () => {
  it('is off by default and stays off where the OS cannot launch at login', async () => {
    const { api, ports } = await setup();
    expect(await api['reminders:settings']({})).toEqual({ launchAtLogin: false, launchAtLoginSupported: false });
    expect(await api['reminders:settings']({ launchAtLogin: true })).toEqual({ launchAtLogin: false, launchAtLoginSupported: false });
    expect(ports.applied).toEqual([]);
  });

  it('applies the login item, stores the choice, and keeps it across a restart', async () => {
    const { api, ports } = await setup('out.ics', true);
    expect(await api['reminders:settings']({ launchAtLogin: true })).toEqual({ launchAtLogin: true, launchAtLoginSupported: true });
    expect(ports.applied).toEqual([true]);
    await h.restart();
    expect(await h.service.settings()).toEqual({ launchAtLogin: true, launchAtLoginSupported: true });
    expect((await h.service.state()).settings.launchAtLogin).toBe(true);
  });
});

describe('reminders:snooze / done / state through the handlers', () => {
  it('returns the action and the state main keeps', async () => {
    const { api } = await setup();
    await h.clock.advanceTo(DUE - DAY, h.service);
    const action = await api['reminders:snooze']({ id: 'd1', minutes: 60 });
    expect(action).toMatchObject({ action: 'snooze', id: 'd1', snoozedUntil: DUE - DAY + HOUR });
    const state = await api['reminders:state']({});
    expect(state.pendingActions).toEqual([action]);
    expect(state.openCount).toBe(3);
    expect(state.nextWakeAt).toBe(DUE - DAY + HOUR);
  });
});

describe('remindersSchemas', () => {
  const sync = remindersSchemas['reminders:sync'];
  const valid = { deadlines: [deadline(), deadline({ id: 'd2', snoozedUntil: undefined, createdAt: undefined })] };

  it('accepts what the renderer sends', () => {
    expect(sync.safeParse(valid).success).toBe(true);
    expect(sync.safeParse({ deadlines: [] }).success).toBe(true);
  });

  it.each([
    ['duplicate ids', { deadlines: [deadline(), deadline()] }],
    ['an id that could break a key', { deadlines: [deadline({ id: 'a|b' })] }],
    ['a fractional time', { deadlines: [deadline({ dueAt: DUE + 0.5 })] }],
    ['a non-finite time', { deadlines: [deadline({ dueAt: Number.POSITIVE_INFINITY })] }],
    ['too many offsets', { deadlines: [deadline({ offsetsMin: [1, 2, 3, 4, 5, 6, 7, 8, 9] })] }],
    ['an empty label', { deadlines: [deadline({ label: '' })] }],
    ['an unknown field', { deadlines: [{ ...deadline(), path: '/etc/passwd' }] }],
  ])('refuses %s', (_name, req) => {
    expect(sync.safeParse(req).success).toBe(false);
  });

  it('bounds snoozes and refuses stray fields elsewhere', () => {
    const snooze = remindersSchemas['reminders:snooze'];
    expect(snooze.safeParse({ id: 'd1', minutes: 60 }).success).toBe(true);
    expect(snooze.safeParse({ id: 'd1', minutes: 0 }).success).toBe(false);
    expect(snooze.safeParse({ id: 'd1', minutes: 8 * 24 * 60 }).success).toBe(false);
    expect(remindersSchemas['reminders:exportIcs'].safeParse({}).success).toBe(true);
    expect(remindersSchemas['reminders:exportIcs'].safeParse({ caseId: '../x' }).success).toBe(false);
    expect(remindersSchemas['reminders:settings'].safeParse({ launchAtLogin: 'yes' }).success).toBe(false);
    expect(remindersSchemas['reminders:state'].safeParse({ x: 1 }).success).toBe(false);
  });
});
