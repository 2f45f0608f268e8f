import { describe, expect, it } from 'vitest';
import type { CaseEvent } from './events';
import { buildTimeline } from './timeline';

const ev = (id: string, at: string): CaseEvent => ({ id, caseId: 'c', at, type: 'evidence-added', evidenceId: null, detail: id });

describe('buildTimeline', () => {
  it('merges app events and evidence times, newest first, without repeats', () => {
    const items = buildTimeline(
      [ev('created', '2026-11-20T09:00:00'), ev('added', '2026-11-21T10:00:00')],
      [
        { at: '2026-11-15T20:31:07', evidenceId: 'e1', title: '订单', basis: 'shown', captureSource: 'filename' },
        { at: '2026-11-15T20:31:07', evidenceId: 'e1', title: '订单', basis: 'shown', captureSource: 'filename' },
        { at: '2026-11-16', evidenceId: 'e2', title: '账单', basis: 'shown', captureSource: 'filename' },
        { at: '2026-11-21T10:00:00', evidenceId: 'e3', title: '聊天', basis: 'shown', captureSource: 'filename' },
      ],
    );
    expect(items.map((i) => (i.kind === 'event' ? i.event.id : `${i.evidenceId}@${i.at}`))).toEqual([
      'added',
      'e3@2026-11-21T10:00:00',
      'created',
      'e2@2026-11-16',
      'e1@2026-11-15T20:31:07',
    ]);
  });
});
