// What a 12315 complaint must contain (市场监督管理投诉举报处理办法, 总局令第121号, and its 投诉登记表):
// the complainant's name, phone, ID, address and two consents; the respondent's name and address;
// the facts (time, place, goods, amount); a request picked from the regulation's list. A complaint
// missing any of them is not accepted (Art. 16), so the export is blocked with one error per field,
// and so is one Art. 16 refuses for its own reasons (too late, already before another body).
import { computeDue } from '../deadlines/due';
import { getPreset } from '../deadlines/presets';
import { normalizeAmount } from '../domain/caseForm';
import { RESIDENT_ID_MESSAGES, residentIdProblem } from '../complaint/idNumber';
import { CREDIT_CODE_MESSAGES, creditCodeProblem } from './creditCode';
import type { BundleInput, BundleTarget, Proceeding } from './types';

export const COMPLAINT_FIELDS = [
  'complainant.name',
  'complainant.phone',
  'complainant.idType',
  'complainant.idNumber',
  'complainant.address',
  'complainant.consentPublish',
  'complainant.consentMediation',
  'respondent.name',
  'respondent.address',
  'respondent.creditCode',
  'respondent.phone',
  'facts.time',
  'facts.place',
  'facts.goods',
  'facts.amount',
  'request',
  'request.amount',
  'statement',
  'knewOfHarmAt',
  'otherProceeding',
] as const;
export type ComplaintField = (typeof COMPLAINT_FIELDS)[number];

export const COMPLAINT_FIELD_LABELS: Record<ComplaintField, string> = {
  'complainant.name': '投诉人姓名',
  'complainant.phone': '投诉人电话',
  'complainant.idType': '证件类型',
  'complainant.idNumber': '证件号码',
  'complainant.address': '投诉人地址',
  'complainant.consentPublish': '是否同意公开投诉信息',
  'complainant.consentMediation': '是否同意委托调解',
  'respondent.name': '被投诉人名称',
  'respondent.address': '被投诉人地址',
  'respondent.creditCode': '统一社会信用代码',
  'respondent.phone': '被投诉人电话',
  'facts.time': '消费时间',
  'facts.place': '消费地点（平台或店铺网址）',
  'facts.goods': '商品或服务',
  'facts.amount': '消费金额',
  request: '投诉请求',
  'request.amount': '请求金额',
  statement: '事实与理由',
  knewOfHarmAt: '知道权益受损的日期',
  otherProceeding: '是否已向法院、仲裁机构或消协提出',
};

/**
 * Art. 16 grounds for not accepting a complaint, so the dialog can say which one applies:
 * missing (required materials absent or wrong), limitation (over 3 years), proceeding (same
 * dispute before a court, an arbitration body or 消协).
 */
export type RefusalGround = 'missing' | 'limitation' | 'proceeding';

export interface FieldError {
  field: ComplaintField;
  code: 'required' | 'invalid' | 'refused';
  message: string;
  ground: RefusalGround;
}

const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}\d{7,8}(?:\d{1,4})?$/;
const MIN_ADDRESS = 5;
const MIN_STATEMENT = 20;

/** Strips the spaces, dashes and brackets people type into phone numbers. */
export const normalizePhone = (phone: string): string => phone.replace(/[\s\-()（）]/g, '');

export function isValidPhone(phone: string): boolean {
  const p = normalizePhone(phone);
  return MOBILE.test(p) || LANDLINE.test(p);
}

type ComplaintInput = Pick<BundleInput, 'complainant' | 'respondent' | 'complaint'> & {
  case: Pick<BundleInput['case'], 'request' | 'statement' | 'purchasedAt' | 'item' | 'amount'>;
};

const REQUIRED_HINTS: Partial<Record<ComplaintField, string>> = {
  'complainant.idNumber': '12315 实名登记时需要核对证件',
  'complainant.consentPublish': '须由你本人选择“同意”或“不同意”，本应用不代选',
  'complainant.consentMediation': '须由你本人选择“同意”或“不同意”，本应用不代选',
  'respondent.name': '填写店铺的经营者名称（店铺首页“营业执照/资质”里可以查到），或店铺名称',
  'respondent.address': '店铺资质页上的经营地址；查不到时可填写平台经营者的住所地，由平台所在地市场监管部门处理',
  'facts.place': '网购填写平台名称或店铺网址',
  request: '从 修理、重作、更换、退货、补足数量、退还货款/服务费、赔偿损失 中选择',
  statement: '按“时间 + 事件 + 诉求”写明经过，可用“生成理由”自动起草',
  knewOfHarmAt: '用于核对三年投诉时效（第十六条）',
  otherProceeding: '同一纠纷已由法院、仲裁机构或消协受理的，12315 不予受理（第十六条）',
};

const PROCEEDING_LABELS: Record<Exclude<Proceeding, 'none'>, string> = {
  court: '人民法院',
  arbitration: '仲裁机构',
  'consumer-association': '消费者协会',
};

function missing(errors: FieldError[], field: ComplaintField): void {
  const label = COMPLAINT_FIELD_LABELS[field];
  const hint = REQUIRED_HINTS[field];
  errors.push({ field, code: 'required', ground: 'missing', message: hint ? `请填写${label}：${hint}` : `请填写${label}` });
}

const invalid = (field: ComplaintField, message: string): FieldError => ({ field, code: 'invalid', ground: 'missing', message });

function complainantErrors(input: ComplaintInput, errors: FieldError[]): void {
  const p = input.complainant;
  if (p.name.trim() === '') missing(errors, 'complainant.name');
  if (p.phone.trim() === '') missing(errors, 'complainant.phone');
  else if (!isValidPhone(p.phone)) errors.push(invalid('complainant.phone', '投诉人电话格式不正确：应为11位手机号或带区号的固定电话'));
  if (p.idType === '') missing(errors, 'complainant.idType');
  if (p.idNumber.trim() === '') missing(errors, 'complainant.idNumber');
  else if (p.idType === 'resident-id') {
    const problem = residentIdProblem(p.idNumber);
    if (problem !== null) errors.push(invalid('complainant.idNumber', RESIDENT_ID_MESSAGES[problem]));
  }
  if (p.address.trim() === '') missing(errors, 'complainant.address');
  else if (p.address.trim().length < MIN_ADDRESS) errors.push(invalid('complainant.address', '投诉人地址过于简略：请写到街道和门牌号'));
  if (p.consentPublish === null) missing(errors, 'complainant.consentPublish');
  if (p.consentMediation === null) missing(errors, 'complainant.consentMediation');
}

function respondentErrors(input: ComplaintInput, errors: FieldError[]): void {
  const r = input.respondent;
  if (r.name.trim() === '') missing(errors, 'respondent.name');
  if (r.address.trim() === '') missing(errors, 'respondent.address');
  else if (r.address.trim().length < MIN_ADDRESS) errors.push(invalid('respondent.address', '被投诉人地址过于简略：请写到街道和门牌号'));
  // Optional (a shop page may not show it), but a wrong one would point 12315 at another company.
  const problem = r.creditCode.trim() === '' ? null : creditCodeProblem(r.creditCode);
  if (problem !== null) errors.push(invalid('respondent.creditCode', CREDIT_CODE_MESSAGES[problem]));
  if (r.phone.trim() !== '' && !isValidPhone(r.phone) && !/^[48]00\d{7}$/.test(normalizePhone(r.phone))) {
    errors.push(invalid('respondent.phone', '被投诉人电话格式不正确：应为手机号、带区号的固定电话或 400/800 电话'));
  }
}

function factErrors(input: ComplaintInput, errors: FieldError[]): void {
  const c = input.case;
  if (c.purchasedAt.trim() === '') missing(errors, 'facts.time');
  if (input.complaint.place.trim() === '') missing(errors, 'facts.place');
  if (c.item.trim() === '') missing(errors, 'facts.goods');
  if (c.amount.trim() === '') missing(errors, 'facts.amount');
  if (input.complaint.requestKinds.length === 0) missing(errors, 'request');
  if (normalizeAmount(input.complaint.requestAmount) === null) errors.push(invalid('request.amount', '请求金额格式不正确：应为数字，如 149.90'));
  if (c.statement.trim() === '') missing(errors, 'statement');
  else if (c.statement.replace(/\s+/g, '').length < MIN_STATEMENT) errors.push(invalid('statement', '事实与理由过于简短：请按“时间 + 事件 + 诉求”写明经过'));
}

/** The last day a complaint about harm known on `knewOn` ("YYYY-MM-DD") is accepted, by the preset's §202 count. */
export function limitationEnds(knewOn: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(knewOn)) return null;
  try {
    return computeDue(getPreset('complaint-limitation'), `${knewOn}T00:00`).due.slice(0, 10);
  } catch {
    return null;
  }
}

function refusalErrors(input: ComplaintInput, today: string, errors: FieldError[]): void {
  const knew = input.complaint.knewOfHarmAt.trim();
  if (knew === '') missing(errors, 'knewOfHarmAt');
  else {
    const ends = limitationEnds(knew);
    if (ends === null) errors.push(invalid('knewOfHarmAt', '知道权益受损的日期不是有效日期（应为 YYYY-MM-DD）'));
    else if (knew > today.slice(0, 10)) errors.push(invalid('knewOfHarmAt', '知道权益受损的日期晚于今天，请核对'));
    else if (today.slice(0, 10) > ends) {
      errors.push({
        field: 'knewOfHarmAt',
        code: 'refused',
        ground: 'limitation',
        message: `已超过三年投诉时效：自 ${knew} 知道权益受损起，投诉期限至 ${ends} 止。按《市场监督管理投诉举报处理办法》第十六条，12315 将不予受理；可考虑向人民法院起诉并咨询律师。`,
      });
    }
  }
  const proceeding = input.complaint.otherProceeding;
  if (proceeding === '') missing(errors, 'otherProceeding');
  else if (proceeding !== 'none') {
    errors.push({
      field: 'otherProceeding',
      code: 'refused',
      ground: 'proceeding',
      message: `同一纠纷已向${PROCEEDING_LABELS[proceeding]}提出。按《市场监督管理投诉举报处理办法》第十六条，12315 将不予受理；请在${PROCEEDING_LABELS[proceeding]}继续处理。`,
    });
  }
}

/** Field-level errors for a 12315 complaint on `today` (local "YYYY-MM-DD…"); empty when it can be filed. */
export function validateComplaint(input: ComplaintInput, today: string): FieldError[] {
  const errors: FieldError[] = [];
  complainantErrors(input, errors);
  respondentErrors(input, errors);
  factErrors(input, errors);
  refusalErrors(input, today, errors);
  return errors;
}

/** The errors that block an export to `target`: a platform appeal has no required letter fields. */
export function blockingErrors(input: ComplaintInput, target: BundleTarget, today: string): FieldError[] {
  return target === '12315' ? validateComplaint(input, today) : [];
}

/** One plain sentence per Art. 16 ground that applies, for the top of the export checks. */
export function refusalSummary(errors: readonly FieldError[]): string[] {
  const out: string[] = [];
  if (errors.some((e) => e.ground === 'limitation')) out.push('已超过三年投诉时效（第十六条）');
  if (errors.some((e) => e.ground === 'proceeding')) out.push('同一纠纷已由法院、仲裁机构或消协处理（第十六条）');
  const missingCount = errors.filter((e) => e.ground === 'missing').length;
  if (missingCount > 0) out.push(`必填材料缺少或有误 ${missingCount} 项（第十六条）`);
  return out;
}

