import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ISSUE_TYPES, PLATFORMS, VIRTUAL_STATES, type GoodsType } from '../../../shared/domain/case';
import { EMPTY_CASE_INPUT, validateCaseInput, type CaseFormErrors, type CaseInput } from '../../../shared/domain/caseForm';
import { useApp } from '../app/StoreContext';
import { ChoiceGroup } from '../common/ChoiceGroup';
import { EnumSelect } from '../common/EnumSelect';
import { Field } from '../common/Field';
import { Modal } from '../common/Modal';
import { OrderFactsFields } from './OrderFactsFields';

const STEPS = ['issue', 'goods', 'facts'] as const;
type Step = (typeof STEPS)[number];

/**
 * 新建案件 as three short questions: what happened, what was bought, and the platform and order facts.
 * Every step can be skipped (the defaults stay, everything is editable later); the last one creates the
 * case, which opens with its 七日无理由 verdict, evidence checklist and first deadline.
 */
export function NewCaseWizard() {
  const { t } = useTranslation();
  const create = useApp((s) => s.createCaseGuided);
  const setEditing = useApp((s) => s.setEditing);
  const navigate = useApp((s) => s.navigate);
  const [step, setStep] = useState<Step>('issue');
  const [input, setInput] = useState<CaseInput>(EMPTY_CASE_INPUT);
  const [errors, setErrors] = useState<CaseFormErrors>({});
  const [saving, setSaving] = useState(false);
  const at = STEPS.indexOf(step);
  const set = <K extends keyof CaseInput>(key: K) => (value: CaseInput[K]) => setInput((prev) => ({ ...prev, [key]: value }));
  const text = (key: 'title' | 'shop' | 'item' | 'orderNumber' | 'amount' | 'purchasedAt' | 'signedAt') => ({
    value: input[key],
    onChange: (e: { target: { value: string } }) => set(key)(e.target.value),
    'data-testid': `case-${key}`,
  });
  const autoTitle = [t(`issueType.${input.issueType}`), input.item.trim()].filter(Boolean).join(' · ');
  const go = (to: number) => setStep(STEPS[Math.max(0, Math.min(STEPS.length - 1, to))] ?? 'facts');

  const submit = async () => {
    const final = { ...input, title: input.title.trim() || autoTitle };
    const found = validateCaseInput(final);
    setErrors(found);
    if (Object.keys(found).length > 0) return go(2);
    setSaving(true);
    const id = await create(final);
    setSaving(false);
    setEditing(null);
    await navigate({ name: 'case', caseId: id });
  };
  const setGoods = (goodsType: GoodsType) => setInput((prev) => ({ ...prev, goodsType, virtualState: goodsType === 'virtual' ? (prev.virtualState ?? 'unactivated') : null }));

  return (
    <Modal title={t('cases.new')} onClose={() => setEditing(null)} testId="case-form">
      <form
        className="wizard"
        data-testid="case-wizard"
        data-step={step}
        onSubmit={(e) => {
          e.preventDefault();
          if (step === 'facts') void submit();
          else go(at + 1);
        }}
      >
        <ol className="wizard-steps" aria-label={t('ux.wizard.stepOf', { n: at + 1, total: STEPS.length })}>
          {STEPS.map((s, i) => (
            <li key={s} className={i === at ? 'current' : i < at ? 'past' : undefined} aria-current={i === at ? 'step' : undefined}>
              <button type="button" className="link" onClick={() => go(i)}>
                {i + 1}. {t(`ux.wizard.steps.${s}`)}
              </button>
            </li>
          ))}
        </ol>
        <h3 className="wizard-question" id="wizard-question">
          {t(`ux.wizard.steps.${step}`)}
        </h3>

        {step === 'issue' && (
          <>
            <p className="muted small">{t('ux.wizard.issueLead')}</p>
            <ChoiceGroup autoFocus labelledBy="wizard-question" value={input.issueType} options={ISSUE_TYPES} label={(o) => t(`issueType.${o}`)} onChange={set('issueType')} testId="wizard-issue" />
          </>
        )}

        {step === 'goods' && (
          <>
            <p className="muted small">{t('ux.wizard.goodsLead')}</p>
            <ChoiceGroup
              autoFocus
              labelledBy="wizard-question"
              value={input.goodsType}
              options={['physical', 'virtual'] as const}
              label={(o) => t(`goodsType.${o}`)}
              hint={(o) => t(o === 'physical' ? 'ux.wizard.physicalHint' : 'ux.wizard.virtualHint')}
              onChange={setGoods}
              testId="wizard-goods"
            />
            {input.goodsType === 'virtual' && (
              <>
                <h4 className="wizard-sub" id="wizard-virtual-state">
                  {t('ux.wizard.virtualStateQuestion')}
                </h4>
                <ChoiceGroup
                  labelledBy="wizard-virtual-state"
                  value={input.virtualState ?? 'unactivated'}
                  options={VIRTUAL_STATES}
                  label={(o) => t(`virtualState.${o}`)}
                  onChange={set('virtualState')}
                  testId="wizard-virtual"
                />
              </>
            )}
          </>
        )}

        {step === 'facts' && (
          <div className="form-grid wizard-facts">
            <p className="muted small field-wide">{t('ux.wizard.factsLead')}</p>
            <Field label={t('form.platform')}>
              <EnumSelect value={input.platform} options={PLATFORMS} labels="platform" onChange={set('platform')} testId="case-platform" autoFocus />
            </Field>
            <Field label={t('form.title')} error={errors.title && t(`form.${errors.title}`)}>
              <input {...text('title')} placeholder={autoTitle} title={t('ux.wizard.titleAuto', { title: autoTitle })} />
            </Field>
            <OrderFactsFields text={text} errors={errors} />
          </div>
        )}

        <div className="wizard-actions">
          {at > 0 && (
            <button type="button" className="ghost" data-testid="wizard-back" onClick={() => go(at - 1)}>
              {t('ux.wizard.back')}
            </button>
          )}
          {step === 'issue' && (
            <button type="button" className="link" data-testid="wizard-jump-facts" onClick={() => go(2)}>
              {t('ux.wizard.jumpFacts')}
            </button>
          )}
          <span className="spacer" />
          {step !== 'facts' ? (
            <>
              <button type="button" className="ghost" data-testid="wizard-skip" onClick={() => go(at + 1)}>
                {t('ux.wizard.skip')}
              </button>
              <button type="submit" className="primary" data-testid="wizard-next">
                {t('ux.wizard.next')}
              </button>
            </>
          ) : (
            <button type="submit" className="primary" disabled={saving} data-testid="case-save">
              {t('ux.wizard.create')}
            </button>
          )}
        </div>
      </form>
    </Modal>
  );
}
