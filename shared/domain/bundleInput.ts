// The case as the bundle writer takes it: plain data built from the renderer's records, so the same
// export runs from the app and from the CLI's case.json.
import type { BundleInput, BundleTarget, Complainant, ComplaintFacts, Respondent } from '../bundle/types';
import type { CardShopPrint } from '../cardshop/record';
import type { CaseRecord } from './case';
import type { EvidenceRecord } from './evidence';
import type { CaseEvent } from './events';
import { isKept, reviewFields, type ExtractionRecord } from './review';

export interface ExportForm {
  target: BundleTarget;
  request: string;
  statement: string;
  complainant: Complainant;
  respondent: Respondent;
  complaint: ComplaintFacts;
  /** The card-shop record with its secrets blank: main fills them in (masked or shown) from the sealed copies. */
  cardShop: CardShopPrint | null;
}

/** The case record's facts under the names bundles and case.json use (request and statement come from the form). */
export function caseFactsOf(record: CaseRecord) {
  return {
    title: record.title,
    platform: record.platform,
    shop: record.shop,
    item: record.item,
    orderNumber: record.orderNumber,
    amount: record.amount,
    purchasedAt: record.purchasedAt,
    issue: record.issueType,
  };
}

export function toBundleInput(
  record: CaseRecord,
  evidence: readonly EvidenceRecord[],
  extractions: Readonly<Record<string, ExtractionRecord>>,
  events: readonly CaseEvent[],
  form: ExportForm,
  eventText: (e: CaseEvent) => string,
): BundleInput {
  return {
    target: form.target,
    case: { ...caseFactsOf(record), request: form.request, statement: form.statement },
    complainant: form.complainant,
    respondent: form.respondent,
    complaint: form.complaint,
    cardShop: form.cardShop,
    // Exhibits in the order the events happened, as a reader of the bundle expects.
    evidence: [...evidence]
      .sort((a, b) => a.capturedAt.localeCompare(b.capturedAt))
      .map((e) => {
        const x = extractions[e.id];
        const fields = x ? reviewFields(x.extraction, x.corrections).filter(isKept) : [];
        return {
          sha256: e.sha256,
          originalName: e.originalName,
          size: e.size,
          mime: e.mime,
          mediaType: e.mediaType,
          format: e.format,
          width: e.width,
          height: e.height,
          durationSec: e.durationSec,
          capturedAt: e.capturedAt,
          captureSource: e.captureSource,
          importedAt: e.importedAt,
          kind: e.kind,
          title: e.title,
          purpose: e.note,
          platform: x?.extraction.platform ?? null,
          ...(x?.extraction.captureSuspect ? { captureSuspect: true } : {}),
          ...(e.captureSource === 'statusbar' && x?.extraction.capture?.dateFrom ? { captureDateFrom: x.extraction.capture.dateFrom } : {}),
          fields: fields.map((f) => ({ type: f.type, value: f.value, label: f.label, ...(f.basis !== null ? { basis: f.basis } : {}) })),
          messages: x?.messages ?? null,
          ...(e.frames !== undefined ? { frames: e.frames } : {}),
        };
      }),
    events: events.map((e) => ({ at: e.at, text: eventText(e) })),
  };
}
