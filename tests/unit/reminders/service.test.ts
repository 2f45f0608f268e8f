import { afterEach, describe, expect, it } from 'vitest';
import { MAX_TIMER_DELAY_MS, ReminderError } from '../../../electron/main/reminders/service';
import { DAY, DUE, HOUR, MIN, brief, deadline, makeHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h.cleanup();
});

describe('scheduling from a sync', () => {
  it('fires at 1 day, 2 hours and at the deadline, each on time and once', async () => {
    h = await makeHarness(DUE - 3 * DAY);
    const state = await h.service.sync([deadline()]);
    expect(h.notified).toEqual([]);
    expect(state.nextWakeAt).toBe(DUE - DAY);
    expect(state.openCount).toBe(1);

    await h.clock.advanceTo(DUE + DAY, h.service);
    expect(h.notified.map(brief)).toEqual(['d1:1440', 'd1:120', 'd1:0']);
    expect(h.notified.map((r) => r.shownAt)).toEqual([DUE - DAY, DUE - 2 * HOUR, DUE]);
    expect(h.notified.map((r) => [r.caseTitle, r.label, r.caseId])).toEqual(Array(3).fill(['游戏点卡卡密无效', '平台审核', 'c1']));
    expect(h.batches).toHaveLength(3);
    expect((await h.service.state()).nextWakeAt).toBeNull();
    expect(h.clock.pending()).toEqual([]);
    expect(h.errors).toEqual([]);
  });

  it('skips offsets already past when the deadline was created', async () => {
    h = await makeHarness(DUE - 3 * HOUR);
    await h.service.sync([deadline({ createdAt: DUE - 3 * HOUR })]);
    expect(h.notified).toEqual([]);
    await h.clock.advanceTo(DUE, h.service);
    expect(h.notified.map(brief)).toEqual(['d1:120', 'd1:0']);
  });

  it('re-arms the reminders of a deadline that was moved', async () => {
    h = await makeHarness(DUE - 3 * DAY);
    await h.service.sync([deadline()]);
    await h.clock.advanceTo(DUE - DAY, h.service);
    await h.service.sync([deadline({ dueAt: DUE + 2 * DAY })]);
    await h.clock.advanceTo(DUE + 2 * DAY, h.service);
    expect(h.notified.map((r) => `${brief(r)}@${(r.dueAt - DUE) / DAY}`)).toEqual(['d1:1440@0', 'd1:1440@2', 'd1:120@2', 'd1:0@2']);
  });

  it('never arms a timer longer than a day, however far the deadline is', async () => {
    h = await makeHarness(DUE - 60 * DAY);
    const state = await h.service.sync([deadline({ createdAt: DUE - 90 * DAY })]);
    expect(state.nextWakeAt).toBe(DUE - DAY);
    expect(state.timerAt).toBe(DUE - 60 * DAY + MAX_TIMER_DELAY_MS);
    expect(h.clock.pending().map((t) => t.delay)).toEqual([MAX_TIMER_DELAY_MS]);

    await h.clock.advanceTo(DUE - DAY - MIN, h.service);
    expect(h.notified).toEqual([]);
    await h.clock.advanceTo(DUE, h.service);
    expect(h.notified.map(brief)).toEqual(['d1:1440', 'd1:120', 'd1:0']);
    // setTimeout overflows past 2^31-1 ms and would fire at once.
    expect(Math.max(...h.clock.delays)).toBeLessThanOrEqual(MAX_TIMER_DELAY_MS);
    expect(h.clock.delays.length).toBeGreaterThanOrEqual(59);
  });
});

describe('restart and downtime', () => {
  it('does not repeat what was shown before a restart', async () => {
    h = await makeHarness(DUE - 3 * DAY);
    await h.service.sync([deadline()]);
    await h.clock.advanceTo(DUE - DAY + HOUR, h.service);
    expect(h.notified.map(brief)).toEqual(['d1:1440']);

    await h.restart();
    expect(await h.service.resume()).toEqual([]);
    // The renderer syncs its list again after the window opens; nothing is shown twice.
    await h.service.sync([deadline()]);
    await h.clock.advanceTo(DUE + HOUR, h.service);
    expect(h.notified.map(brief)).toEqual(['d1:1440', 'd1:120', 'd1:0']);
  });

  it('shows one missed reminder per deadline when the app was closed over several offsets', async () => {
    h = await makeHarness(DUE - 3 * DAY);
    await h.service.sync([deadline(), deadline({ id: 'd2', caseId: 'c2', caseTitle: '会员重复扣款', dueAt: DUE + 5 * HOUR })]);
    await h.restart(DUE - 30 * MIN);

    const fired = await h.service.resume();
    expect(fired.map(brief)).toEqual(['d1:120 missed', 'd2:1440 missed']);
    const state = await h.service.state();
    expect(state.missed.map(brief)).toEqual(['d1:120 missed', 'd2:1440 missed']);
    expect(state.lastResumeAt).toBe(DUE - 30 * MIN);

    await h.clock.advanceTo(DUE + 5 * HOUR, h.service);
    expect(h.notified.map(brief)).toEqual(['d1:120 missed', 'd2:1440 missed', 'd1:0', 'd2:120', 'd2:0']);
  });

  it('collapses a long sleep to one reminder per deadline, then carries on without repeats', async () => {
    h = await makeHarness(DUE - 3 * DAY);
    await h.service.sync([deadline(), deadline({ id: 'd2', dueAt: DUE + HOUR })]);
    h.clock.sleep(3 * DAY + 10 * MIN);

    const fired = await h.service.resume();
    expect(fired.map(brief)).toEqual(['d1:0 missed overdue', 'd2:120 missed']);
    expect(h.batches).toEqual([fired]);

    // The timer armed before the sleep still goes off late; it must find nothing left to repeat.
    await h.clock.advanceTo(DUE + DAY, h.service);
    expect(h.notified.map(brief)).toEqual(['d1:0 missed overdue', 'd2:120 missed', 'd2:0']);
    expect(new Set(h.notified.map((r) => r.key)).size).toBe(h.notified.length);
  });

  it('treats a resume with nothing missed as a no-op', async () => {
    h = await makeHarness(DUE - 3 * DAY);
    await h.service.sync([deadline()]);
    expect(await h.service.resume()).toEqual([]);
    expect((await h.service.state()).missed).toEqual([]);
    expect(h.clock.pending()).toHaveLength(1);
  });
});

describe('snooze', () => {
  it('holds every reminder until the snooze ends, then reminds once', async () => {
    h = await makeHarness(DUE - 3 * DAY);
    await h.service.sync([deadline()]);
    await h.clock.advanceTo(DUE - DAY, h.service);

    const action = await h.service.snooze('d1', 30);
    expect(action).toEqual({ action: 'snooze', id: 'd1', dueAt: DUE, at: DUE - DAY, snoozedUntil: DUE - DAY + 30 * MIN });
    expect((await h.service.state()).nextWakeAt).toBe(DUE - DAY + 30 * MIN);

    await h.clock.advanceTo(DUE, h.service);
    expect(h.notified.map(brief)).toEqual(['d1:1440', 'd1:snooze', 'd1:120', 'd1:0']);
  });

  it('never snoozes past the deadline itself', async () => {
    h = await makeHarness(DUE - 3 * HOUR);
    await h.service.sync([deadline({ createdAt: DUE - 3 * HOUR })]);
    await h.clock.advanceTo(DUE - 2 * HOUR, h.service);
    const action = await h.service.snooze('d1', 180);
    expect(action.action === 'snooze' && action.snoozedUntil).toBe(DUE);
    await h.clock.advanceTo(DUE + DAY, h.service);
    expect(h.notified.map(brief)).toEqual(['d1:120', 'd1:0']);
  });

  it('snoozes an overdue deadline by the full amount', async () => {
    h = await makeHarness(DUE - HOUR);
    await h.service.sync([deadline()]);
    await h.clock.advanceTo(DUE, h.service);
    await h.service.snooze('d1', 60);
    await h.clock.advanceTo(DUE + 2 * HOUR, h.service);
    expect(h.notified.map(brief)).toEqual(['d1:120 missed', 'd1:0', 'd1:snooze overdue']);
  });

  it('keeps a notification snooze through a stale sync until the renderer has it', async () => {
    h = await makeHarness(DUE - 3 * DAY);
    await h.service.sync([deadline()]);
    await h.clock.advanceTo(DUE - 3 * HOUR, h.service);
    const action = await h.service.snooze('d1', 120);
    if (action.action !== 'snooze') throw new Error('expected a snooze');

    // The renderer, not yet told, syncs its old copy: the snooze still holds the 2-hour reminder.
    let state = await h.service.sync([deadline()]);
    expect(state.pendingActions).toEqual([action]);
    await h.clock.advanceTo(DUE - 2 * HOUR + MIN, h.service);
    expect(h.notified.map(brief)).toEqual(['d1:1440']);

    state = await h.service.sync([deadline({ snoozedUntil: action.snoozedUntil })]);
    expect(state.pendingActions).toEqual([]);
    await h.clock.advanceTo(DUE, h.service);
    // The snooze's end stands for the held 2-hour reminder: one notification, not two.
    expect(h.notified.map(brief)).toEqual(['d1:1440', 'd1:snooze', 'd1:0']);
  });

  it('refuses an id it does not know', async () => {
    h = await makeHarness(DUE - DAY);
    await h.service.sync([deadline()]);
    await expect(h.service.snooze('nope', 10)).rejects.toBeInstanceOf(ReminderError);
    await expect(h.service.done('nope')).rejects.toMatchObject({ code: 'not-found' });
    // A refused call leaves the service working.
    expect((await h.service.state()).openCount).toBe(1);
  });
});

describe('done', () => {
  it('stops all reminders, survives a stale sync and a restart, and clears once acknowledged', async () => {
    h = await makeHarness(DUE - 3 * DAY);
    await h.service.sync([deadline(), deadline({ id: 'd2', dueAt: DUE + DAY })]);
    await h.clock.advanceTo(DUE - DAY, h.service);
    const action = await h.service.done('d1');
    expect(action).toEqual({ action: 'done', id: 'd1', dueAt: DUE, at: DUE - DAY });

    let state = await h.service.sync([deadline(), deadline({ id: 'd2', dueAt: DUE + DAY })]);
    expect(state.openCount).toBe(1);
    expect(state.pendingActions).toEqual([action]);

    await h.restart();
    await h.service.resume();
    await h.clock.advanceTo(DUE + 2 * DAY, h.service);
    expect(h.notified.map(brief)).toEqual(['d1:1440', 'd2:1440', 'd2:120', 'd2:0']);

    state = await h.service.sync([deadline({ done: true }), deadline({ id: 'd2', dueAt: DUE + DAY })]);
    expect(state.pendingActions).toEqual([]);
    state = await h.service.sync([deadline({ id: 'd2', dueAt: DUE + DAY })]);
    expect(state.nextWakeAt).toBeNull();
    expect(h.clock.pending()).toEqual([]);
  });

  it('lets a deadline with nothing left to remind close the window normally', async () => {
    h = await makeHarness(DUE - DAY - HOUR);
    await h.service.sync([deadline()]);
    expect(h.service.snapshot().nextWakeAt).toBe(DUE - DAY);
    expect(h.service.snapshot().upcoming.map((d) => d.id)).toEqual(['d1']);
    await h.service.done('d1');
    expect(h.service.snapshot()).toEqual({ upcoming: [], nextWakeAt: null });
  });
});
