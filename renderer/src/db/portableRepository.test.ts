// The case import's single transaction, against fake-indexeddb (the db layer's one allowed fake);
// the e2e suite runs the same code on Chromium's IndexedDB.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseFolderImport } from '../../../shared/portable/contract';
import { importedCase } from '../../../shared/portable/mapping';
import { EMPTY_COMPLAINANT, EMPTY_COMPLAINT_FACTS, EMPTY_RESPONDENT } from '../../../shared/bundle/types';
import { openDb, type LiuZhengDb } from './db';
import { createPortableRepository } from './portableRepository';
import { createRepositories } from './repositories';

let db: LiuZhengDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

const blob = (n: number) => ({
  sha256: String(n).repeat(64),
  size: 3,
  originalName: `${n}.png`,
  mime: 'image/png',
  mediaType: 'image' as const,
  format: 'png',
  width: 1,
  height: 1,
  durationSec: null,
  capturedAt: '2026-11-15T20:00:00',
  captureSource: 'filename' as const,
  hasThumbnail: true,
});

const folder: CaseFolderImport = {
  dir: '/cases/a',
  case: {
    title: '导入的案件',
    target: '12315',
    platform: '京东',
    shop: '店',
    item: '物',
    orderNumber: '123',
    amount: '9.9',
    purchasedAt: '2026-11-15 20:31',
    issue: '未收到货',
    request: '退款',
    statement: '事实',
    complainant: { ...EMPTY_COMPLAINANT, name: '张三', phone: '13800138000', address: '上海' },
    respondent: { ...EMPTY_RESPONDENT, name: '店', address: '杭州' },
    complaint: { ...EMPTY_COMPLAINT_FACTS, requestKinds: [] },
    cardShop: null,
    events: [{ at: '2026-11-16 09:00', text: '联系客服' }],
  },
  evidence: [1, 2].map((n) => ({ blob: blob(n), kind: 'logistics' as const, title: `物流${n}`, purpose: '' })),
};

describe('portable repository', () => {
  it('stores the case, its details, evidence and events together', async () => {
    db = openDb(`test-${crypto.randomUUID()}`);
    let n = 0;
    const c = importedCase(folder, { caseId: 'c1', now: '2026-11-21T08:00:00', newId: () => `id${++n}` });
    await createPortableRepository(db).importCase(c);
    const repo = createRepositories(db);
    expect(await repo.getCase('c1')).toEqual(c.record);
    expect(await createPortableRepository(db).details('c1')).toEqual(c.details);
    expect((await repo.listEvidence('c1')).map((e) => e.title).sort()).toEqual(['物流1', '物流2']);
    expect((await repo.listEvents('c1')).map((e) => e.type)).toEqual(['note', 'case-imported']);
  });

  it('leaves nothing behind when one write fails', async () => {
    db = openDb(`test-${crypto.randomUUID()}`);
    // Two evidence rows with one id: bulkAdd fails after the case and details were written.
    const c = importedCase(folder, { caseId: 'c2', now: '2026-11-21T08:00:00', newId: () => 'same' });
    await expect(createPortableRepository(db).importCase(c)).rejects.toThrow();
    expect(await db.cases.count()).toBe(0);
    expect(await db.caseDetails.count()).toBe(0);
    expect(await db.evidence.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
  });
});
