// "Copy for the 12315 form": each value ready to paste, in the order the 12315 web flow asks for
// them (pick the company by name or 统一社会信用代码, then goods, purchase time, order number, what
// happened, what you want), then the complainant's own details and the two consents.
import { issueLabel, localText, platformLabel } from '../bundle/labels';
import type { BundleInput } from '../bundle/types';
import { normalizeAmount } from '../domain/caseForm';
import { ID_TYPE_LABELS } from './idNumber';
import { requestLine } from './request';

export const PASTE_KEYS = [
  'respondent.name',
  'respondent.creditCode',
  'respondent.address',
  'respondent.contact',
  'goods',
  'time',
  'orderNumber',
  'amount',
  'place',
  'issue',
  'statement',
  'request',
  'requestAmount',
  'complainant.name',
  'complainant.phone',
  'complainant.idType',
  'complainant.idNumber',
  'complainant.address',
  'consentPublish',
  'consentMediation',
] as const;
export type PasteKey = (typeof PASTE_KEYS)[number];

export interface PasteField {
  key: PasteKey;
  /** The 12315 form's own wording for the box. */
  label: string;
  /** Exactly what to paste; '' when the case has nothing for it. */
  value: string;
}

const LABELS: Record<PasteKey, string> = {
  'respondent.name': '被投诉单位名称',
  'respondent.creditCode': '统一社会信用代码',
  'respondent.address': '被投诉单位地址',
  'respondent.contact': '被投诉单位联系人及电话',
  goods: '商品或服务名称',
  time: '消费时间',
  orderNumber: '订单号',
  amount: '消费金额（元）',
  place: '消费地点/网址',
  issue: '投诉问题',
  statement: '投诉内容（事实与理由）',
  request: '投诉诉求',
  requestAmount: '诉求金额（元）',
  'complainant.name': '投诉人姓名',
  'complainant.phone': '联系电话',
  'complainant.idType': '证件类型',
  'complainant.idNumber': '证件号码',
  'complainant.address': '联系地址',
  consentPublish: '是否同意公开',
  consentMediation: '是否同意委托调解',
};

const yesNo = (v: boolean | null) => (v === null ? '' : v ? '同意' : '不同意');

export function pasteFields(input: Pick<BundleInput, 'case' | 'complainant' | 'respondent' | 'complaint'>): PasteField[] {
  const { case: c, complainant: p, respondent: r, complaint } = input;
  const values: Record<PasteKey, string> = {
    'respondent.name': r.name,
    'respondent.creditCode': r.creditCode,
    'respondent.address': r.address,
    'respondent.contact': [r.contact, r.phone].filter((s) => s.trim() !== '').join(' '),
    goods: c.item,
    time: localText(c.purchasedAt),
    orderNumber: c.orderNumber,
    amount: normalizeAmount(c.amount) ?? c.amount,
    place: complaint.place || platformLabel(c.platform),
    issue: issueLabel(c.issue),
    statement: c.statement,
    request: requestLine(complaint.requestKinds, '', c.request),
    requestAmount: normalizeAmount(complaint.requestAmount) ?? complaint.requestAmount,
    'complainant.name': p.name,
    'complainant.phone': p.phone,
    'complainant.idType': p.idType === '' ? '' : ID_TYPE_LABELS[p.idType],
    'complainant.idNumber': p.idNumber.replace(/\s+/g, ''),
    'complainant.address': p.address,
    consentPublish: yesNo(p.consentPublish),
    consentMediation: yesNo(p.consentMediation),
  };
  return PASTE_KEYS.map((key) => ({ key, label: LABELS[key], value: values[key].trim() }));
}
