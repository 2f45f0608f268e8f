// Case form rules: what the buyer typed becomes a clean record, or a list of field errors.
import type { CaseRecord } from './case';

/** What the case form edits: the record without its id and bookkeeping times. */
export type CaseInput = Omit<CaseRecord, 'id' | 'createdAt' | 'updatedAt'>;

export type CaseFormErrors = Partial<Record<'title' | 'amount', 'required' | 'badAmount'>>;

export const EMPTY_CASE_INPUT: CaseInput = {
  title: '',
  platform: 'taobao',
  shop: '',
  item: '',
  orderNumber: '',
  amount: '',
  purchasedAt: '',
  signedAt: '',
  goodsType: 'physical',
  virtualState: null,
  issueType: 'invalid-code',
  remedy: '',
  status: 'collecting',
};

/** "149.9" → "149.90", "¥1,299" → "1299.00"; null when it is not an amount at all. */
export function normalizeAmount(raw: string): string | null {
  const cleaned = raw.trim().replace(/^[¥￥]/, '').replace(/,/g, '').replace(/元$/, '').trim();
  if (cleaned === '') return '';
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [yuan = '0', fen = ''] = cleaned.split('.');
  return `${String(Number(yuan))}.${fen.padEnd(2, '0')}`;
}

export function validateCaseInput(input: CaseInput): CaseFormErrors {
  const errors: CaseFormErrors = {};
  if (input.title.trim() === '') errors.title = 'required';
  if (normalizeAmount(input.amount) === null) errors.amount = 'badAmount';
  return errors;
}

export function toCaseRecord(input: CaseInput, ctx: { id: string; now: string; createdAt?: string }): CaseRecord {
  return {
    ...input,
    id: ctx.id,
    title: input.title.trim(),
    shop: input.shop.trim(),
    item: input.item.trim(),
    // Order numbers are kept as typed apart from spaces OCR or copy-paste put in.
    orderNumber: input.orderNumber.replace(/\s+/g, ''),
    amount: normalizeAmount(input.amount) ?? '',
    virtualState: input.goodsType === 'virtual' ? (input.virtualState ?? 'unactivated') : null,
    remedy: input.remedy.trim(),
    createdAt: ctx.createdAt ?? ctx.now,
    updatedAt: ctx.now,
  };
}

export function toCaseInput(record: CaseRecord): CaseInput {
  const { id: _id, createdAt: _c, updatedAt: _u, ...input } = record;
  return input;
}
