import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHOWN_RETENTION_MS } from '../../../electron/main/reminders/service';
import { REMINDERS_FILE } from '../../../electron/main/reminders/store';
import { DAY, DUE, HOUR, brief, deadline, makeHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h.cleanup();
});

describe('reminders.json', () => {
  it('is complete and valid after every call, and matches what the service reports', async () => {
    h = await makeHarness(DUE - 3 * DAY);
    const d2 = deadline({ id: 'd2', caseId: 'c2', caseTitle: '重复下单', dueAt: DUE + DAY });

    await h.service.sync([deadline(), d2]);
    let file = await h.readFile();
    expect(file.deadlines.map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(file.shown).toEqual([]);

    await h.clock.advanceTo(DUE - DAY, h.service);
    file = await h.readFile();
    expect(file.shown).toEqual((await h.service.state()).shownKeys);
    expect(file.shown).toHaveLength(1);

    const snooze = await h.service.snooze('d1', 15);
    file = await h.readFile();
    expect(file.actions).toEqual([snooze]);

    const done = await h.service.done('d2');
    file = await h.readFile();
    expect(file.actions).toEqual([snooze, done]);

    await h.service.setLaunchAtLogin(true);
    file = await h.readFile();
    expect(file.settings).toEqual({ launchAtLogin: true });

    await h.service.resume();
    await h.readFile();
    expect(h.errors).toEqual([]);
  });

  it('starts empty when there is no file yet, without writing one until something changes', async () => {
    h = await makeHarness(DUE);
    const state = await h.service.resume();
    expect(state).toEqual([]);
    expect(await h.service.state()).toMatchObject({ openCount: 0, nextWakeAt: null, timerAt: null, shownKeys: [], pendingActions: [] });
    expect(await readdir(h.dir)).toEqual([]);
    expect(await h.service.settings()).toEqual({ launchAtLogin: false, launchAtLoginSupported: false });
  });

  it('moves an unreadable file aside, starts empty and says so', async () => {
    h = await makeHarness(DUE - DAY);
    await writeFile(path.join(h.dir, REMINDERS_FILE), '{"version":1,"deadlines":[{"id":');
    await h.service.resume();
    expect((await h.service.state()).openCount).toBe(0);
    expect(h.errors).toHaveLength(1);
    expect(String(h.errors[0])).toMatch(/moved to .*corrupt-/);
    const names = await readdir(h.dir);
    expect(names.filter((n) => n.startsWith(`${REMINDERS_FILE}.corrupt-`))).toHaveLength(1);

    // The next sync writes a fresh, valid schedule.
    await h.service.sync([deadline()]);
    expect((await h.readFile()).deadlines).toHaveLength(1);
  });

  it('rejects a file that parses but is not a schedule', async () => {
    h = await makeHarness(DUE - DAY);
    await writeFile(path.join(h.dir, REMINDERS_FILE), JSON.stringify({ version: 2, deadlines: 'x' }));
    await h.service.resume();
    expect(h.errors).toHaveLength(1);
    expect((await h.service.state()).openCount).toBe(0);
  });

  it('removes a temp file left by a write that was cut short', async () => {
    h = await makeHarness(DUE - DAY);
    await h.service.sync([deadline()]);
    await h.restart();
    await writeFile(path.join(h.dir, `${REMINDERS_FILE}.abc123.tmp`), '{"half":');
    await h.service.resume();
    expect(await readdir(h.dir)).toEqual([REMINDERS_FILE]);
    expect((await h.service.state()).openCount).toBe(1);
  });

  it('keeps shown keys when the renderer briefly syncs a partial list', async () => {
    h = await makeHarness(DUE - 3 * DAY);
    await h.service.sync([deadline()]);
    await h.clock.advanceTo(DUE - HOUR, h.service);
    expect(h.notified.map(brief)).toEqual(['d1:1440', 'd1:120']);

    await h.service.sync([]);
    await h.service.sync([deadline()]);
    await h.clock.advanceTo(DUE, h.service);
    expect(h.notified.map(brief)).toEqual(['d1:1440', 'd1:120', 'd1:0']);
  });

  it('forgets shown keys of deadlines long gone, so the file stays small', async () => {
    h = await makeHarness(DUE - 3 * DAY);
    await h.service.sync([deadline()]);
    await h.clock.advanceTo(DUE, h.service);
    expect((await h.readFile()).shown).toHaveLength(3);

    h.clock.now = DUE + SHOWN_RETENTION_MS + DAY;
    await h.service.sync([]);
    expect((await h.readFile()).shown).toEqual([]);
  });
});
