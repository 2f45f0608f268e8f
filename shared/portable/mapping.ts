// Between the app's records and case.json. The case record keeps platform and issue as ids and
// the 诉求 as `remedy`; case.json, also written by hand, may name them in words. The export fields
// the record has no place for (target, 事实与理由, both parties) are kept as the case's details so an
// export → import → export gives the same case.json.
import { issueTypeOf, PLATFORM_LABELS } from '../bundle/labels';
import { EMPTY_COMPLAINANT, EMPTY_COMPLAINT_FACTS, EMPTY_RESPONDENT } from '../bundle/types';
import type { BundleTarget, Complainant, ComplaintFacts, Respondent } from '../bundle/types';
import { EMPTY_CARD_SHOP, SECRET_MASK, cardShopRecordOf, isCardShopCase } from '../cardshop/record';
import type { CardShopPrint, CardShopRecord } from '../cardshop/record';
import { PLATFORMS } from '../domain/case';
import type { CaseRecord, Platform } from '../domain/case';
import { EMPTY_CASE_INPUT, normalizeAmount } from '../domain/caseForm';
import { caseFactsOf } from '../domain/bundleInput';
import type { EvidenceRecord } from '../domain/evidence';
import type { CaseEvent } from '../domain/events';
import { fromShanghaiLocal } from '../time/shanghai';
import type { CaseFolderImport, PortableCase, PortableEvidence } from './contract';

export interface CaseDetails {
  caseId: string;
  target: BundleTarget;
  statement: string;
  complainant: Complainant;
  respondent: Respondent;
  complaint: ComplaintFacts;
  cardShop: CardShopRecord;
}

type StoredDetails = Omit<Partial<CaseDetails>, 'complainant' | 'respondent' | 'complaint' | 'cardShop'> & {
  caseId: string;
  complainant?: Partial<Complainant>;
  respondent?: Partial<Respondent>;
  complaint?: Partial<ComplaintFacts>;
  cardShop?: Partial<CardShopRecord>;
};

/** A stored row with every field present: rows saved by older builds lack the Order 121 fields and the card-shop record. */
export function caseDetailsOf(row: StoredDetails): CaseDetails {
  return {
    caseId: row.caseId,
    target: row.target ?? 'platform',
    statement: row.statement ?? '',
    complainant: { ...EMPTY_COMPLAINANT, ...row.complainant },
    respondent: { ...EMPTY_RESPONDENT, ...row.respondent },
    complaint: { ...EMPTY_COMPLAINT_FACTS, ...row.complaint },
    cardShop: cardShopRecordOf(row.cardShop),
  };
}

/**
 * The card-shop record as letters and case.json print it. `secrets` are the opened values when the
 * buyer chose to show them; otherwise a recorded secret prints as the mask and an absent one as ''.
 */
export function cardShopPrintOf(record: CardShopRecord, orderNumber: string, secrets?: { queryPassword: string; cardCode: string }): CardShopPrint {
  const secret = (sealed: string, open: string | undefined) => (sealed === '' ? '' : (open ?? SECRET_MASK));
  return {
    domain: record.domain,
    orderNumber,
    contact: record.contact,
    queryPassword: secret(record.queryPasswordSealed, secrets?.queryPassword),
    cardCode: secret(record.cardCodeSealed, secrets?.cardCode),
    paymentTxn: record.paymentTxn,
    ticketUrl: record.ticketUrl,
  };
}

/** "2026-11-15 20:31", "2026-11-15T20:31:40" or "2026-11-15" as "YYYY-MM-DDTHH:mm:ss"; null when not a real time. */
export function normalizeLocal(text: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2})?)?$/.exec(text.trim());
  if (!m) return null;
  const value = `${m[1]}T${m[2] ?? '00:00'}${m[3] ?? ':00'}`;
  return fromShanghaiLocal(value) === null ? null : value;
}

const isPlatform = (v: string): v is Platform => (PLATFORMS as readonly string[]).includes(v);

/** A platform id, or the id whose label the text names ("京东", "淘宝"); 'other' otherwise. */
export function platformOf(text: string): Platform {
  const v = text.trim();
  if (isPlatform(v)) return v;
  if (v === '') return 'other';
  const hit = PLATFORMS.find((p) => p !== 'other' && PLATFORM_LABELS[p].split('/').some((label) => v.includes(label)));
  return hit ?? 'other';
}

/** Exhibits in the order the bundle numbers them: by capture time. */
export function exhibitOrder(evidence: readonly EvidenceRecord[]): EvidenceRecord[] {
  return [...evidence].sort((a, b) => a.capturedAt.localeCompare(b.capturedAt));
}

/** Imported case.json events come back as notes; their text is the event itself. */
export function eventLine(e: CaseEvent, eventText: (e: CaseEvent) => string): { at: string; text: string } {
  return { at: e.at, text: e.type === 'note' ? e.detail : eventText(e) };
}

export function portableCaseOf(record: CaseRecord, details: CaseDetails | undefined, events: readonly CaseEvent[], eventText: (e: CaseEvent) => string): PortableCase {
  return {
    ...caseFactsOf(record),
    target: details?.target ?? 'platform',
    request: record.remedy,
    statement: details?.statement ?? '',
    complainant: { ...EMPTY_COMPLAINANT, ...details?.complainant },
    // Field by field: details saved before the credit code existed have none.
    respondent: { ...EMPTY_RESPONDENT, name: record.shop, ...details?.respondent },
    complaint: { ...EMPTY_COMPLAINT_FACTS, ...details?.complaint },
    // Secrets stay masked in a case folder: the folder may be shared, and the key never leaves this computer.
    cardShop: isCardShopCase(record.platform) ? cardShopPrintOf(cardShopRecordOf(details?.cardShop), record.orderNumber) : null,
    events: events.map((e) => eventLine(e, eventText)),
  };
}

export const portableEvidenceOf = (e: EvidenceRecord): PortableEvidence => ({
  sha256: e.sha256,
  originalName: e.originalName,
  format: e.format,
  capturedAt: e.capturedAt,
  kind: e.kind,
  title: e.title,
  purpose: e.note,
});

export interface ImportedCase {
  record: CaseRecord;
  details: CaseDetails;
  evidence: EvidenceRecord[];
  events: CaseEvent[];
}

/** The records one import writes; case.json's events must already be checked by normalizeLocal (main does). */
export function importedCase(imp: CaseFolderImport, ctx: { caseId: string; now: string; newId: () => string }): ImportedCase {
  const c = imp.case;
  const purchased = normalizeLocal(c.purchasedAt);
  const record: CaseRecord = {
    ...EMPTY_CASE_INPUT,
    id: ctx.caseId,
    title: c.title,
    platform: platformOf(c.platform),
    shop: c.shop,
    item: c.item,
    orderNumber: c.orderNumber.replace(/\s+/g, ''),
    amount: normalizeAmount(c.amount) ?? '',
    // The record keeps minutes ("YYYY-MM-DDTHH:mm"), as the case form does.
    purchasedAt: purchased === null ? '' : purchased.slice(0, 16),
    issueType: issueTypeOf(c.issue),
    remedy: c.request,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const evidence = imp.evidence.map(
    (e): EvidenceRecord => ({
      ...e.blob,
      id: ctx.newId(),
      caseId: ctx.caseId,
      kind: e.kind,
      title: e.title || e.blob.originalName.replace(/\.[^.]+$/, ''),
      note: e.purpose,
      importedAt: ctx.now,
      importSource: 'folder',
    }),
  );
  const event = (type: CaseEvent['type'], at: string, detail: string, evidenceId: string | null = null): CaseEvent => ({ id: ctx.newId(), caseId: ctx.caseId, at, type, evidenceId, detail });
  const events: CaseEvent[] = [
    ...c.events.map((e) => event('note', normalizeLocal(e.at) ?? ctx.now, e.text)),
    // One event for the import itself: the evidence it brought is listed in the folder's own history.
    { ...event('case-imported', ctx.now, c.title), status: record.status },
  ];
  // A secret in case.json is either masked or plain text; neither is a sealed value, so it is not taken.
  const shop = c.cardShop;
  const cardShop: CardShopRecord = shop ? { ...EMPTY_CARD_SHOP, domain: shop.domain, contact: shop.contact, paymentTxn: shop.paymentTxn, ticketUrl: shop.ticketUrl } : { ...EMPTY_CARD_SHOP };
  const details: CaseDetails = {
    caseId: ctx.caseId,
    target: c.target,
    statement: c.statement,
    complainant: { ...c.complainant },
    respondent: { ...c.respondent },
    complaint: { ...c.complaint, requestKinds: [...c.complaint.requestKinds] },
    cardShop,
  };
  return { record, details, evidence, events };
}
