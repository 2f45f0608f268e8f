import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, GOODS_TYPES, ISSUE_TYPES, PLATFORMS, VIRTUAL_STATES } from '../../../shared/domain/case';
import { EMPTY_CASE_INPUT, toCaseInput, validateCaseInput, type CaseFormErrors, type CaseInput } from '../../../shared/domain/caseForm';
import { useApp } from '../app/StoreContext';
import { EnumSelect } from '../common/EnumSelect';
import { Field } from '../common/Field';
import { Modal } from '../common/Modal';
import { OrderFactsFields } from './OrderFactsFields';
import { NewCaseWizard } from './NewCaseWizard';

export function CaseFormDialog() {
  const editing = useApp((s) => s.editing);
  const existing = useApp((s) => (s.editing && s.editing !== 'new' ? s.cases.find((c) => c.id === s.editing) : undefined));
  if (!editing) return null;
  // A new case is the guided flow; editing an existing one is the full form.
  if (editing === 'new') return <NewCaseWizard />;
  return <CaseForm key={editing} initial={existing ? toCaseInput(existing) : EMPTY_CASE_INPUT} caseId={existing?.id} />;
}

function CaseForm({ initial, caseId }: { initial: CaseInput; caseId: string | undefined }) {
  const { t } = useTranslation();
  const saveCase = useApp((s) => s.saveCase);
  const setEditing = useApp((s) => s.setEditing);
  const navigate = useApp((s) => s.navigate);
  const [input, setInput] = useState(initial);
  const [errors, setErrors] = useState<CaseFormErrors>({});
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof CaseInput>(key: K) => (value: CaseInput[K]) => setInput((prev) => ({ ...prev, [key]: value }));
  const text = (key: 'title' | 'shop' | 'item' | 'orderNumber' | 'amount' | 'purchasedAt' | 'signedAt' | 'remedy') => ({
    value: input[key],
    onChange: (e: { target: { value: string } }) => set(key)(e.target.value),
    'data-testid': `case-${key}`,
  });

  const submit = async () => {
    const found = validateCaseInput(input);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const id = await saveCase(input, caseId);
    setSaving(false);
    setEditing(null);
    if (!caseId) await navigate({ name: 'case', caseId: id });
  };

  return (
    <Modal title={caseId ? t('cases.edit') : t('cases.new')} onClose={() => setEditing(null)} testId="case-form">
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label={t('form.title')} error={errors.title && t(`form.${errors.title}`)} span={2}>
          <input {...text('title')} placeholder={t('form.titlePlaceholder')} autoFocus />
        </Field>
        <Field label={t('form.platform')}>
          <EnumSelect value={input.platform} options={PLATFORMS} labels="platform" onChange={set('platform')} testId="case-platform" />
        </Field>
        <Field label={t('form.issueType')}>
          <EnumSelect value={input.issueType} options={ISSUE_TYPES} labels="issueType" onChange={set('issueType')} testId="case-issueType" />
        </Field>
        <OrderFactsFields text={text} errors={errors} />
        <Field label={t('form.goodsType')}>
          <EnumSelect value={input.goodsType} options={GOODS_TYPES} labels="goodsType" onChange={set('goodsType')} testId="case-goodsType" />
        </Field>
        <Field label={t('form.virtualState')}>
          {input.goodsType === 'virtual' ? (
            <EnumSelect value={input.virtualState ?? 'unactivated'} options={VIRTUAL_STATES} labels="virtualState" onChange={set('virtualState')} testId="case-virtualState" />
          ) : (
            <select disabled>
              <option>—</option>
            </select>
          )}
        </Field>
        <Field label={t('form.remedy')}>
          <input {...text('remedy')} placeholder={t('form.remedyPlaceholder')} />
        </Field>
        <Field label={t('form.status')}>
          <EnumSelect value={input.status} options={CASE_STATUSES} labels="status" onChange={set('status')} testId="case-status" />
        </Field>
        <div className="form-actions">
          <button type="button" className="ghost" onClick={() => setEditing(null)}>
            {t('form.cancel')}
          </button>
          <button type="submit" className="primary" disabled={saving} data-testid="case-save">
            {caseId ? t('form.save') : t('form.create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
