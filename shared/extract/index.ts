// Public API of the extraction layer: pure functions over OCR text and chat-log exports.

export type {
  BBox,
  ChatLogFormat,
  ChatMessage,
  ExtractKind,
  ExtractPlatform,
  Extraction,
  Field,
  IdField,
  IdScheme,
  OcrPage,
  OcrWord,
  ParsedChatLog,
  ScamResult,
  ScamSignal,
  ScamSignalId,
  ScanJson,
  TextHit,
  TimeBasis,
} from './types';
export { TIME_BASES, CHAT_LOG_FORMATS, EXTRACT_KINDS, EXTRACT_PLATFORMS, ID_SCHEMES, SCAM_SIGNAL_IDS } from './types';

export { cleanOcrText } from './cleanup';
export { extractIds } from './ids';
export type { IdExtraction, IdHit, IdOptions } from './ids';
export { isAlipayTradeNo, isWechatTransactionId, isPddOrder, isPhoneNumber, isCardCode } from './id-formats';
export { extractTimestamps, isAfter } from './timestamps';
export type { TimestampOptions } from './timestamps';
export { extractAmount } from './amount';
export type { AmountOptions } from './amount';
export { classifyKind, classifyPage } from './classify';
export type { Classification } from './classify';
export { detectScam } from './scam';
export type { ScamMessage } from './scam';
export { SCAM_RULES } from './scam-rules';
export type { ScamRule } from './scam-rules';
export { parseQqTxt } from './chatlog/qq';
export { parseWechatMsgCsv, parseWechatMsgTxt, WECHATMSG_COLUMNS } from './chatlog/wechatmsg';
export { detectChatLog, parseChatLog } from './chatlog/detect';
export { extractFields, extractFromChatLog, chatLogTranscript, reresolveTimes, splitTimes, toScanJson, MAX_EXTRACT_CHARS, MAX_MESSAGE_CHARS } from './extract';
export type { ExtractHints, ExtractOptions, SplitTimes } from './extract';
