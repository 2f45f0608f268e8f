import { toCaseInput } from '../../../shared/domain/caseForm';
import type { EvidenceRecord } from '../../../shared/domain/evidence';
import { caseFillFrom, reviewFields, suggestedKind, type ExtractionRecord, type FieldCorrection } from '../../../shared/domain/review';
import { FIELDS_VERSION, evidenceFieldsSchema } from '../../../shared/fields/contract';
import type { OcrItemStatus, OcrOverall, OcrProgressEvent, OcrRereadReport } from '../../../shared/ocr/contract';
import { searchInput } from '../../../shared/search/document';
import type { Slice, StoreDeps } from '../store/types';

export type RereadState =
  | { phase: 'queued'; report: OcrRereadReport }
  | { phase: 'cancelled'; cancelled: number }
  | { phase: 'failed'; message: string };

export interface OcrSlice {
  ocrItems: Readonly<Record<string, OcrItemStatus>>;
  ocrOverall: OcrOverall | null;
  /** Extractions of the open case, by evidence id. */
  extractions: Readonly<Record<string, ExtractionRecord>>;
  loadOcr: () => Promise<void>;
  onOcrProgress: (event: OcrProgressEvent) => void;
  ingestEvidence: (items: EvidenceRecord[]) => Promise<void>;
  loadExtractions: () => Promise<void>;
  cancelOcr: (sha256: string) => Promise<void>;
  /** The last "re-read all evidence" outcome, for the 设置 section; its progress is ocrOverall. */
  reread: RereadState | null;
  rereadAll: () => Promise<void>;
  cancelReread: () => Promise<void>;
  retryOcr: (sha256: string) => Promise<void>;
  correctField: (evidenceId: string, key: string, correction: FieldCorrection | null) => Promise<void>;
  fillCaseFrom: (evidenceId: string) => Promise<void>;
  /** The buyer sets or confirms when a screenshot was taken; resolves to an error message or null. */
  setCaptureTime: (evidenceId: string, capturedAt: string) => Promise<string | null>;
}

/** The fields main read from one stored original, as an extraction record; null while there are none yet. */
async function fieldsOf(deps: StoreDeps, item: EvidenceRecord): Promise<Omit<ExtractionRecord, 'corrections'> | null> {
  // A video's fields are read from its key frames' text (main's video service).
  if (item.mediaType !== 'image' && item.mediaType !== 'text' && item.mediaType !== 'page' && item.mediaType !== 'video') return null;
  const res = await deps.api.readFields({ sha256: item.sha256 });
  // Checked here too, against the same bounds main stores with, before it reaches the database.
  const fields = res.ok ? evidenceFieldsSchema.nullable().safeParse(res.value) : null;
  if (!fields?.success || !fields.data) return null;
  const base = { evidenceId: item.id, caseId: item.caseId, sha256: item.sha256, updatedAt: deps.now(), extraction: fields.data.extraction, fieldsVersion: fields.data.version };
  if (fields.data.source === 'ocr') return { ...base, source: 'ocr', messages: null };
  if (fields.data.source === 'page') return { ...base, source: 'page', messages: null, clauses: fields.data.clauses ?? [] };
  // The transcript is shown, not extracted from: main sends it bounded, apart from the fields.
  const chat = await deps.api.readChatLog({ sha256: item.sha256 });
  return chat.ok ? { ...base, source: 'chatlog', messages: chat.value.messages } : null;
}

export const ocrSlice: Slice<OcrSlice> = (deps) => (set, get) => {
  // Loads overlap (a correction, an OCR result, a case refresh): only the latest one started may set
  // the rows, or an earlier read finishing last would show the buyer's corrections undone.
  let loads = 0;
  return {
    ocrItems: {},
    ocrOverall: null,
    extractions: {},

    async loadOcr() {
      const res = await deps.api.ocrStatus({});
      if (res.ok) set({ ocrItems: Object.fromEntries(res.value.items.map((i) => [i.sha256, i])), ocrOverall: res.value.overall });
      // Anything OCR'd or imported while this window was closed gets its fields now, and fields an
      // older build read differently are replaced by main's (the buyer's corrections stay).
      const [missing, outdated] = await Promise.all([deps.extractions.missing(['image', 'text', 'page', 'video']), deps.extractions.outdated(FIELDS_VERSION)]);
      await get().ingestEvidence([...missing, ...outdated]);
    },

    onOcrProgress({ item, overall }) {
      set({ ocrItems: { ...get().ocrItems, [item.sha256]: item }, ocrOverall: overall });
      if (item.state === 'done') void deps.extractions.evidenceWithSha(item.sha256).then((rows) => get().ingestEvidence(rows));
    },

    async ingestEvidence(items) {
      let touchedOpenCase = false;
      const open = get().route;
      for (const item of items) {
        const record = await fieldsOf(deps, item);
        if (!record) continue;
        await deps.extractions.save(record);
        // A file-name guess of "other" gives way to what the page itself shows.
        const kind = suggestedKind(record.extraction.kind);
        let upgraded = item.kind === 'other' && kind ? { ...item, kind } : item;
        if (upgraded !== item) await deps.repo.updateEvidence(item.id, { kind: upgraded.kind });
        // The status-bar clock may have confirmed or supplied the capture time; the buyer's own stays.
        const capture = record.extraction.capture;
        if (capture && item.captureSource !== 'user' && (capture.captureSource !== item.captureSource || capture.capturedAt !== item.capturedAt)) {
          upgraded = { ...upgraded, capturedAt: capture.capturedAt, captureSource: capture.captureSource };
          await deps.repo.updateEvidence(item.id, { capturedAt: capture.capturedAt, captureSource: capture.captureSource });
        }
        await deps.search.upsert(searchInput(upgraded, record));
        if (open.name === 'case' && open.caseId === item.caseId) touchedOpenCase = true;
      }
      if (touchedOpenCase) await Promise.all([get().refreshCase(), get().loadExtractions()]);
    },

    async loadExtractions() {
      const load = ++loads;
      const { route } = get();
      if (route.name !== 'case') return set({ extractions: {} });
      const rows = await deps.extractions.forCase(route.caseId);
      if (load === loads) set({ extractions: Object.fromEntries(rows.map((r) => [r.evidenceId, r])) });
    },

    async cancelOcr(sha256) {
      await deps.api.cancelOcr({ sha256 });
    },

    async retryOcr(sha256) {
      await deps.api.retryOcr({ sha256 });
    },

    reread: null,

    async rereadAll() {
      // Each file re-read comes back through onOcrProgress → ingestEvidence, which keeps corrections.
      const res = await deps.api.rereadAllOcr({});
      set({ reread: res.ok ? { phase: 'queued', report: res.value } : { phase: 'failed', message: res.error.message } });
    },

    async cancelReread() {
      const res = await deps.api.cancelAllOcr({});
      set({ reread: res.ok ? { phase: 'cancelled', cancelled: res.value } : { phase: 'failed', message: res.error.message } });
    },

    async correctField(evidenceId, key, correction) {
      await deps.extractions.correct(evidenceId, key, correction);
      await get().loadExtractions();
    },

    async setCaptureTime(evidenceId, capturedAt) {
      const item = get().evidence.find((e) => e.id === evidenceId);
      if (!item) return 'not found';
      // Main checks the time, keeps it in the vault, re-reads the fields against it and audits it.
      const res = await deps.api.setCaptureTime({ sha256: item.sha256, capturedAt, caseId: item.caseId, evidenceId });
      if (!res.ok) return res.error.message;
      const parsed = res.value.fields === null ? null : evidenceFieldsSchema.safeParse(res.value.fields);
      const row = get().extractions[evidenceId];
      const fields =
        parsed?.success && row
          ? { evidenceId, caseId: item.caseId, sha256: item.sha256, source: row.source, messages: row.messages, updatedAt: deps.now(), extraction: parsed.data.extraction, fieldsVersion: parsed.data.version }
          : null;
      await deps.extractions.setCapture(evidenceId, res.value.capturedAt, fields);
      await get().refreshCase();
      return null;
    },

    async fillCaseFrom(evidenceId) {
      const row = get().extractions[evidenceId];
      const item = get().evidence.find((e) => e.id === evidenceId);
      const record = item && get().cases.find((c) => c.id === item.caseId);
      if (!row || !record) return;
      const fill = caseFillFrom(reviewFields(row.extraction, row.corrections), row.extraction.platform);
      await get().saveCase({ ...toCaseInput(record), ...fill }, record.id);
    },
  };
};
