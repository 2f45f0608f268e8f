import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/StoreContext';
import { maskedCount } from './redactionSlice';

/** Under the redaction tick box: how many areas the export will mask, and the way into the editor. */
export function RedactionSummary() {
  const { t } = useTranslation();
  const evidence = useApp((s) => s.evidence);
  const targets = useApp((s) => s.redactionTargets);
  const edits = useApp((s) => s.redactionEdits);
  const load = useApp((s) => s.loadRedactionTargets);
  // A finished OCR adds an extraction: the moment to ask main again for what it found.
  const extracted = useApp((s) => Object.keys(s.extractions).length);
  const open = useApp((s) => s.setRedactionOpen);
  const images = useMemo(() => evidence.filter((e) => e.mediaType === 'image'), [evidence]);
  useEffect(() => void load(images.map((e) => e.sha256)), [images, load, extracted]);
  const count = images.reduce((n, e) => n + maskedCount(targets[e.sha256], edits[e.sha256]), 0);
  const withMasks = images.filter((e) => maskedCount(targets[e.sha256], edits[e.sha256]) > 0).length;
  const pending = images.filter((e) => targets[e.sha256] && !targets[e.sha256]?.ocrDone).length;

  return (
    <div className="redact-summary" data-testid="redact-summary">
      <span data-testid="redact-total" data-count={count}>
        {count > 0 ? t('redaction.summary', { count, images: withMasks }) : t('redaction.summaryNone')}
      </span>
      {pending > 0 && <span className="muted small">{t('redaction.pending', { count: pending })}</span>}
      <button type="button" data-testid="open-redaction" onClick={() => open(true)}>
        {t('redaction.edit')}
      </button>
    </div>
  );
}
