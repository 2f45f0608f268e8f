import { create } from 'zustand';
import { casesSlice } from './casesSlice';
import { caseViewSlice } from './caseViewSlice';
import { deadlinesSlice } from './deadlinesSlice';
import { exportSlice } from './exportSlice';
import { importSlice } from './importSlice';
import { integritySlice } from './integritySlice';
import { ocrSlice } from './ocrSlice';
import { searchSlice } from './searchSlice';
import { remindersSlice } from './remindersSlice';
import { settingsSlice } from './settingsSlice';
import { redactionSlice } from './redactionSlice';
import { portableSlice } from './portableSlice';
import type { AppState, StoreDeps } from './types';
import { uiSlice } from './uiSlice';
import { vaultSlice } from './vaultSlice';
import { videoSlice } from './videoSlice';

export function createAppStore(deps: StoreDeps) {
  return create<AppState>()((...a) => ({
    ...casesSlice(deps)(...a),
    ...caseViewSlice(deps)(...a),
    ...deadlinesSlice(deps)(...a),
    ...exportSlice(deps)(...a),
    ...importSlice(deps)(...a),
    ...integritySlice(deps)(...a),
    ...ocrSlice(deps)(...a),
    ...remindersSlice(deps)(...a),
    ...redactionSlice(deps)(...a),
    ...portableSlice(deps)(...a),
    ...searchSlice(deps)(...a),
    ...settingsSlice(deps)(...a),
    ...uiSlice(deps)(...a),
    ...vaultSlice(deps)(...a),
    ...videoSlice(deps)(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
export type { AppState, StoreDeps };
