// Vocabulary of the extraction layer. Everything here is plain data so main, the renderer and the CLI
// can pass it across IPC or print it as JSON without conversion.
import type { CaptureSource } from '../domain/evidence';

/** A tesseract.js word box, in image pixels. */
export interface BBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** 0–100, as tesseract reports it. */
  confidence: number;
  bbox: BBox;
}

export interface OcrPage {
  text: string;
  words?: readonly OcrWord[];
}

/**
 * How a time was obtained: shown whole on screen (截图所示), resolved from a relative or partial
 * stamp against a trusted capture time (按截图时间推算), or against a weak one (约, approximate).
 */
export const TIME_BASES = ['shown', 'inferred', 'approx'] as const;
export type TimeBasis = (typeof TIME_BASES)[number];

export interface Field {
  value: string;
  /** 0–1: how sure the pattern is, scaled by tesseract's confidence in the words it came from. */
  confidence: number;
  /** Union of the word boxes the value was read from; null for text without boxes (chat logs). */
  box: BBox | null;
  /** The on-screen label the value sat next to, e.g. 订单编号. */
  label?: string;
  /** 1-based line in the cleaned page text, or the source line of a chat-log message. */
  line?: number;
  /**
   * Whether the second reader (tesseract.js on the field's own crop) read the same value: true when
   * both engines agree, false for 请核对, null when there was no box to crop; absent when not checked.
   */
  agree?: boolean | null;
  /** Timestamps only; absent on fields of older builds and of chat logs (which are exact: 'shown'). */
  basis?: TimeBasis;
  /** Timestamps only: later than the capture time, which is impossible, so the capture time is wrong. */
  afterCapture?: true;
}

export const ID_SCHEMES = [
  'taobao',
  'tmall',
  'douyin',
  'jd',
  'pdd',
  'kameng',
  'merchant',
  'order',
  'alipay',
  'wechatpay',
  'tracking',
] as const;
export type IdScheme = (typeof ID_SCHEMES)[number];

export interface IdField extends Field {
  /** Which format the value matched; 'order' is a labelled order number of no known format. */
  scheme: IdScheme;
}

export const EXTRACT_PLATFORMS = [
  'taobao',
  'tmall',
  'jd',
  'pdd',
  'douyin',
  'kameng',
  'alipay',
  'wechatpay',
  'wechat',
  'qq',
  'unknown',
] as const;
export type ExtractPlatform = (typeof EXTRACT_PLATFORMS)[number];

export const EXTRACT_KINDS = ['order', 'payment', 'chat', 'policy', 'other'] as const;
export type ExtractKind = (typeof EXTRACT_KINDS)[number];

export const SCAM_SIGNAL_IDS = [
  'deposit',
  'unfreeze',
  'activate-refund',
  'upfront-fee',
  'screen-share',
  'meeting-app',
  'face-scan',
  'sms-code',
  'bank-card',
  'reserve-fund',
  'loan',
  'credit-score',
  'private-contact',
  'qr-refund',
  'compensation',
  'vip-cancel',
  'passwordless',
  'safe-account',
] as const;
export type ScamSignalId = (typeof SCAM_SIGNAL_IDS)[number];

export interface ScamSignal {
  id: ScamSignalId;
  /** Plain-words Chinese label for the warning banner. */
  label: string;
  /** A strong signal flags on its own; weak ones only when two different ones occur. */
  strength: 'strong' | 'weak';
  excerpt: string;
  /** Set when the input was a list of chat messages. */
  messageIndex?: number;
  /** 1-based line: of the text for plain text, of the source file for chat-log messages. */
  line?: number;
}

export interface ScamResult {
  scam: boolean;
  signals: ScamSignal[];
}

export const CHAT_LOG_FORMATS = ['qq-txt', 'wechatmsg-csv', 'wechatmsg-txt'] as const;
export type ChatLogFormat = (typeof CHAT_LOG_FORMATS)[number];

export interface ChatMessage {
  index: number;
  sender: string;
  /** QQ number or mail for QQ exports, wxid for WeChatMsg CSV. */
  senderId?: string;
  /** True when the export marks the message as sent by the exporting user. */
  fromSelf?: boolean;
  /** Local Asia/Shanghai "YYYY-MM-DDTHH:mm:ss", or null when the source time is missing or invalid. */
  at: string | null;
  text: string;
  /** 1-based line in the source file where the message starts. */
  line: number;
  malformed?: true;
}

export interface ParsedChatLog {
  format: ChatLogFormat;
  messages: ChatMessage[];
}

export interface Extraction {
  platform: ExtractPlatform;
  kind: ExtractKind;
  orderNumbers: IdField[];
  transactionIds: IdField[];
  trackingNumbers: IdField[];
  /** Exact times: shown on screen, or resolved against a trusted capture time and not after it. */
  timestamps: Field[];
  /**
   * Relative or partial stamps resolved against a weak capture time, and any resolved time that
   * lands after the capture: never listed as exact. Absent on older results.
   */
  approxTimestamps?: Field[];
  /** Some time on screen is later than the capture time: 截图时间可能有误. */
  captureSuspect?: true;
  /**
   * The capture time the stamps were read against, after the status-bar clock was read (issue 12):
   * screenshots only; absent on older results and chat logs.
   */
  capture?: {
    capturedAt: string;
    captureSource: CaptureSource;
    dateFrom?: CaptureSource;
    statusBar: { time: string; agrees: boolean } | null;
  };
  amount: Field | null;
  /**
   * Several figures tied for the amount paid (a list of orders), so none was taken: listed for the
   * buyer, in page order. Absent when there was no tie.
   */
  amountChoices?: string[];
  scam: boolean;
  scamSignals: ScamSignal[];
  /** Cleaned OCR text, or a transcript of the chat log. */
  text: string;
  /**
   * Set when the input was longer than the extractors read (MAX_EXTRACT_CHARS, MAX_MESSAGE_CHARS):
   * fields come from the first part only, and the UI and `scan` say so.
   */
  truncated?: true;
}

/** The `scan` CLI line without `file`, which the caller puts first. Key order is the contract. */
export interface ScanJson {
  capturedAt: string | null;
  /** Where capturedAt came from (a CaptureSource, issue 12); null when there is none. */
  capturedAtSource: string | null;
  platform: ExtractPlatform;
  kind: ExtractKind;
  orderNumbers: string[];
  transactionIds: string[];
  /** Exact times only. */
  timestamps: string[];
  /** Relative stamps resolved against a weak capture time, or landing after it: approximate. */
  approxTimestamps: string[];
  /** Present only when a time on screen is later than capturedAt (the capture time is wrong). */
  captureSuspect?: true;
  amount: string | null;
  scam: boolean;
  scamSignals: string[];
  text: string;
  /** Present only when the text was cut for extraction (see Extraction.truncated). */
  truncated?: true;
}

/** A value found in text, before it is turned into a Field. Offsets index the cleaned text. */
export interface TextHit {
  value: string;
  start: number;
  end: number;
  /** 1-based. */
  line: number;
  confidence: number;
  label?: string;
  /** Timestamps only. */
  basis?: TimeBasis;
  afterCapture?: true;
}
