// A 卡盟 case in the store, on real Dexie, with main's real reminder service and secret box behind
// the test API: the same-day deadline with its first reminder at once, secrets stored only sealed,
// and an export that hands main the sealed values rather than the text.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_CASE_INPUT } from '../../../shared/domain/caseForm';
import { EMPTY_COMPLAINANT, EMPTY_COMPLAINT_FACTS, EMPTY_RESPONDENT } from '../../../shared/bundle/types';
import { missingCardShopFields } from '../../../shared/cardshop/record';
import { createReminderHandlers } from '../../../electron/main/reminders/handlers';
import { fileKeyBox } from '../../../electron/main/secrets/box';
import { createCardShopHandlers } from '../../../electron/main/secrets/handlers';
import { createBundleService } from '../../../electron/main/bundle';
import { createBundleHandlers } from '../../../electron/main/bundle/handlers';
import { createRedactionSource } from '../../../electron/main/bundle/redactions';
import { makeHarness, type Harness } from '../reminders/harness';
import { startMain, type MainInProcess } from './mainInProcess';
import { testClock, testStore, type TestStore } from './testStore';

let dir: string;
let h: Harness;
let main: MainInProcess;
let app: TestStore;
let dbCount = 0;
const START = '2026-11-17T20:05:00';
const CARD = 'K7M2-Q9X4-ZP3L-8WRT';

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-cardshop-'));
  // 20:05 Asia/Shanghai on the order's day, for main and for the store alike.
  h = await makeHarness(Date.UTC(2026, 10, 17, 12, 5, 0));
  const reminders = createReminderHandlers(h.service, { chooseIcsPath: async () => null, applyLaunchAtLogin: () => undefined, now: () => h.clock.now });
  main = startMain(path.join(dir, 'vault'), () => ({ ...reminders, ...createCardShopHandlers(fileKeyBox(path.join(dir, 'data'))) }), () => h.clock.now);
  app = testStore(main.api, `cardshop-${dbCount++}`, testClock(START));
});

afterEach(async () => {
  app.db.close();
  await app.db.delete();
  await h.cleanup();
  await rm(dir, { recursive: true, force: true });
});

const kameng = { ...EMPTY_CASE_INPUT, title: '发卡网点卡卡密无效', platform: 'kameng' as const, purchasedAt: '2026-11-17T20:00', orderNumber: 'T20261117200012345' };

describe('a 卡盟 case', () => {
  it('gets its 当天投诉 deadline on save, reminded at once, and only once per order day', async () => {
    const id = await app.store.getState().saveCase(kameng);
    const deadlines = await app.deps.deadlines.listAll();
    expect(deadlines.map((d) => [d.presetId, d.due, d.offsetsMin])).toEqual([['card-shop-same-day', '2026-11-17T23:59:59', [235, 120, 30, 0]]]);
    expect(h.notified.map((r) => [r.label, r.offsetMin, r.missed])).toEqual([['卡盟当天投诉', 235, false]]);
    await app.store.getState().saveCase({ ...kameng, title: '改名' }, id);
    expect(await app.deps.deadlines.listAll()).toHaveLength(1);
  });

  it('gets nothing when the day is over or the case is no card shop’s', async () => {
    await app.store.getState().saveCase({ ...kameng, purchasedAt: '2026-11-16T20:00' });
    await app.store.getState().saveCase({ ...kameng, platform: 'taobao' });
    expect(await app.deps.deadlines.listAll()).toEqual([]);
  });

  it('keeps both of two edits started together (Enter in one field, then the next field’s)', async () => {
    const id = await app.store.getState().saveCase(kameng);
    const s = app.store.getState();
    await s.loadCardShop(id);
    await Promise.all([
      s.saveCardShop(id, { paymentTxn: '2026111722001412345678901234' }),
      s.saveCardShop(id, { paymentTxn: '2026111722001412345678901234' }),
      s.saveCardShop(id, { ticketUrl: 'https://ka.example.com/complaint' }),
      s.setCardShopSecret(id, 'cardCode', CARD),
    ]);
    const want = { paymentTxn: '2026111722001412345678901234', ticketUrl: 'https://ka.example.com/complaint' };
    expect(app.store.getState().cardShop?.record).toMatchObject(want);
    const row = await app.db.caseDetails.get(id);
    expect(row?.cardShop).toMatchObject(want);
    expect(row?.cardShop.cardCodeSealed.startsWith('fk1:')).toBe(true);
  });

  it('shows the newest export check, whichever finishes last', async () => {
    // The first check (平台申诉) answers late, after the one for 12315 that the buyer switched to.
    const vaultDir = path.join(dir, 'vault-preflight');
    const none = async (): Promise<null> => null;
    const withBundle = startMain(vaultDir, () => createBundleHandlers(createBundleService({ vaultDir }), { chooseSavePath: none, chooseFolder: none }, createRedactionSource(vaultDir), fileKeyBox(path.join(dir, 'data'))));
    let calls = 0;
    const slowFirst = { ...withBundle.api, preflightBundle: async (req: Parameters<typeof withBundle.api.preflightBundle>[0]) => {
      const n = calls++;
      const res = await withBundle.api.preflightBundle(req);
      if (n === 0) await new Promise((r) => setTimeout(r, 300));
      return res;
    } };
    const late = testStore(slowFirst, `cardshop-late-${dbCount++}`, testClock(START));
    try {
      const id = await late.store.getState().saveCase(kameng);
      await late.store.getState().navigate({ name: 'case', caseId: id });
      const form = { request: '', statement: '', complainant: EMPTY_COMPLAINANT, respondent: EMPTY_RESPONDENT, complaint: EMPTY_COMPLAINT_FACTS };
      const s = late.store.getState();
      await Promise.all([s.runPreflight({ ...form, target: 'platform' }, null, false, (e) => e.detail), s.runPreflight({ ...form, target: '12315' }, null, false, (e) => e.detail)]);
      expect(calls).toBe(2);
      expect(late.store.getState().exportError).toBeNull();
      // 12315 needs the buyer's own consents; the late 平台申诉 answer must not hide that.
      expect(late.store.getState().preflight?.errors.length).toBeGreaterThan(0);
    } finally {
      late.db.close();
      await late.db.delete();
    }
  });

  it('stores the 卡密 only sealed, opens it on request, and exports with the sealed values', async () => {
    const id = await app.store.getState().saveCase(kameng);
    await app.store.getState().navigate({ name: 'case', caseId: id });
    const s = app.store.getState();
    await s.loadCardShop(id);
    expect(await s.setCardShopSecret(id, 'cardCode', CARD)).toBe(true);
    await s.saveCardShop(id, { domain: 'ka.example.com' });
    const row = await app.db.caseDetails.get(id);
    expect(row?.cardShop.cardCodeSealed.startsWith('fk1:')).toBe(true);
    expect(JSON.stringify(row)).not.toContain(CARD);
    expect(await app.store.getState().revealCardShopSecret('cardCode')).toBe(CARD);
    expect(missingCardShopFields(app.store.getState().cardShop?.record ?? row?.cardShop ?? s.cardShop?.record ?? { domain: '', contact: '', queryPasswordSealed: '', cardCodeSealed: '', paymentTxn: '', ticketUrl: '', showSecrets: false }, kameng.orderNumber)).toEqual(['contact', 'queryPassword', 'paymentTxn', 'ticketUrl']);

    const form = { target: '12315' as const, request: '', statement: '', complainant: EMPTY_COMPLAINANT, respondent: EMPTY_RESPONDENT, complaint: EMPTY_COMPLAINT_FACTS };
    await app.store.getState().runPreflight(form, null, false, (e) => e.detail);
    const call = main.calls.find((c) => c.channel === 'bundle:preflight');
    const sent = JSON.stringify(call?.req);
    expect(sent).not.toContain(CARD);
    expect(sent).toContain(row?.cardShop.cardCodeSealed);
    expect(sent).toContain('"show":false');
  });
});
