import { toBundleInput, type ExportForm } from '../../../shared/domain/bundleInput';
import type { BundleExportSummary, BundlePreflight, CardShopSecrets } from '../../../shared/bundle/contract';
import { cardShopRecordOf, isCardShopCase } from '../../../shared/cardshop/record';
import type { CaseRecord } from '../../../shared/domain/case';
import type { AppError } from '../../../shared/ipc/result';
import { caseDetailsOf, cardShopPrintOf } from '../../../shared/portable/mapping';
import { redactionChoices } from './redactionSlice';
import type { AppState, Slice } from '../store/types';

/** The export dialog's form: everything but the card-shop record, which the slice adds from the case. */
export type ExportFormInput = Omit<ExportForm, 'cardShop'>;
type EventText = Parameters<typeof toBundleInput>[5];

export interface ExportSlice {
  exportOpen: boolean;
  preflight: BundlePreflight | null;
  exportResult: BundleExportSummary | null;
  exportError: AppError | null;
  exporting: boolean;
  setExportOpen: (open: boolean) => void;
  runPreflight: (form: ExportFormInput, maxBytes: number | null, redact: boolean, eventText: EventText) => Promise<void>;
  runExport: (form: ExportFormInput, maxBytes: number | null, redact: boolean, format: 'pdf' | 'folder', eventText: EventText) => Promise<void>;
}

/** A card-shop case sends its record with the secrets blank and the sealed copies beside it: main decides what prints. */
function cardShopOf(state: AppState, record: CaseRecord): { print: ExportForm['cardShop']; secrets?: CardShopSecrets } {
  if (!isCardShopCase(record.platform)) return { print: null };
  const shop = state.cardShop?.caseId === record.id ? state.cardShop.record : cardShopRecordOf(null);
  return {
    print: { ...cardShopPrintOf(shop, record.orderNumber), queryPassword: '', cardCode: '' },
    secrets: { queryPassword: shop.queryPasswordSealed, cardCode: shop.cardCodeSealed, show: shop.showSecrets },
  };
}

export const exportSlice: Slice<ExportSlice> = (deps) => (set, get) => {
  const input = (form: ExportFormInput, eventText: EventText) => {
    const state = get();
    const { route, cases, evidence, extractions, events } = state;
    const record = route.name === 'case' ? cases.find((c) => c.id === route.caseId) : undefined;
    if (!record) return null;
    const shop = cardShopOf(state, record);
    return { data: toBundleInput(record, evidence, extractions, events, { ...form, cardShop: shop.print }, eventText), secrets: shop.secrets };
  };
  const extras = (redact: boolean, secrets: CardShopSecrets | undefined) => ({
    ...(redact ? { redactions: redactionChoices(get().redactionEdits) } : {}),
    ...(secrets ? { cardShopSecrets: secrets } : {}),
  });
  let preflights = 0;
  return {
    exportOpen: false,
    preflight: null,
    exportResult: null,
    exportError: null,
    exporting: false,
    setExportOpen: (exportOpen) => {
      get().resetRedactions();
      set({ exportOpen, preflight: null, exportResult: null, exportError: null });
    },

    async runPreflight(form, maxBytes, redact, eventText) {
      const built = input(form, eventText);
      if (!built) return;
      // Checks overlap while the buyer edits (target, form, secrets choice) and finish in any order;
      // only the newest may speak, or an older one (say, for 平台申诉) hides what 12315 still lacks.
      const asked = ++preflights;
      const res = await deps.api.preflightBundle({ input: built.data, maxBytes, redact, ...extras(redact, built.secrets) });
      if (asked !== preflights) return;
      set(res.ok ? { preflight: res.value, exportError: null } : { exportError: res.error });
    },

    async runExport(form, maxBytes, redact, format, eventText) {
      const built = input(form, eventText);
      if (!built) return;
      set({ exporting: true, exportError: null, exportResult: null });
      // Remembered for the next export and for the case folder's case.json (the card-shop record as stored).
      const { route } = get();
      if (route.name === 'case') {
        const stored = (await get().caseDetails(route.caseId)) ?? caseDetailsOf({ caseId: route.caseId });
        await get().saveCaseDetails({ ...stored, target: form.target, statement: form.statement, complainant: form.complainant, respondent: form.respondent, complaint: form.complaint });
      }
      const res = await deps.api.exportBundle({ input: built.data, maxBytes, redact, format, ...extras(redact, built.secrets) });
      set(res.ok ? { exporting: false, exportResult: res.value } : { exporting: false, exportError: res.error });
    },
  };
};
