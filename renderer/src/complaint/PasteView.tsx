import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasteField } from '../../../shared/complaint/pasteForm';

/** Each 12315 form field with its own copy button, in the order the web form asks for them. */
export function PasteView({ fields, onBack }: { fields: PasteField[]; onBack: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const copy = async (f: PasteField) => {
    try {
      await navigator.clipboard.writeText(f.value);
      setCopied(f.key);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  return (
    <div className="paste-view" data-testid="paste-view">
      <h4>{t('complaint.pasteTitle')}</h4>
      <p className="muted small">{t('complaint.pasteHint')}</p>
      {failed && <p className="field-error">{t('complaint.copyFailed')}</p>}
      <ol className="paste-list">
        {fields.map((f) => (
          <li key={f.key} className="paste-row" data-testid={`paste-${f.key}`}>
            <span className="paste-label">{f.label}</span>
            <span className={f.value === '' ? 'paste-value muted' : 'paste-value'} data-testid="paste-value">
              {f.value === '' ? t('complaint.empty') : f.value}
            </span>
            <button type="button" disabled={f.value === ''} aria-label={`${t('complaint.copy')} ${f.label}`} onClick={() => void copy(f)}>
              {copied === f.key ? t('complaint.copied') : t('complaint.copy')}
            </button>
          </li>
        ))}
      </ol>
      <div className="form-actions">
        <button type="button" onClick={onBack} data-testid="paste-back">
          {t('complaint.back')}
        </button>
      </div>
    </div>
  );
}
