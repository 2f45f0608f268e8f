// The db layer against fake-indexeddb: the only place a fake is acceptable. The e2e suite covers
// the same code on Chromium's real IndexedDB.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_CASE_INPUT, toCaseRecord } from '../../../shared/domain/caseForm';
import type { EvidenceRecord } from '../../../shared/domain/evidence';
import type { CaseEvent } from '../../../shared/domain/events';
import { openDb, type LiuZhengDb } from './db';
import { createRepositories } from './repositories';

let db: LiuZhengDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

const evidence = (id: string, caseId: string, sha: string, importedAt: string): EvidenceRecord => ({
  id,
  caseId,
  sha256: sha.repeat(64).slice(0, 64),
  size: 1,
  originalName: `${id}.png`,
  mime: 'image/png',
  mediaType: 'image',
  format: 'png',
  width: 1,
  height: 1,
  durationSec: null,
  capturedAt: importedAt,
  captureSource: 'mtime',
  hasThumbnail: true,
  kind: 'other',
  title: id,
  note: '',
  importedAt,
  importSource: 'dialog',
});
const event = (id: string, caseId: string, at: string): CaseEvent => ({ id, caseId, at, type: 'evidence-added', evidenceId: null, detail: id });

describe('repositories', () => {
  it('keeps cases, evidence and events together and answers the case page queries', async () => {
    db = openDb(`test-${crypto.randomUUID()}`);
    const repo = createRepositories(db);
    const a = toCaseRecord({ ...EMPTY_CASE_INPUT, title: 'A' }, { id: 'a', now: '2026-11-01T00:00:00' });
    const b = toCaseRecord({ ...EMPTY_CASE_INPUT, title: 'B' }, { id: 'b', now: '2026-11-02T00:00:00' });
    await repo.saveCase(a, event('e-a', 'a', a.createdAt));
    await repo.saveCase(b, event('e-b', 'b', b.createdAt));
    expect((await repo.listCases()).map((c) => c.id)).toEqual(['b', 'a']);

    await repo.addEvidence(
      [evidence('x', 'a', '1', '2026-11-03T00:00:00'), evidence('y', 'a', '2', '2026-11-04T00:00:00')],
      [event('e-x', 'a', '2026-11-03T00:00:00')],
      ['a'],
      '2026-11-05T00:00:00',
    );
    expect((await repo.listEvidence('a')).map((e) => e.id)).toEqual(['y', 'x']);
    expect(await repo.evidenceCounts(['a', 'b'])).toEqual({ a: 2, b: 0 });
    expect((await repo.listCases())[0]?.id).toBe('a');

    const found = await repo.findBySha(['1'.repeat(64), 'f'.repeat(64)]);
    expect([...found.values()]).toEqual([{ evidenceId: 'x', caseId: 'a', caseTitle: 'A' }]);

    await repo.moveEvidence('x', 'b', [event('m1', 'a', 'n'), event('m2', 'b', 'n')], '2026-11-06T00:00:00');
    expect(await repo.evidenceCounts(['a', 'b'])).toEqual({ a: 1, b: 1 });
    expect((await repo.listEvents('b')).map((e) => e.id)).toEqual(['e-b', 'm2']);
    expect((await repo.allShas()).sort()).toEqual(['1'.repeat(64), '2'.repeat(64)]);
  });

  it('writes nothing when part of a multi-table write fails', async () => {
    db = openDb(`test-${crypto.randomUUID()}`);
    const repo = createRepositories(db);
    await repo.addEvidence([evidence('x', 'a', '1', 't')], [event('dup', 'a', 't')], ['a'], 't');
    // The second event id collides, so the whole transaction must roll back, evidence included.
    await expect(repo.addEvidence([evidence('z', 'a', '3', 't')], [event('dup', 'a', 't')], ['a'], 't')).rejects.toThrow();
    expect((await repo.listEvidence('a')).map((e) => e.id)).toEqual(['x']);
  });
});
