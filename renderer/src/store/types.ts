import type { StateCreator } from 'zustand';
import type { LiuZhengApi } from '../../../shared/ipc/api';
import type { Repositories } from '../db/repositories';
import type { CasesSlice } from './casesSlice';
import type { CaseViewSlice } from './caseViewSlice';
import type { ImportSlice } from './importSlice';
import type { UiSlice } from './uiSlice';
import type { VaultSlice } from './vaultSlice';

export interface StoreDeps {
  repo: Repositories;
  api: LiuZhengApi;
  /** Local Asia/Shanghai "YYYY-MM-DDTHH:mm:ss". */
  now: () => string;
  newId: () => string;
}

export type AppState = CasesSlice & CaseViewSlice & ImportSlice & UiSlice & VaultSlice;

export type Slice<T> = (deps: StoreDeps) => StateCreator<AppState, [], [], T>;
