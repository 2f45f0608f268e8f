import type { StateCreator } from 'zustand';
import type { LiuZhengApi } from '../../../shared/ipc/api';
import type { DeadlineRepository } from '../db/deadlineRepository';
import type { ExtractionRepository } from '../db/extractionRepository';
import type { SearchRepository } from '../db/searchRepository';
import type { PortableRepository } from '../db/portableRepository';
import type { Repositories } from '../db/repositories';
import type { SettingsRepository } from '../db/settingsRepository';
import type { CasesSlice } from './casesSlice';
import type { CaseViewSlice } from './caseViewSlice';
import type { DeadlinesSlice } from './deadlinesSlice';
import type { ExportSlice } from './exportSlice';
import type { ImportSlice } from './importSlice';
import type { IntegritySlice } from './integritySlice';
import type { OcrSlice } from './ocrSlice';
import type { SearchSlice } from './searchSlice';
import type { RemindersSlice } from './remindersSlice';
import type { SettingsSlice } from './settingsSlice';
import type { RedactionSlice } from './redactionSlice';
import type { PortableSlice } from './portableSlice';
import type { UiSlice } from './uiSlice';
import type { VaultSlice } from './vaultSlice';
import type { VideoSlice } from './videoSlice';

export interface StoreDeps {
  repo: Repositories;
  deadlines: DeadlineRepository;
  extractions: ExtractionRepository;
  search: SearchRepository;
  settings: SettingsRepository;
  portable: PortableRepository;
  api: LiuZhengApi;
  /** Runs `work` as one Dexie transaction over every record table, so a multi-table change commits whole or not at all. */
  transact: <T>(work: () => Promise<T>) => Promise<T>;
  /** Local Asia/Shanghai "YYYY-MM-DDTHH:mm:ss". */
  now: () => string;
  newId: () => string;
}

export type AppState = CasesSlice &
  CaseViewSlice &
  DeadlinesSlice &
  ExportSlice &
  ImportSlice &
  IntegritySlice &
  OcrSlice &
  PortableSlice &
  RedactionSlice &
  RemindersSlice &
  SearchSlice &
  SettingsSlice &
  UiSlice &
  VaultSlice &
  VideoSlice;

export type Slice<T> = (deps: StoreDeps) => StateCreator<AppState, [], [], T>;
