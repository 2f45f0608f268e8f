// Deadline presets as data. Shop and platform rules vary and change, and 总局令第121号
// (in force 2026-04-15) has not confirmed its periods, so every length is only a default
// the user can see and edit.
import { DeadlineInputError } from './localtime';

export const DEADLINE_UNITS = ['working-days', 'calendar-days', 'hours', 'years'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

export const PRESET_IDS = [
  'seven-day-return',
  'platform-review',
  'seller-response',
  'supplement-materials',
  'cooling-period',
  'arbitration-escalate',
  'refund-arrival-bank',
  '12315-acceptance',
  '12315-mediation',
  'complaint-limitation',
  'card-shop-same-day',
  'card-shop-platform-step-in',
] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/** How firm the source is, so the UI can say "law" versus "shop default". */
export type PresetBasis = 'law' | 'regulation' | 'practice' | 'payment-docs';

export interface DeadlineRule {
  length: number;
  unit: DeadlineUnit;
}

export interface DeadlinePreset extends DeadlineRule {
  id: PresetId;
  label: { zh: string; en: string };
  /** What the period counts from, shown next to the start-time field. */
  startsFrom: { zh: string; en: string };
  /** Citation text shown to the user. */
  source: string;
  basis: PresetBasis;
  editable: boolean;
  /** The earlier rule this default replaced, so a buyer who knew the old period sees what changed. */
  changedFrom?: { zh: string; en: string };
  /** The figure comes from an unofficial copy of the text and awaits the official one (待核实). */
  unconfirmed?: true;
}

const ORDER_20 = '《市场监督管理投诉举报处理暂行办法》(总局令第20号)';
const ORDER_121 = '《市场监督管理投诉举报处理办法》(总局令第121号,2026-04-15施行,取代第20号令)';
// What card shops themselves run on (qs-faka, acg-faka, dujiaoka): hours and calendar days.
const CARD_SHOPS = '发卡网/卡盟系统规则(如骑士发卡)';

export const DEADLINE_PRESETS = [
  {
    id: 'seven-day-return',
    label: { zh: '七日无理由退货', en: '7-day no-reason return' },
    startsFrom: { zh: '签收时间', en: 'Time of delivery sign-off' },
    source:
      '《消费者权益保护法》第二十五条;《网络购买商品七日无理由退货暂行办法》:七日自签收次日起算。平台严格计算,本应用不按节假日顺延',
    basis: 'law',
    length: 7,
    unit: 'calendar-days',
    editable: true,
  },
  {
    id: 'platform-review',
    label: { zh: '平台初审', en: 'Platform first review' },
    startsFrom: { zh: '申请退款时间', en: 'Time the refund was requested' },
    source: '平台及店铺惯例:初审 1–3 个工作日(默认取 3,各店规则不同)',
    basis: 'practice',
    length: 3,
    unit: 'working-days',
    editable: true,
  },
  {
    id: 'seller-response',
    label: { zh: '卖家确认', en: 'Seller response' },
    startsFrom: { zh: '转交卖家处理时间', en: 'Time the case reached the seller' },
    source: '店铺惯例:卖家确认 1–5 个工作日(默认取 5)',
    basis: 'practice',
    length: 5,
    unit: 'working-days',
    editable: true,
  },
  {
    id: 'supplement-materials',
    label: { zh: '补充材料', en: 'Supplementary material' },
    startsFrom: { zh: '平台要求补充材料的时间', en: 'Time the platform asked for more material' },
    source: '店铺惯例:要求补充材料后 24 小时内提交,逾期申请可能作废',
    basis: 'practice',
    length: 24,
    unit: 'hours',
    editable: true,
  },
  {
    id: 'cooling-period',
    label: { zh: '虚拟商品冷静期', en: 'Virtual-goods cooling period' },
    startsFrom: { zh: '下单或申请时间', en: 'Time of order or request' },
    source: '卡盟店铺惯例:虚拟商品冷静期 24–48 小时;承诺 48 小时审核,逾期先行赔付(默认取 48)',
    basis: 'practice',
    length: 48,
    unit: 'hours',
    editable: true,
  },
  {
    id: 'arbitration-escalate',
    label: { zh: '仲裁超时升级', en: 'Escalate stalled arbitration' },
    startsFrom: { zh: '平台介入时间', en: 'Time the platform intervened' },
    source: '店铺惯例:平台仲裁超过 5 个工作日,可升级至 12315、消协或黑猫投诉',
    basis: 'practice',
    length: 5,
    unit: 'working-days',
    editable: true,
  },
  {
    id: 'refund-arrival-bank',
    label: { zh: '退款到账(银行卡)', en: 'Refund reaches bank card' },
    startsFrom: { zh: '退款成功时间', en: 'Time the refund was approved' },
    source:
      '微信支付文档:银行卡 1–3 个工作日;店铺说明 3–5 个工作日,节假日可能再延 1–2 天(零钱约 5 分钟,支付宝余额即时)',
    basis: 'payment-docs',
    length: 3,
    unit: 'working-days',
    editable: true,
  },
  {
    id: '12315-acceptance',
    label: { zh: '12315 受理决定', en: '12315 acceptance decision' },
    startsFrom: { zh: '提交投诉时间', en: 'Time the complaint was filed' },
    source: `沿用${ORDER_20}第十四条:收到投诉之日起 7 个工作日内决定是否受理;${ORDER_121}尚无已确认的受理期限`,
    basis: 'regulation',
    length: 7,
    unit: 'working-days',
    editable: true,
    unconfirmed: true,
  },
  {
    id: '12315-mediation',
    label: { zh: '12315 调解期限', en: '12315 mediation period' },
    startsFrom: { zh: '受理时间', en: 'Time the complaint was accepted' },
    source: `${ORDER_121}第二十三条第一款第(五)项:自受理之日起六十日内未达成调解协议的,终止调解(据非官方文本,待核实)`,
    basis: 'regulation',
    length: 60,
    unit: 'calendar-days',
    editable: true,
    changedFrom: { zh: '第20号令:受理之日起 45 个工作日', en: 'Order 20: 45 working days from acceptance' },
    unconfirmed: true,
  },
  {
    id: 'complaint-limitation',
    label: { zh: '投诉时效', en: 'Complaint time limit' },
    startsFrom: { zh: '知道权益受损的时间', en: 'Time you learned of the harm' },
    source: `${ORDER_121}第十六条:自知道或者应当知道权益受到侵害之日起超过三年的,不予受理;期间按《民法典》第二百零二条计算`,
    basis: 'regulation',
    length: 3,
    unit: 'years',
    editable: true,
  },
  {
    id: 'card-shop-same-day',
    label: { zh: '卡盟当天投诉', en: 'Card shop: complain the same day' },
    startsFrom: { zh: '下单时间', en: 'Time of the order' },
    source: `${CARD_SHOPS}:只受理下单当天(自然日)的投诉,每单一次,当天 23:59:59 截止`,
    basis: 'practice',
    length: 0,
    unit: 'calendar-days',
    // The window is the shop system's rule, not a length a buyer can bargain over.
    editable: false,
  },
  {
    id: 'card-shop-platform-step-in',
    label: { zh: '卡盟平台介入', en: 'Card shop: platform steps in' },
    startsFrom: { zh: '提交投诉时间', en: 'Time the complaint was filed' },
    source: `${CARD_SHOPS}:投诉后 24 小时内未解决的,平台客服介入`,
    basis: 'practice',
    length: 24,
    unit: 'hours',
    editable: true,
  },
] as const satisfies readonly DeadlinePreset[];

const BY_ID: ReadonlyMap<string, DeadlinePreset> = new Map(DEADLINE_PRESETS.map((p) => [p.id, p]));

export function isPresetId(id: string): id is PresetId {
  return BY_ID.has(id);
}

export function findPreset(id: string): DeadlinePreset | undefined {
  return BY_ID.get(id);
}

export function getPreset(id: PresetId): DeadlinePreset {
  const preset = BY_ID.get(id);
  if (!preset) throw new Error(`preset table is missing ${id}`);
  return preset;
}

/** Zero calendar days is the start day itself (until 23:59:59): a card shop's 当天 window. */
const MIN_LENGTH: Readonly<Record<DeadlineUnit, number>> = {
  'working-days': 1,
  'calendar-days': 0,
  hours: 1,
  years: 1,
};

/** The shortest length a rule of this unit accepts. */
export function minLengthOf(unit: DeadlineUnit): number {
  return MIN_LENGTH[unit];
}

// Upper bounds keep a typo (45000 working days) from looping for seconds or leaving the supported years.
const MAX_LENGTH: Readonly<Record<DeadlineUnit, number>> = {
  'working-days': 1000,
  'calendar-days': 3650,
  hours: 24 * 3650,
  years: 30,
};

/** The longest length a rule of this unit accepts. */
export function maxLengthOf(unit: DeadlineUnit): number {
  return MAX_LENGTH[unit];
}

/** Why a rule cannot be computed, or null when it is fine. */
export function checkRule(rule: DeadlineRule): string | null {
  if (!DEADLINE_UNITS.includes(rule.unit)) return `unknown unit "${String(rule.unit)}"`;
  const min = MIN_LENGTH[rule.unit];
  const max = MAX_LENGTH[rule.unit];
  if (!Number.isInteger(rule.length) || rule.length < min || rule.length > max) {
    return `length ${String(rule.length)} is not a whole number of ${rule.unit} between ${min} and ${max}`;
  }
  return null;
}

/** User edits to preset lengths, keyed by preset id. */
export type PresetOverrides = Partial<Record<PresetId, number>>;

/** The preset with the user's length applied; an override of a locked preset is ignored. */
export function resolvePreset(id: PresetId, overrides: PresetOverrides = {}): DeadlinePreset {
  const preset = getPreset(id);
  const length = overrides[id];
  if (length === undefined || !preset.editable) return preset;
  const problem = checkRule({ length, unit: preset.unit });
  if (problem !== null) throw new DeadlineInputError(`${id}: ${problem}`);
  return { ...preset, length };
}
