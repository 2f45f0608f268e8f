import { describe, expect, it } from 'vitest';
import type { BlobInfo } from './evidence';
import type { ImportBatch } from '../ipc/contract';
import { defaultTitle, guessKind, planImport } from './importPlan';

const blob = (sha: string, originalName: string, mediaType: BlobInfo['mediaType'] = 'image'): BlobInfo => ({
  sha256: sha.repeat(64).slice(0, 64),
  size: 10,
  originalName,
  mime: 'image/png',
  mediaType,
  format: 'png',
  width: 10,
  height: 10,
  durationSec: null,
  capturedAt: '2026-11-17T12:03:04',
  captureSource: 'filename',
  hasThumbnail: true,
});

let n = 0;
const ctx = { now: '2026-11-22T10:00:00', newId: () => `id${++n}`, caseTitle: '点卡无效' };

describe('guessKind', () => {
  it.each([
    ['微信图片_20261117120304.jpg', 'image', 'chat'],
    ['支付宝账单.png', 'image', 'payment'],
    ['订单详情.png', 'image', 'order'],
    ['快递物流.png', 'image', 'logistics'],
    ['退款规则.png', 'image', 'policy'],
    ['破损照片.jpg', 'image', 'defect'],
    ['IMG_1234.jpg', 'image', 'other'],
    ['clip.mp4', 'video', 'video'],
    ['voice.m4a', 'audio', 'audio'],
    ['聊天记录.txt', 'text', 'chat'],
  ] as const)('%s (%s) → %s', (name, media, kind) => {
    expect(guessKind({ originalName: name, mediaType: media })).toBe(kind);
  });
});

describe('defaultTitle', () => {
  it('drops folders and the extension', () => {
    expect(defaultTitle({ originalName: '证据/聊天/截图 1.png' }, 'folder', '')).toBe('截图 1');
  });
  it('names clipboard pastes by time', () => {
    expect(defaultTitle({ originalName: 'clipboard.png' }, 'clipboard', '2026-11-17T12:03:04')).toBe('剪贴板截图 2026-11-17 12:03');
  });
});

describe('planImport', () => {
  const batch = (items: BlobInfo[]): ImportBatch => ({
    batchId: 'b',
    cancelled: false,
    items: items.map((b) => ({ blob: b, source: 'dialog', alreadyStored: false })),
    failures: [{ file: 'bad.png', code: 'corrupt-file', message: 'not an image' }],
  });

  it('adds new evidence with an event each and keeps failures', () => {
    const plan = planImport(batch([blob('a', 'a.png'), blob('b', 'b.png')]), 'c1', new Map(), ctx);
    expect(plan.records.map((r) => r.title)).toEqual(['a', 'b']);
    expect(plan.records.every((r) => r.caseId === 'c1' && r.importedAt === ctx.now)).toBe(true);
    expect(plan.events.map((e) => [e.type, e.evidenceId])).toEqual(plan.records.map((r) => ['evidence-added', r.id]));
    expect(plan.failures).toHaveLength(1);
    expect(plan.duplicates).toEqual([]);
  });

  it('reports bytes already in another case instead of adding them', () => {
    const existing = new Map([[blob('a', '').sha256, { evidenceId: 'e9', caseId: 'c2', caseTitle: '另一案件' }]]);
    const plan = planImport(batch([blob('a', 'again.png'), blob('b', 'b.png')]), 'c1', existing, ctx);
    expect(plan.records.map((r) => r.originalName)).toEqual(['b.png']);
    expect(plan.duplicates).toEqual([{ file: 'again.png', sha256: blob('a', '').sha256, existing: existing.get(blob('a', '').sha256) }]);
  });

  it('treats a copy inside the same batch as a duplicate of the first', () => {
    const plan = planImport(batch([blob('a', 'x/a.png'), blob('a', 'y/a-copy.png')]), 'c1', new Map(), ctx);
    expect(plan.records).toHaveLength(1);
    expect(plan.duplicates[0]?.existing).toMatchObject({ caseId: 'c1', caseTitle: '点卡无效' });
  });
});
