// Settings rows. Values are validated on the way out, so a damaged or older row costs its bad
// entries, never the app's start.
import { sanitizeDeadlineSettings, type DeadlineSettings } from '../../../shared/deadlines/settings';
import type { ChainHead } from '../../../shared/integrity/audit';
import type { LiuZhengDb } from './db';

const DEADLINES_KEY = 'deadlines';
/** The audit log's head as last seen: kept here, outside the log, so a log cut short shows. */
const AUDIT_HEAD_KEY = 'auditHead';

function auditHeadOf(value: unknown): ChainHead | null {
  if (typeof value !== 'object' || value === null) return null;
  const { seq, hash } = value as Record<string, unknown>;
  return typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0 && typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) ? { seq, hash } : null;
}

export function createSettingsRepository(db: LiuZhengDb) {
  return {
    async getDeadlineSettings(): Promise<DeadlineSettings> {
      const row = await db.settings.get(DEADLINES_KEY);
      return sanitizeDeadlineSettings(row?.value);
    },

    async putDeadlineSettings(settings: DeadlineSettings): Promise<void> {
      await db.settings.put({ key: DEADLINES_KEY, value: settings });
    },

    async getAuditHead(): Promise<ChainHead | null> {
      return auditHeadOf((await db.settings.get(AUDIT_HEAD_KEY))?.value);
    },

    async putAuditHead(head: ChainHead): Promise<void> {
      await db.settings.put({ key: AUDIT_HEAD_KEY, value: head });
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
