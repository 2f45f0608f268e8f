// The order facts the case form and the new-case flow both ask for, as one run of fields, so the two
// cannot drift apart (labels, input modes, test ids).
import { useTranslation } from 'react-i18next';
import type { CaseFormErrors } from '../../../shared/domain/caseForm';
import { Field } from '../common/Field';

type FactKey = 'shop' | 'item' | 'orderNumber' | 'amount' | 'purchasedAt' | 'signedAt';

interface TextProps {
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  'data-testid': string;
}

export function OrderFactsFields({ text, errors }: { text: (key: FactKey) => TextProps; errors: CaseFormErrors }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('form.shop')}>
        <input {...text('shop')} />
      </Field>
      <Field label={t('form.item')}>
        <input {...text('item')} />
      </Field>
      <Field label={t('form.orderNumber')}>
        <input {...text('orderNumber')} inputMode="numeric" className="mono" />
      </Field>
      <Field label={t('form.amount')} error={errors.amount && t(`form.${errors.amount}`)}>
        <input {...text('amount')} inputMode="decimal" placeholder="149.90" />
      </Field>
      <Field label={t('form.purchasedAt')}>
        <input {...text('purchasedAt')} type="datetime-local" />
      </Field>
      <Field label={t('form.signedAt')}>
        <input {...text('signedAt')} type="datetime-local" />
      </Field>
    </>
  );
}
