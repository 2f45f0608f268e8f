// Settings rows. Values are validated on the way out, so a damaged or older row costs its bad
// entries, never the app's start.
import { sanitizeDeadlineSettings, type DeadlineSettings } from '../../../shared/deadlines/settings';
import type { LiuZhengDb } from './db';

const DEADLINES_KEY = 'deadlines';

export function createSettingsRepository(db: LiuZhengDb) {
  return {
    async getDeadlineSettings(): Promise<DeadlineSettings> {
      const row = await db.settings.get(DEADLINES_KEY);
      return sanitizeDeadlineSettings(row?.value);
    },

    async putDeadlineSettings(settings: DeadlineSettings): Promise<void> {
      await db.settings.put({ key: DEADLINES_KEY, value: settings });
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
