// The cases and deadlines slices on real Dexie, with main's real integrity services and a real
// reminder service (over a temp folder, on the reminder harness's clock) behind the test API.
// The renderer's clock is the store's deps.now; the reminder service has its own, as in the app.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_CASE_INPUT } from '../../../shared/domain/caseForm';
import { createReminderHandlers } from '../../../electron/main/reminders/handlers';
import { makeHarness, type Harness } from '../reminders/harness';
import { startMain, type MainInProcess } from './mainInProcess';
import { testStore, type TestStore } from './testStore';

let dir: string;
let h: Harness;
let main: MainInProcess;
let app: TestStore;
let dbCount = 0;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-cases-'));
  // 2026-11-01T10:00 Asia/Shanghai, the same moment the store's test clock starts at.
  h = await makeHarness(Date.UTC(2026, 10, 1, 2, 0, 0));
  const reminders = createReminderHandlers(h.service, { chooseIcsPath: async () => null, applyLaunchAtLogin: () => undefined, now: () => h.clock.now });
  main = startMain(path.join(dir, 'vault'), () => reminders);
  app = testStore(main.api, `cases-${dbCount++}`);
});

afterEach(async () => {
  app.db.close();
  await app.db.delete();
  await h.cleanup();
  await rm(dir, { recursive: true, force: true });
});

const history = async (caseId: string) => {
  const res = await main.api.caseHistory({ caseId });
  if (!res.ok) throw new Error(res.error.message);
  return res.value.entries.map((e) => [e.action, e.detail]);
};

describe('cases', () => {
  it('saveCase creates a case with its first event and audit entry; a status change is its own event, logged from → to', async () => {
    const s = app.store.getState();
    const id = await s.saveCase({ ...EMPTY_CASE_INPUT, title: '点卡卡密无效', platform: 'kameng', issueType: 'other' });
    expect(app.store.getState().cases.map((c) => [c.id, c.title, c.status])).toEqual([[id, '点卡卡密无效', 'collecting']]);
    await s.saveCase({ ...EMPTY_CASE_INPUT, title: '点卡卡密无效', platform: 'kameng', issueType: 'other', status: 'closed' }, id);
    const events = await app.deps.repo.listEvents(id);
    expect(events.map((e) => [e.type, e.status])).toEqual([
      ['case-created', 'collecting'],
      ['status-changed', 'closed'],
    ]);
    expect(await history(id)).toEqual([
      ['case', '新建案件「点卡卡密无效」'],
      ['status', '收集证据 → 结案'],
    ]);
    // Created stays the first save's time; updated moves.
    const [record] = app.store.getState().cases;
    expect(record && record.createdAt < record.updatedAt).toBe(true);
  });

  it('loadCases lists the most recently changed case first, with evidence counts', async () => {
    const s = app.store.getState();
    const older = await s.saveCase({ ...EMPTY_CASE_INPUT, title: '旧', platform: 'jd', issueType: 'other' });
    const newer = await s.saveCase({ ...EMPTY_CASE_INPUT, title: '新', platform: 'jd', issueType: 'other' });
    expect(app.store.getState().cases.map((c) => c.id)).toEqual([newer, older]);
    await s.saveCase({ ...EMPTY_CASE_INPUT, title: '旧（改）', platform: 'jd', issueType: 'other' }, older);
    expect(app.store.getState().cases.map((c) => c.id)).toEqual([older, newer]);
    expect(app.store.getState().evidenceCounts).toEqual({ [older]: 0, [newer]: 0 });
  });
});

describe('deadlines', () => {
  it('a status change with deadlines waits for the buyer; confirming saves the status, adds the chosen ones and mirrors them to main', async () => {
    const s = app.store.getState();
    const id = await s.saveCase({ ...EMPTY_CASE_INPUT, title: '未发货', platform: 'taobao', issueType: 'other' });
    await s.requestStatusChange(id, 'refund-requested');
    const pending = app.store.getState().pendingTransition;
    expect(pending?.plan.deadlines.map((d) => d.presetId)).toEqual(['platform-review']);
    // Nothing is saved until the buyer confirms.
    expect(app.store.getState().cases[0]?.status).toBe('collecting');

    await app.store.getState().confirmTransition(['platform-review']);
    const state = app.store.getState();
    expect(state.pendingTransition).toBeNull();
    expect(state.cases[0]?.status).toBe('refund-requested');
    expect(state.deadlines.map((d) => [d.caseId, d.presetId, d.done])).toEqual([[id, 'platform-review', false]]);
    expect(state.deadlines[0]?.start.slice(0, 10)).toBe('2026-11-01');
    expect((await app.deps.repo.listEvents(id)).map((e) => e.type)).toEqual(['case-created', 'status-changed', 'deadline-added']);
    expect(state.reminderState?.openCount).toBe(1);
  });

  it('cancelling keeps the old status and adds nothing; a change without deadlines saves at once', async () => {
    const s = app.store.getState();
    const id = await s.saveCase({ ...EMPTY_CASE_INPUT, title: '退款', platform: 'jd', issueType: 'other' });
    await s.requestStatusChange(id, 'refund-requested');
    app.store.getState().cancelTransition();
    expect(app.store.getState().pendingTransition).toBeNull();
    expect(app.store.getState().cases[0]?.status).toBe('collecting');
    expect(await app.deps.deadlines.listAll()).toEqual([]);
    await app.store.getState().requestStatusChange(id, 'closed');
    expect(app.store.getState().pendingTransition).toBeNull();
    expect(app.store.getState().cases[0]?.status).toBe('closed');
  });

  it('marking a deadline done records it on the timeline and main stops reminding', async () => {
    const s = app.store.getState();
    const id = await s.saveCase({ ...EMPTY_CASE_INPUT, title: '卖家不回', platform: 'pdd', issueType: 'other', status: 'refund-requested' });
    await s.requestStatusChange(id, 'awaiting-seller');
    await app.store.getState().confirmTransition(['seller-response']);
    const [d] = app.store.getState().deadlines;
    if (!d) throw new Error('no deadline');
    expect(app.store.getState().reminderState?.openCount).toBe(1);
    await app.store.getState().markDeadlineDone(d.id);
    expect(app.store.getState().deadlines[0]?.done).toBe(true);
    expect((await app.deps.repo.listEvents(id)).at(-1)).toMatchObject({ type: 'deadline-done', detail: d.label });
    expect(app.store.getState().reminderState?.openCount).toBe(0);
  });

  it('edited reminder offsets are normalised and reach main', async () => {
    const s = app.store.getState();
    const id = await s.saveCase({ ...EMPTY_CASE_INPUT, title: '申诉', platform: 'douyin', issueType: 'other' });
    await s.requestStatusChange(id, 'refund-requested');
    await app.store.getState().confirmTransition(['platform-review']);
    const [d] = app.store.getState().deadlines;
    await app.store.getState().setDeadlineOffsets(d?.id ?? '', [60, 1440, 60, 0]);
    expect(app.store.getState().deadlines[0]?.offsetsMin).toEqual([1440, 60, 0]);
    const synced = main.calls.filter((c) => c.channel === 'reminders:sync').at(-1)?.req;
    expect(JSON.stringify(synced)).toContain('"offsetsMin":[1440,60,0]');
  });
});
