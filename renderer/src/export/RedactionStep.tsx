import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/StoreContext';
import { RedactionExhibit } from './RedactionExhibit';
import './redaction.css';

/** The export dialog's redaction step: every image exhibit, in exhibit order, with its masks. */
export function RedactionStep() {
  const { t } = useTranslation();
  const evidence = useApp((s) => s.evidence);
  const load = useApp((s) => s.loadRedactionTargets);
  // A finished OCR adds an extraction: the moment to ask main again for what it found.
  const extracted = useApp((s) => Object.keys(s.extractions).length);
  const close = useApp((s) => s.setRedactionOpen);
  // Numbered as the bundle numbers them: every exhibit in capture order, images or not.
  const exhibits = useMemo(
    () =>
      [...evidence]
        .sort((a, b) => a.capturedAt.localeCompare(b.capturedAt))
        .map((e, i) => ({ no: i + 1, e }))
        .filter(({ e }) => e.mediaType === 'image' && e.width !== null && e.height !== null),
    [evidence],
  );
  useEffect(() => void load(exhibits.map(({ e }) => e.sha256)), [exhibits, load, extracted]);

  return (
    <div className="redact-step" data-testid="redaction-step">
      <p className="redact-hint">{t('redaction.hint')}</p>
      {exhibits.length === 0 && <p className="muted">{t('redaction.noImages')}</p>}
      {exhibits.map(({ no, e }) => (
        <RedactionExhibit key={e.id} no={no} evidence={e} />
      ))}
      <div className="form-actions">
        <button type="button" className="primary" data-testid="redaction-done" onClick={() => close(false)}>
          {t('redaction.done')}
        </button>
      </div>
    </div>
  );
}
