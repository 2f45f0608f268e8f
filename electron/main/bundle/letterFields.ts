// The parts of the letter Order 121's 投诉登记表 asks for: the parties with the complainant's ID and
// both consents, the facts (time, place, goods, amount), the request picked from the regulation's
// list, and, for a 卡盟/发卡网 order, the card-shop record with its secrets as main prepared them.
import { CARD_SHOP_FIELDS, CARD_SHOP_LABELS } from '../../../shared/cardshop/record';
import type { CardShopPrint } from '../../../shared/cardshop/record';
import { ID_TYPE_LABELS } from '../../../shared/complaint/idNumber';
import { requestLine } from '../../../shared/complaint/request';
import { issueLabel, localText, platformLabel } from '../../../shared/bundle/labels';
import type { BundleInput } from '../../../shared/bundle/types';

export type KvItem = { type: 'kv'; label: string; value: string };
export type LetterItem = KvItem | { type: 'heading'; text: string } | { type: 'gap'; height: number };

const kv = (label: string, value: string): KvItem => ({ type: 'kv', label, value: value.trim() });
const amountText = (amount: string) => (amount === '' ? '' : `${amount} 元`);
// An unanswered consent prints as such: the letter never answers for the buyer.
const consent = (v: boolean | null) => (v === null ? '未选择' : v ? '同意' : '不同意');

const PROCEEDING_TEXT: Record<BundleInput['complaint']['otherProceeding'], string> = {
  '': '',
  none: '否（未向人民法院、仲裁机构或消费者协会提出）',
  court: '已向人民法院提出',
  arbitration: '已向仲裁机构提出',
  'consumer-association': '已向消费者协会提出',
};

export function partyItems(input: BundleInput): LetterItem[] {
  const p = input.complainant;
  const r = input.respondent;
  if (input.target !== '12315') return [kv('申请人', p.name), kv('联系电话', p.phone), kv('商家', r.name)];
  return [
    { type: 'heading', text: '投诉人' },
    kv('姓名', p.name),
    kv('电话', p.phone),
    kv('证件类型', p.idType === '' ? '' : ID_TYPE_LABELS[p.idType]),
    kv('证件号码', p.idNumber.replace(/\s+/g, '')),
    kv('地址', p.address),
    kv('同意公开', consent(p.consentPublish)),
    kv('同意委托调解', consent(p.consentMediation)),
    { type: 'gap', height: 6 },
    { type: 'heading', text: '被投诉人' },
    kv('名称', r.name),
    kv('地址', r.address),
    kv('统一社会信用代码', r.creditCode),
    kv('联系人', r.contact),
    kv('联系电话', r.phone),
  ];
}

export function factItems(input: BundleInput): LetterItem[] {
  const c = input.case;
  const f = input.complaint;
  return [
    { type: 'heading', text: '交易信息' },
    kv('消费时间', localText(c.purchasedAt)),
    kv('消费地点', f.place || [platformLabel(c.platform), c.shop].filter((s) => s !== '').join(' · ')),
    kv('商品或服务', c.item),
    kv('金额', amountText(c.amount)),
    kv('订单号', c.orderNumber),
    kv('问题类型', issueLabel(c.issue)),
    ...(input.target === '12315' ? [kv('知道受损日期', f.knewOfHarmAt), kv('其他途径', PROCEEDING_TEXT[f.otherProceeding])] : []),
  ];
}

export function cardShopItems(shop: CardShopPrint | null): LetterItem[] {
  if (shop === null) return [];
  const rows = CARD_SHOP_FIELDS.map((k) => kv(CARD_SHOP_LABELS[k], shop[k])).filter((r) => r.value !== '');
  return rows.length === 0 ? [] : [{ type: 'gap', height: 6 }, { type: 'heading', text: '发卡网订单记录' }, ...rows];
}

/** The request as the letter states it: the picked kinds and amount, then the buyer's own words. */
export function requestText(input: BundleInput): string {
  return requestLine(input.complaint.requestKinds, input.complaint.requestAmount, input.case.request);
}
