import type { StateCreator } from 'zustand';
import type { LiuZhengApi } from '../../../shared/ipc/api';
import type { DeadlineRepository } from '../db/deadlineRepository';
import type { Repositories } from '../db/repositories';
import type { CasesSlice } from './casesSlice';
import type { CaseViewSlice } from './caseViewSlice';
import type { DeadlinesSlice } from './deadlinesSlice';
import type { ImportSlice } from './importSlice';
import type { RemindersSlice } from './remindersSlice';
import type { UiSlice } from './uiSlice';
import type { VaultSlice } from './vaultSlice';

export interface StoreDeps {
  repo: Repositories;
  deadlines: DeadlineRepository;
  api: LiuZhengApi;
  /** Local Asia/Shanghai "YYYY-MM-DDTHH:mm:ss". */
  now: () => string;
  newId: () => string;
}

export type AppState = CasesSlice & CaseViewSlice & DeadlinesSlice & ImportSlice & RemindersSlice & UiSlice & VaultSlice;

export type Slice<T> = (deps: StoreDeps) => StateCreator<AppState, [], [], T>;
