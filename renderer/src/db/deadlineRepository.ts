// Deadline reads and writes. Adding deadlines and their timeline events is one transaction.
import type { DeadlineRecord } from '../../../shared/domain/deadline';
import type { CaseEvent } from '../../../shared/domain/events';
import type { LiuZhengDb } from './db';

export type DeadlinePatch = Partial<Pick<DeadlineRecord, 'done' | 'snoozedUntil' | 'offsetsMin' | 'offsetsEditedAt' | 'due' | 'dueAt' | 'provisional'>>;

export function createDeadlineRepository(db: LiuZhengDb) {
  return {
    async listAll(): Promise<DeadlineRecord[]> {
      return db.deadlines.orderBy('dueAt').toArray();
    },

    async add(records: DeadlineRecord[], events: CaseEvent[]): Promise<void> {
      await db.transaction('rw', db.deadlines, db.events, async () => {
        await db.deadlines.bulkAdd(records);
        await db.events.bulkAdd(events);
      });
    },

    async update(id: string, patch: DeadlinePatch, event?: CaseEvent): Promise<void> {
      await db.transaction('rw', db.deadlines, db.events, async () => {
        await db.deadlines.update(id, patch);
        if (event) await db.events.add(event);
      });
    },

    async remove(id: string): Promise<void> {
      await db.deadlines.delete(id);
    },
  };
}

export type DeadlineRepository = ReturnType<typeof createDeadlineRepository>;
