// A buyer edits a deadline's reminder offsets: the renderer re-syncs the deadline with the new offsets
// and, as createdAt, the time of the edit (remindersFrom), and main follows the new schedule.
import { afterEach, describe, expect, it } from 'vitest';
import { remindersFrom } from '../../../shared/deadlines/offsets';
import { DAY, DUE, HOUR, MIN, brief, deadline, makeHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h.cleanup();
});

const CREATED = DUE - 3 * DAY;

/** What the renderer syncs for deadline d1 after an edit at `editedAt`. */
const edited = (offsetsMin: number[], editedAt: number) => deadline({ offsetsMin, createdAt: remindersFrom({ createdAt: CREATED, offsetsEditedAt: editedAt }) });

describe('edited offsets', () => {
  it('fires on the new offsets only, and an added offset already past never fires', async () => {
    h = await makeHarness(CREATED);
    await h.service.sync([deadline({ createdAt: CREATED })]);
    const editAt = DUE - 2 * DAY + HOUR;
    await h.clock.advanceTo(editAt, h.service);
    await h.service.sync([edited([2 * 1440 + 120, 30, 0], editAt)]);
    expect(h.notified).toEqual([]);
    expect((await h.service.state()).nextWakeAt).toBe(DUE - 30 * MIN);
    await h.clock.advanceTo(DUE + HOUR, h.service);
    expect(h.notified.map(brief)).toEqual(['d1:30', 'd1:0']);
    expect(h.notified.map((r) => r.shownAt)).toEqual([DUE - 30 * MIN, DUE]);
  });

  it('without the edit time, a past offset would fire at once as missed (why remindersFrom exists)', async () => {
    h = await makeHarness(CREATED);
    await h.service.sync([deadline({ createdAt: CREATED })]);
    await h.clock.advanceTo(DUE - 2 * DAY + HOUR, h.service);
    await h.service.sync([deadline({ createdAt: CREATED, offsetsMin: [2 * 1440 + 120, 30, 0] })]);
    expect(h.notified.map(brief)).toEqual(['d1:3000 missed']);
  });

  it('does not repeat a reminder that was removed after it fired and then added back', async () => {
    h = await makeHarness(CREATED);
    await h.service.sync([deadline({ createdAt: CREATED })]);
    await h.clock.advanceTo(DUE - DAY + MIN, h.service);
    expect(h.notified.map(brief)).toEqual(['d1:1440']);
    await h.service.sync([edited([120, 0], DUE - DAY + 2 * MIN)]);
    await h.service.sync([edited([1440, 120, 0], DUE - DAY + 3 * MIN)]);
    await h.clock.advanceTo(DUE + MIN, h.service);
    expect(h.notified.map(brief)).toEqual(['d1:1440', 'd1:120', 'd1:0']);
  });

  it('an emptied list silences the deadline', async () => {
    h = await makeHarness(CREATED);
    await h.service.sync([edited([], CREATED + MIN)]);
    expect((await h.service.state()).nextWakeAt).toBeNull();
    await h.clock.advanceTo(DUE + DAY, h.service);
    expect(h.notified).toEqual([]);
  });
});
