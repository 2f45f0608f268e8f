// The evidence bundle's input: plain data, so the renderer can send it over IPC and the CLI can build
// it from a case.json. Main reads the originals by sha256 from the vault; everything else is here.
import type { BlobInfo, EvidenceKind } from '../domain/evidence';
import type { FieldType } from '../domain/review';
import type { BBox, ChatMessage, ExtractPlatform, TimeBasis } from '../extract/types';
import type { CardShopPrint } from '../cardshop/record';
import type { IdType } from '../complaint/idNumber';
import type { RequestKind } from '../complaint/request';

export const BUNDLE_TARGETS = ['platform', '12315'] as const;
/** platform: 平台申诉 / 退款申请 with a 申请说明; 12315: a 投诉书 with the regulation's fields. */
export type BundleTarget = (typeof BUNDLE_TARGETS)[number];

/**
 * Decimal megabytes: a part of 5 000 000 bytes passes a "5 MB" upload check whether the platform
 * means 10^6 or 2^20 bytes.
 */
export const MB = 1_000_000;
/** The upload limits the export dialog offers, in bytes; null is "no limit". */
export const SIZE_LIMITS = [5 * MB, 10 * MB, 20 * MB, null] as const;
export const DEFAULT_SIZE_LIMIT = 5 * MB;

export interface BundleCase {
  title: string;
  /** A Platform id ("taobao") or the buyer's own words ("淘宝"). */
  platform: string;
  shop: string;
  item: string;
  /** Text, never a number: order numbers overflow doubles. */
  orderNumber: string;
  /** Decimal yuan as text ("149.90"). */
  amount: string;
  /** Local Asia/Shanghai "YYYY-MM-DDTHH:mm[:ss]", or "". */
  purchasedAt: string;
  /** An IssueType id ("invalid-code") or the buyer's own words ("卡密无效"). */
  issue: string;
  /** 诉求: what the buyer asks for, e.g. "全额退款 149.90 元". */
  request: string;
  /** 事实与理由. */
  statement: string;
}

export interface Complainant {
  name: string;
  phone: string;
  address: string;
  /** '' until the buyer picks one. */
  idType: IdType | '';
  idNumber: string;
  /** 同意公开 and 同意委托调解 (Order 121): null until the buyer answers; never preset. */
  consentPublish: boolean | null;
  consentMediation: boolean | null;
}

export interface Respondent {
  name: string;
  address: string;
  /** 统一社会信用代码 when the buyer found it (shop 资质 page); '' when unknown. */
  creditCode: string;
  /** 联系人 and 联系电话 where known. */
  contact: string;
  phone: string;
}

/** Who else already has the dispute (Order 121 Art. 16): '' until the buyer answers. */
export const PROCEEDINGS = ['none', 'court', 'arbitration', 'consumer-association'] as const;
export type Proceeding = (typeof PROCEEDINGS)[number];

/** What Order 121's registration form asks beyond the case facts. */
export interface ComplaintFacts {
  /** 地点: the platform or the shop's URL for an online purchase. */
  place: string;
  requestKinds: RequestKind[];
  /** Decimal yuan as text, or ''. */
  requestAmount: string;
  /** "YYYY-MM-DD" the buyer knew of the harm (the 3-year limit runs from it), or ''. */
  knewOfHarmAt: string;
  otherProceeding: Proceeding | '';
}

export const EMPTY_COMPLAINANT: Complainant = { name: '', phone: '', address: '', idType: '', idNumber: '', consentPublish: null, consentMediation: null };
export const EMPTY_RESPONDENT: Respondent = { name: '', address: '', creditCode: '', contact: '', phone: '' };
export const EMPTY_COMPLAINT_FACTS: ComplaintFacts = { place: '', requestKinds: [], requestAmount: '', knewOfHarmAt: '', otherProceeding: '' };

/** One extracted field as the buyer left it after review (deleted ones are not sent). */
export interface BundleField {
  type: FieldType;
  value: string;
  /** The on-screen label it sat next to (付款时间, 订单编号…), when OCR saw one. */
  label: string | null;
  /** Timestamps: shown on screen, resolved against a trusted capture time, or approximate (kept by the buyer). Absent: shown. */
  basis?: TimeBasis;
}

/** A stored original as main describes it (without the thumbnail flag), plus how the bundle presents it. */
export interface BundleEvidence extends Omit<BlobInfo, 'hasThumbnail'> {
  /** Local "YYYY-MM-DDTHH:mm:ss". */
  importedAt: string;
  kind: EvidenceKind;
  title: string;
  /** 证明目的; a default for the kind is used when empty. */
  purpose: string;
  /** 来源 column; derived from the kind, media and platform when absent or empty. */
  source?: string;
  /** A time on screen is later than the capture time (截图时间可能有误); said on the exhibit page. */
  captureSuspect?: boolean;
  /** With captureSource statusbar: where the date came from (the bar shows only the time of day). */
  captureDateFrom?: BlobInfo['captureSource'];
  /** The app or platform OCR recognised, for the 来源 column. */
  platform?: ExtractPlatform | null;
  fields: BundleField[];
  /** A parsed chat-log export, printed as a transcript. */
  messages: ChatMessage[] | null;
  /**
   * Rectangles in the upright original's pixels to black out when the export asks for redaction:
   * the ones the buyer drew plus those redactionTargets found in the OCR words.
   */
  redactions?: BBox[];
  /**
   * A video's key frames chosen for the contact sheet, by offset in seconds (as stored with the
   * frames); absent, the frames the app suggested are used.
   */
  frames?: number[];
}

export interface BundleEvent {
  /** Local "YYYY-MM-DDTHH:mm[:ss]". */
  at: string;
  text: string;
}

export interface BundleInput {
  target: BundleTarget;
  case: BundleCase;
  complainant: Complainant;
  respondent: Respondent;
  complaint: ComplaintFacts;
  /** A 卡盟/发卡网 order record, secrets already masked or shown as the buyer chose; null otherwise. */
  cardShop: CardShopPrint | null;
  /** In exhibit order: the first is 证据1. */
  evidence: BundleEvidence[];
  events: BundleEvent[];
  /** Local "YYYY-MM-DDTHH:mm:ss"; the service uses its clock when absent. */
  exportedAt?: string;
}
