import { toBundleInput, type ExportForm } from '../../../shared/domain/bundleInput';
import type { BundleExportSummary, BundlePreflight } from '../../../shared/bundle/contract';
import type { AppError } from '../../../shared/ipc/result';
import { redactionChoices } from './redactionSlice';
import type { Slice } from '../store/types';

export interface ExportSlice {
  exportOpen: boolean;
  preflight: BundlePreflight | null;
  exportResult: BundleExportSummary | null;
  exportError: AppError | null;
  exporting: boolean;
  setExportOpen: (open: boolean) => void;
  runPreflight: (form: ExportForm, maxBytes: number | null, redact: boolean, eventText: Parameters<typeof toBundleInput>[5]) => Promise<void>;
  runExport: (form: ExportForm, maxBytes: number | null, redact: boolean, format: 'pdf' | 'folder', eventText: Parameters<typeof toBundleInput>[5]) => Promise<void>;
}

export const exportSlice: Slice<ExportSlice> = (deps) => (set, get) => {
  const input = (form: ExportForm, eventText: Parameters<typeof toBundleInput>[5]) => {
    const { route, cases, evidence, extractions, events } = get();
    const record = route.name === 'case' ? cases.find((c) => c.id === route.caseId) : undefined;
    return record ? toBundleInput(record, evidence, extractions, events, form, eventText) : null;
  };
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
      const data = input(form, eventText);
      if (!data) return;
      const res = await deps.api.preflightBundle({ input: data, maxBytes, redact, ...(redact ? { redactions: redactionChoices(get().redactionEdits) } : {}) });
      set(res.ok ? { preflight: res.value, exportError: null } : { exportError: res.error });
    },

    async runExport(form, maxBytes, redact, format, eventText) {
      const data = input(form, eventText);
      if (!data) return;
      set({ exporting: true, exportError: null, exportResult: null });
      // Remembered for the next export and for the case folder's case.json.
      const { route } = get();
      if (route.name === 'case') await get().saveCaseDetails({ caseId: route.caseId, target: form.target, statement: form.statement, complainant: form.complainant, respondent: form.respondent });
      const res = await deps.api.exportBundle({ input: data, maxBytes, redact, format, ...(redact ? { redactions: redactionChoices(get().redactionEdits) } : {}) });
      set(res.ok ? { exporting: false, exportResult: res.value } : { exporting: false, exportError: res.error });
    },
  };
};
