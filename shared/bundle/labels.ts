// The bundle is always written in Chinese, whatever language the app's UI uses: it goes to a Chinese
// platform or regulator. These mirror the renderer's zh resources for the same ids.
import { ISSUE_TYPES, PLATFORMS } from '../domain/case';
import type { IssueType, Platform } from '../domain/case';
import type { CaptureSource, EvidenceKind } from '../domain/evidence';
import type { FieldType } from '../domain/review';
import type { ExtractPlatform } from '../extract/types';
import type { BundleTarget } from './types';

export const PLATFORM_LABELS: Record<Platform, string> = {
  taobao: '淘宝/天猫',
  jd: '京东',
  pdd: '拼多多',
  douyin: '抖音',
  kameng: '卡盟/发卡网',
  xianyu: '闲鱼',
  other: '其他平台',
};

export const ISSUE_LABELS: Record<IssueType, string> = {
  'invalid-code': '卡密无效',
  'not-received': '未到账/未收到货',
  'not-as-described': '描述不符',
  quality: '质量问题',
  'double-charge': '重复扣款',
  'duplicate-order': '重复下单',
  'seller-unreachable': '商家失联',
  other: '其他',
};

export const KIND_LABELS: Record<EvidenceKind, string> = {
  order: '订单页面',
  payment: '付款凭证',
  chat: '聊天记录',
  policy: '规则/协议快照',
  defect: '瑕疵照片',
  video: '视频',
  audio: '音频',
  logistics: '物流信息',
  other: '其他',
};

export const CAPTURE_SOURCE_LABELS: Record<CaptureSource, string> = {
  exif: '照片 EXIF',
  filename: '文件名',
  statusbar: '截图状态栏时钟',
  user: '用户核对设定',
  mtime: '文件修改时间',
  clipboard: '粘贴时间',
  import: '导入时间',
  file: '网页文件记录的保存时间',
};

export const FIELD_LABELS: Record<FieldType, string> = {
  orderNumber: '订单号',
  transactionId: '交易号',
  trackingNumber: '运单号',
  amount: '金额',
  timestamp: '时间',
};

export const APP_LABELS: Record<ExtractPlatform, string> = {
  taobao: '淘宝',
  tmall: '天猫',
  jd: '京东',
  pdd: '拼多多',
  douyin: '抖音',
  kameng: '发卡网',
  alipay: '支付宝',
  wechatpay: '微信支付',
  wechat: '微信',
  qq: 'QQ',
  unknown: '',
};

export const TARGET_LABELS: Record<BundleTarget, string> = {
  platform: '平台申诉 / 退款申请',
  '12315': '12315 投诉',
};

/** What each kind usually proves, for an empty 证明目的. */
export const DEFAULT_PURPOSES: Record<EvidenceKind, string> = {
  order: '证明购买事实、订单号、商品及金额',
  payment: '证明已付款及付款金额、时间',
  chat: '证明已与商家沟通及商家的答复',
  policy: '证明商家页面或规则在争议前的承诺内容',
  defect: '证明商品存在的问题',
  video: '证明商品问题或沟通过程（原文件另行提交）',
  audio: '证明沟通内容（原文件另行提交）',
  logistics: '证明物流及签收状态',
  other: '证明相关事实',
};

const isPlatform = (v: string): v is Platform => (PLATFORMS as readonly string[]).includes(v);
const isIssue = (v: string): v is IssueType => (ISSUE_TYPES as readonly string[]).includes(v);

/** A platform id becomes its label; the buyer's own words stay as they are. */
export function platformLabel(value: string): string {
  const v = value.trim();
  return isPlatform(v) ? PLATFORM_LABELS[v] : v;
}

/** Words buyers use for each issue, so a case.json may say "卡密无效" or "invalid-code". */
const ISSUE_WORDS: ReadonlyArray<readonly [IssueType, RegExp]> = [
  ['invalid-code', /卡密|激活码|兑换码|无效|已被使用|激活失败/],
  ['double-charge', /重复扣款|扣了两次|多扣|重复支付/],
  ['duplicate-order', /重复下单|下了两单/],
  ['not-received', /未到账|未收到|没收到|未发货|不发货|未送达/],
  ['not-as-described', /描述不符|与描述|货不对板|不符/],
  ['quality', /质量|破损|损坏|坏了|瑕疵/],
  ['seller-unreachable', /失联|跑路|联系不上|不回复/],
];

/** The issue type an id or a phrase names; "other" when nothing matches. */
export function issueTypeOf(value: string): IssueType {
  const v = value.trim();
  if (isIssue(v)) return v;
  for (const [type, words] of ISSUE_WORDS) if (words.test(v)) return type;
  return 'other';
}

/** An issue id becomes its label; the buyer's own words stay as they are. */
export function issueLabel(value: string): string {
  const v = value.trim();
  return isIssue(v) ? ISSUE_LABELS[v] : v;
}

/** 证据N: the stamp and the name used everywhere an exhibit is referred to. */
export const exhibitLabel = (no: number): string => `证据${no}`;

/** "2026-11-17T12:03:04" → "2026-11-17 12:03"; seconds kept when asked. */
export function localText(at: string, seconds = false): string {
  if (at === '') return '';
  const [date = '', time = ''] = at.split('T');
  if (time === '') return date;
  return `${date} ${seconds ? time : time.slice(0, 5)}`;
}

/** "2026-11-15T20:31:07" → "2026年11月15日20:31", the form a written statement uses. */
export function chineseDateTime(at: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(at);
  if (!m) return at;
  const [, y, mo, d, h, mi] = m;
  const date = `${y}年${Number(mo)}月${Number(d)}日`;
  return h === undefined || mi === undefined ? date : `${date}${h}:${mi}`;
}

/** Bytes as the manifest shows them: "1.4 MB", "83 KB", "512 B". */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** Seconds as "3分05秒" / "1小时02分03秒". */
export function durationText(sec: number | null): string {
  if (sec === null || !Number.isFinite(sec)) return '未知';
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}小时${String(m).padStart(2, '0')}分${r}秒` : `${m}分${r}秒`;
}
