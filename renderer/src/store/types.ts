import type { StateCreator } from 'zustand';
import type { LiuZhengApi } from '../../../shared/ipc/api';
import type { DeadlineRepository } from '../db/deadlineRepository';
import type { ExtractionRepository } from '../db/extractionRepository';
import type { SearchRepository } from '../db/searchRepository';
import type { PortableRepository } from '../db/portableRepository';
import type { Repositories } from '../db/repositories';
import type { SettingsRepository } from '../db/settingsRepository';
import type { CardShopSlice } from '../cases/cardShopSlice';
import type { CasesSlice } from '../cases/casesSlice';
import type { CaseViewSlice } from '../cases/caseViewSlice';
import type { DeadlinesSlice } from '../deadlines/deadlinesSlice';
import type { ExportSlice } from '../export/exportSlice';
import type { ImportSlice } from '../evidence/importSlice';
import type { IntegritySlice } from '../integrity/integritySlice';
import type { OcrSlice } from '../ocr-review/ocrSlice';
import type { SearchSlice } from '../search/searchSlice';
import type { RemindersSlice } from '../deadlines/remindersSlice';
import type { SettingsSlice } from '../settings/settingsSlice';
import type { RedactionSlice } from '../export/redactionSlice';
import type { PortableSlice } from '../cases/portableSlice';
import type { HolidaysSlice } from '../settings/holidaysSlice';
import type { UiSlice } from './uiSlice';
import type { VaultSlice } from '../evidence/vaultSlice';
import type { UxSlice } from '../app/uxSlice';
import type { VideoSlice } from '../evidence/videoSlice';

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

export type AppState = CardShopSlice &
  CasesSlice &
  CaseViewSlice &
  DeadlinesSlice &
  ExportSlice &
  HolidaysSlice &
  ImportSlice &
  IntegritySlice &
  OcrSlice &
  PortableSlice &
  RedactionSlice &
  RemindersSlice &
  SearchSlice &
  SettingsSlice &
  UiSlice &
  UxSlice &
  VaultSlice &
  VideoSlice;

export type Slice<T> = (deps: StoreDeps) => StateCreator<AppState, [], [], T>;
