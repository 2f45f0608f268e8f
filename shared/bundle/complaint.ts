// What a 12315 complaint must contain (市场监督管理投诉举报处理办法: the complainant's name, phone and
// address; the respondent's name and address; the specific request; the facts). A complaint missing
// any of them is not accepted, so the export is blocked with one error per field.
import { CREDIT_CODE_MESSAGES, creditCodeProblem } from './creditCode';
import type { BundleInput, BundleTarget } from './types';

export const COMPLAINT_FIELDS = [
  'complainant.name',
  'complainant.phone',
  'complainant.address',
  'respondent.name',
  'respondent.address',
  'respondent.creditCode',
  'request',
  'statement',
] as const;
export type ComplaintField = (typeof COMPLAINT_FIELDS)[number];

export const COMPLAINT_FIELD_LABELS: Record<ComplaintField, string> = {
  'complainant.name': '投诉人姓名',
  'complainant.phone': '投诉人电话',
  'complainant.address': '投诉人地址',
  'respondent.name': '被投诉人名称',
  'respondent.address': '被投诉人地址',
  'respondent.creditCode': '统一社会信用代码',
  request: '投诉请求',
  statement: '事实与理由',
};

export interface FieldError {
  field: ComplaintField;
  code: 'required' | 'invalid';
  message: string;
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

type ComplaintInput = Pick<BundleInput, 'complainant' | 'respondent'> & { case: Pick<BundleInput['case'], 'request' | 'statement'> };

function valueOf(input: ComplaintInput, field: ComplaintField): string {
  switch (field) {
    case 'complainant.name':
      return input.complainant.name;
    case 'complainant.phone':
      return input.complainant.phone;
    case 'complainant.address':
      return input.complainant.address;
    case 'respondent.name':
      return input.respondent.name;
    case 'respondent.address':
      return input.respondent.address;
    case 'respondent.creditCode':
      return input.respondent.creditCode;
    case 'request':
      return input.case.request;
    case 'statement':
      return input.case.statement;
  }
}

const REQUIRED_HINTS: Partial<Record<ComplaintField, string>> = {
  'respondent.name': '填写店铺的经营者名称（店铺首页“营业执照/资质”里可以查到），或店铺名称',
  'respondent.address': '店铺资质页上的经营地址；查不到时可填写平台经营者的住所地，由平台所在地市场监管部门处理',
  request: '写明具体诉求，如“全额退款149.90元”',
  statement: '按“时间 + 事件 + 诉求”写明经过，可用“生成理由”自动起草',
};

/** Field-level errors for a 12315 complaint; empty when it can be filed. */
export function validateComplaint(input: ComplaintInput): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of COMPLAINT_FIELDS) {
    const value = valueOf(input, field).trim();
    const label = COMPLAINT_FIELD_LABELS[field];
    if (field === 'respondent.creditCode') {
      // Optional (a shop page may not show it), but a wrong one would point 12315 at another company.
      const problem = value === '' ? null : creditCodeProblem(value);
      if (problem !== null) errors.push({ field, code: 'invalid', message: CREDIT_CODE_MESSAGES[problem] });
      continue;
    }
    if (value === '') {
      const hint = REQUIRED_HINTS[field];
      errors.push({ field, code: 'required', message: hint ? `请填写${label}：${hint}` : `请填写${label}` });
      continue;
    }
    if (field === 'complainant.phone' && !isValidPhone(value)) {
      errors.push({ field, code: 'invalid', message: `${label}格式不正确：应为11位手机号或带区号的固定电话` });
    } else if ((field === 'complainant.address' || field === 'respondent.address') && value.length < MIN_ADDRESS) {
      errors.push({ field, code: 'invalid', message: `${label}过于简略：请写到街道和门牌号` });
    } else if (field === 'statement' && value.replace(/\s+/g, '').length < MIN_STATEMENT) {
      errors.push({ field, code: 'invalid', message: `${label}过于简短：请按“时间 + 事件 + 诉求”写明经过` });
    }
  }
  return errors;
}

/** The errors that block an export to `target`: a platform appeal has no required letter fields. */
export function blockingErrors(input: ComplaintInput, target: BundleTarget): FieldError[] {
  return target === '12315' ? validateComplaint(input) : [];
}
