import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getPreset, type PresetId } from '../../../shared/deadlines/presets';
import { formatLocal } from '../../../shared/time/shanghai';
import { useApp } from '../app/StoreContext';
import { Modal } from '../common/Modal';

export function TransitionDialog() {
  const pending = useApp((s) => s.pendingTransition);
  if (!pending) return null;
  return <TransitionForm key={`${pending.caseId}-${pending.plan.to}`} />;
}

function TransitionForm() {
  const { t, i18n } = useTranslation();
  const pending = useApp((s) => s.pendingTransition);
  const confirm = useApp((s) => s.confirmTransition);
  const cancel = useApp((s) => s.cancelTransition);
  const [chosen, setChosen] = useState<PresetId[]>(() => pending?.plan.deadlines.map((d) => d.presetId) ?? []);
  if (!pending) return null;

  return (
    <Modal title={t('deadlines.transitionTitle', { status: t(`status.${pending.plan.to}`) })} onClose={cancel} testId="transition-dialog">
      <div className="modal-body">
        <p>{t('deadlines.transitionBody')}</p>
        <ul className="proposal-list">
          {pending.plan.deadlines.map((d) => {
            const preset = getPreset(d.presetId);
            return (
              <li key={d.presetId}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.includes(d.presetId)}
                    onChange={(e) => setChosen((cur) => (e.target.checked ? [...cur, d.presetId] : cur.filter((p) => p !== d.presetId)))}
                  />
                  <span>
                    <strong>{i18n.language === 'en' ? preset.label.en : preset.label.zh}</strong>
                    <span className="muted"> · {t('deadlines.due', { time: formatLocal(d.due) })}</span>
                    {d.provisional && <span className="provisional small"> · {t('deadlines.provisional')}</span>}
                    <span className="muted small source">{preset.source}</span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
        <div className="form-actions">
          <button type="button" className="ghost" onClick={cancel}>
            {t('form.cancel')}
          </button>
          <button type="button" className="primary" data-testid="transition-confirm" onClick={() => void confirm(chosen)}>
            {t('deadlines.transitionConfirm')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
