import { create } from 'zustand';
import { cardShopSlice } from '../cases/cardShopSlice';
import { casesSlice } from '../cases/casesSlice';
import { caseViewSlice } from '../cases/caseViewSlice';
import { deadlinesSlice } from '../deadlines/deadlinesSlice';
import { exportSlice } from '../export/exportSlice';
import { importSlice } from '../evidence/importSlice';
import { integritySlice } from '../integrity/integritySlice';
import { ocrSlice } from '../ocr-review/ocrSlice';
import { searchSlice } from '../search/searchSlice';
import { remindersSlice } from '../deadlines/remindersSlice';
import { settingsSlice } from '../settings/settingsSlice';
import { redactionSlice } from '../export/redactionSlice';
import { portableSlice } from '../cases/portableSlice';
import { holidaysSlice } from '../settings/holidaysSlice';
import type { AppState, StoreDeps } from './types';
import { uiSlice } from './uiSlice';
import { vaultSlice } from '../evidence/vaultSlice';
import { uxSlice } from '../app/uxSlice';
import { videoSlice } from '../evidence/videoSlice';

export function createAppStore(deps: StoreDeps) {
  return create<AppState>()((...a) => ({
    ...cardShopSlice(deps)(...a),
    ...casesSlice(deps)(...a),
    ...caseViewSlice(deps)(...a),
    ...deadlinesSlice(deps)(...a),
    ...exportSlice(deps)(...a),
    ...holidaysSlice(deps)(...a),
    ...importSlice(deps)(...a),
    ...integritySlice(deps)(...a),
    ...ocrSlice(deps)(...a),
    ...remindersSlice(deps)(...a),
    ...redactionSlice(deps)(...a),
    ...portableSlice(deps)(...a),
    ...searchSlice(deps)(...a),
    ...settingsSlice(deps)(...a),
    ...uiSlice(deps)(...a),
    ...uxSlice(deps)(...a),
    ...vaultSlice(deps)(...a),
    ...videoSlice(deps)(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
export type { AppState, StoreDeps };
