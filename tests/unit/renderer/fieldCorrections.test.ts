// Field review: loads of a case's extraction rows overlap (a correction, an OCR result arriving, a
// case refresh). An earlier read that finishes last must not put back rows from before the buyer's
// correction (times.spec caught two quick 保留 clicks falling back to none kept).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExtractionRecord } from '../../../shared/domain/review';
import { startMain } from './mainInProcess';
import { testClock, testStore, type TestStore } from './testStore';

const AT = '2026-11-20T10:00:00';
const KEY = 'orderNumber:3456789012345678901';

let dir: string;
let app: TestStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-corrections-'));
  app = testStore(startMain(path.join(dir, 'vault')).api, `corrections-${crypto.randomUUID()}`, testClock(AT));
});

afterEach(async () => {
  app.db.close();
  await app.db.delete();
  await rm(dir, { recursive: true, force: true });
});

describe('field corrections', () => {
  it('shows the correction when a load started before it finishes after it', async () => {
    const row: ExtractionRecord = {
      evidenceId: 'e1',
      caseId: 'c1',
      sha256: 'a'.repeat(64),
      source: 'ocr',
      messages: null,
      updatedAt: AT,
      corrections: {},
      extraction: { platform: 'taobao', kind: 'order', orderNumbers: [{ value: '3456789012345678901', confidence: 0.9, box: null, scheme: 'taobao' }], transactionIds: [], trackingNumbers: [], timestamps: [], amount: null, scam: false, scamSignals: [], text: '订单号 3456789012345678901' },
    };
    await app.db.extractions.put(row);
    app.store.setState({ route: { name: 'case', caseId: 'c1' } });

    // The first load reads now (no correction yet) and answers late, after the correction's own load.
    const forCase = app.deps.extractions.forCase.bind(app.deps.extractions);
    let calls = 0;
    app.deps.extractions.forCase = async (caseId) => {
      const rows = await forCase(caseId);
      if (calls++ === 0) await new Promise((done) => setTimeout(done, 300));
      return rows;
    };
    const early = app.store.getState().loadExtractions();
    await app.store.getState().correctField('e1', KEY, { status: 'confirmed', value: '3456789012345678901' });
    await early;

    expect(calls).toBe(2);
    expect(app.store.getState().extractions.e1?.corrections[KEY]).toEqual({ status: 'confirmed', value: '3456789012345678901' });
  });
});
