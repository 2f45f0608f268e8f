// Extraction records against fake-indexeddb: fields from older builds (read in the renderer, without
// main's hints) are found again for a fresh reading, and a fresh reading keeps the buyer's corrections.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../../../shared/domain/evidence';
import type { ExtractionRecord } from '../../../shared/domain/review';
import type { Extraction } from '../../../shared/extract/types';
import { openDb, type LiuZhengDb } from './db';
import { createExtractionRepository } from './extractionRepository';

let db: LiuZhengDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

const AT = '2026-11-20T10:00:00';
const item = (id: string): EvidenceRecord => ({
  id,
  caseId: 'c1',
  sha256: id.repeat(64).slice(0, 64),
  size: 1,
  originalName: `${id}.png`,
  mime: 'image/png',
  mediaType: 'image',
  format: 'png',
  width: 1,
  height: 1,
  durationSec: null,
  capturedAt: AT,
  captureSource: 'mtime',
  hasThumbnail: true,
  kind: 'other',
  title: id,
  note: '',
  importedAt: AT,
  importSource: 'dialog',
});
const extraction = (order: string): Extraction => ({
  platform: 'taobao',
  kind: 'order',
  orderNumbers: [{ value: order, confidence: 0.9, box: null, scheme: 'taobao' }],
  transactionIds: [],
  trackingNumbers: [],
  timestamps: [],
  amount: null,
  scam: false,
  scamSignals: [],
  text: `订单号 ${order}`,
});
const record = (e: EvidenceRecord, fieldsVersion?: number): Omit<ExtractionRecord, 'corrections'> => ({
  evidenceId: e.id,
  caseId: e.caseId,
  sha256: e.sha256,
  source: 'ocr',
  extraction: extraction('3456789012345678901'),
  messages: null,
  updatedAt: AT,
  ...(fieldsVersion === undefined ? {} : { fieldsVersion }),
});

describe('extraction repository', () => {
  it('lists records not read by main at this version, and a new reading keeps corrections', async () => {
    db = openDb(`test-${crypto.randomUUID()}`);
    const repo = createExtractionRepository(db);
    const [old, current, older] = [item('a'), item('b'), item('c')];
    await db.evidence.bulkAdd([old, current, older]);
    await repo.save(record(old));
    await repo.save(record(current, 2));
    await repo.save(record(older, 1));
    expect((await repo.outdated(2)).map((e) => e.id).sort()).toEqual(['a', 'c']);

    await repo.correct('a', 'orderNumber:3456789012345678901', { status: 'edited', value: '3456789012345678900' });
    await repo.save({ ...record(old, 2), extraction: extraction('3456789012345678901') });
    expect((await repo.outdated(2)).map((e) => e.id)).toEqual(['c']);
    const [row] = (await repo.forCase('c1')).filter((r) => r.evidenceId === 'a');
    expect(row?.fieldsVersion).toBe(2);
    expect(row?.corrections).toEqual({ 'orderNumber:3456789012345678901': { status: 'edited', value: '3456789012345678900' } });
  });
});
