// The evidence bundle's input: plain data, so the renderer can send it over IPC and the CLI can build
// it from a case.json. Main reads the originals by sha256 from the vault; everything else is here.
import type { BlobInfo, EvidenceKind } from '../domain/evidence';
import type { FieldType } from '../domain/review';
import type { BBox, ChatMessage, ExtractPlatform } from '../extract/types';

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
}

export interface Respondent {
  name: string;
  address: string;
  /** 统一社会信用代码 when the buyer found it (shop 资质 page); '' when unknown. */
  creditCode: string;
}

/** One extracted field as the buyer left it after review (deleted ones are not sent). */
export interface BundleField {
  type: FieldType;
  value: string;
  /** The on-screen label it sat next to (付款时间, 订单编号…), when OCR saw one. */
  label: string | null;
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
  /** In exhibit order: the first is 证据1. */
  evidence: BundleEvidence[];
  events: BundleEvent[];
  /** Local "YYYY-MM-DDTHH:mm:ss"; the service uses its clock when absent. */
  exportedAt?: string;
}
