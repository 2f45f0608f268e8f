// The store's dependencies over one open database: the app (main.tsx) and the store tests build
// them the same way, differing only in the API object, the clock and the id source.
import type { LiuZhengApi } from '../../../shared/ipc/api';
import type { LiuZhengDb } from '../db/db';
import { createDeadlineRepository } from '../db/deadlineRepository';
import { createExtractionRepository } from '../db/extractionRepository';
import { createPortableRepository } from '../db/portableRepository';
import { createRepositories } from '../db/repositories';
import { createSearchRepository } from '../db/searchRepository';
import { createSettingsRepository } from '../db/settingsRepository';
import { createTransact } from '../db/transact';
import type { StoreDeps } from './types';

export function createStoreDeps(db: LiuZhengDb, api: LiuZhengApi, now: () => string, newId: () => string): StoreDeps {
  return {
    repo: createRepositories(db),
    deadlines: createDeadlineRepository(db),
    extractions: createExtractionRepository(db),
    search: createSearchRepository(db),
    settings: createSettingsRepository(db),
    portable: createPortableRepository(db),
    api,
    transact: createTransact(db),
    now,
    newId,
  };
}
