import { useTranslation } from 'react-i18next';
import { PROCEEDINGS } from '../../../shared/bundle/types';
import type { Complainant, ComplaintFacts, Respondent } from '../../../shared/bundle/types';
import { ID_TYPES, isIdType } from '../../../shared/complaint/idNumber';
import { REQUEST_KINDS } from '../../../shared/complaint/request';
import type { CaseRecord } from '../../../shared/domain/case';
import type { ExportForm } from '../../../shared/domain/bundleInput';
import { Field } from '../common/Field';

export type ComplaintForm = Omit<ExportForm, 'target' | 'cardShop'>;

interface Props {
  form: ComplaintForm;
  record: CaseRecord;
  onChange: (update: (f: ComplaintForm) => ComplaintForm) => void;
}

const isProceeding = (v: string): v is ComplaintFacts['otherProceeding'] => v === '' || (PROCEEDINGS as readonly string[]).includes(v);

/** Order 121's 投诉登记表 fields, grouped as the form groups them; the consents start unanswered. */
export function ComplaintFields({ form, record, onChange }: Props) {
  const { t } = useTranslation();
  const person = <K extends keyof Complainant>(key: K, value: Complainant[K]) => onChange((f) => ({ ...f, complainant: { ...f.complainant, [key]: value } }));
  const firm = (key: keyof Respondent, value: string) => onChange((f) => ({ ...f, respondent: { ...f.respondent, [key]: value } }));
  const facts = <K extends keyof ComplaintFacts>(key: K, value: ComplaintFacts[K]) => onChange((f) => ({ ...f, complaint: { ...f.complaint, [key]: value } }));
  const p = form.complainant;
  const r = form.respondent;
  const c = form.complaint;
  const unset = t('complaint.notSet');

  const consent = (key: 'consentPublish' | 'consentMediation') => (
    <fieldset className="consent" data-testid={`complainant-${key}`}>
      <legend>{t(`complaint.${key}`)}</legend>
      {([true, false] as const).map((v) => (
        <label key={String(v)} className="check">
          <input type="radio" name={key} checked={p[key] === v} onChange={() => person(key, v)} /> {v ? t('complaint.yes') : t('complaint.no')}
        </label>
      ))}
    </fieldset>
  );

  return (
    <div className="complaint-fields" data-testid="complaint-fields">
      <h4>{t('complaint.complainant')}</h4>
      <div className="inline-fields">
        <Field label={t('export.complainantName')}>
          <input value={p.name} data-testid="complainant-name" onChange={(e) => person('name', e.target.value)} />
        </Field>
        <Field label={t('export.complainantPhone')}>
          <input value={p.phone} data-testid="complainant-phone" onChange={(e) => person('phone', e.target.value)} />
        </Field>
        <Field label={t('complaint.idType')}>
          <select value={p.idType} data-testid="complainant-id-type" onChange={(e) => person('idType', isIdType(e.target.value) ? e.target.value : '')}>
            <option value="">{t('complaint.idTypeChoose')}</option>
            {ID_TYPES.map((id) => (
              <option key={id} value={id}>
                {t(`complaint.idTypes.${id}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('complaint.idNumber')}>
          <input value={p.idNumber} data-testid="complainant-id-number" autoComplete="off" onChange={(e) => person('idNumber', e.target.value)} />
        </Field>
        <Field label={t('export.complainantAddress')} span={2}>
          <input value={p.address} data-testid="complainant-address" onChange={(e) => person('address', e.target.value)} />
        </Field>
      </div>
      <div className="inline-fields">
        {consent('consentPublish')}
        {consent('consentMediation')}
      </div>
      <p className="muted small">{t('complaint.consentHint')}</p>

      <h4>{t('complaint.respondent')}</h4>
      <div className="inline-fields">
        <Field label={t('export.respondentName')}>
          <input value={r.name} data-testid="respondent-name" onChange={(e) => firm('name', e.target.value)} />
        </Field>
        <Field label={t('export.respondentCreditCode')}>
          <input value={r.creditCode} data-testid="respondent-credit-code" placeholder={t('export.respondentCreditCodeHint')} onChange={(e) => firm('creditCode', e.target.value)} />
        </Field>
        <Field label={t('export.respondentAddress')} span={2}>
          <input value={r.address} data-testid="respondent-address" onChange={(e) => firm('address', e.target.value)} />
        </Field>
        <Field label={t('complaint.respondentContact')}>
          <input value={r.contact} data-testid="respondent-contact" onChange={(e) => firm('contact', e.target.value)} />
        </Field>
        <Field label={t('complaint.respondentPhone')}>
          <input value={r.phone} data-testid="respondent-phone" onChange={(e) => firm('phone', e.target.value)} />
        </Field>
      </div>

      <h4>{t('complaint.facts')}</h4>
      <Field label={t('complaint.place')}>
        <input value={c.place} data-testid="complaint-place" placeholder={t('complaint.placeHint')} onChange={(e) => facts('place', e.target.value)} />
      </Field>
      <p className="muted small" data-testid="complaint-facts-from-case">
        {t('complaint.factsFromCase', {
          time: record.purchasedAt.replace('T', ' ') || unset,
          item: record.item || unset,
          amount: record.amount || unset,
          order: record.orderNumber || unset,
        })}
      </p>

      <h4>{t('complaint.request')}</h4>
      <div className="request-kinds" role="group" aria-label={t('complaint.request')}>
        {REQUEST_KINDS.map((k) => (
          <label key={k} className="check">
            <input
              type="checkbox"
              data-testid={`request-${k}`}
              checked={c.requestKinds.includes(k)}
              onChange={(e) => facts('requestKinds', e.target.checked ? [...c.requestKinds, k] : c.requestKinds.filter((x) => x !== k))}
            />{' '}
            {t(`complaint.kinds.${k}`)}
          </label>
        ))}
      </div>
      <div className="inline-fields">
        <Field label={t('complaint.requestAmount')}>
          <input value={c.requestAmount} inputMode="decimal" data-testid="request-amount" onChange={(e) => facts('requestAmount', e.target.value)} />
        </Field>
        <Field label={t('complaint.requestWords')}>
          <input value={form.request} data-testid="export-request" onChange={(e) => onChange((f) => ({ ...f, request: e.target.value }))} />
        </Field>
      </div>

      <h4>{t('complaint.art16')}</h4>
      <div className="inline-fields">
        <Field label={t('complaint.knewOfHarmAt')}>
          <input type="date" value={c.knewOfHarmAt} data-testid="knew-of-harm" title={t('complaint.knewOfHarmHint')} onChange={(e) => facts('knewOfHarmAt', e.target.value)} />
        </Field>
        <Field label={t('complaint.otherProceeding')}>
          <select value={c.otherProceeding} data-testid="other-proceeding" onChange={(e) => facts('otherProceeding', isProceeding(e.target.value) ? e.target.value : '')}>
            {(['', ...PROCEEDINGS] as const).map((v) => (
              <option key={v} value={v}>
                {t(`complaint.proceedings.${v}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </div>
  );
}
