// The capture time with where it came from and how far it is trusted; the buyer can set or confirm
// it (from the phone gallery's details), after which relative times are reckoned again (issue 12).
import { useState } from 'react';
import './times.css';
import { useTranslation } from 'react-i18next';
import { captureTrust, type EvidenceRecord } from '../../../shared/domain/evidence';
import type { Extraction } from '../../../shared/extract/types';
import { formatLocal } from '../../../shared/time/shanghai';
import { useApp } from '../app/StoreContext';

interface Props {
  item: EvidenceRecord;
  suspect: boolean;
  /** What main read from the status bar (Extraction.capture). */
  capture: Extraction['capture'] | null;
}

export function CaptureTimeEditor({ item, suspect, capture }: Props) {
  const { t } = useTranslation();
  const setCaptureTime = useApp((s) => s.setCaptureTime);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(item.capturedAt.slice(0, 19));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const trust = captureTrust(item.captureSource);

  const save = async (value: string) => {
    setBusy(true);
    const failed = await setCaptureTime(item.id, value.length === 16 ? `${value}:00` : value);
    setBusy(false);
    setError(failed === null ? null : `${t('times.invalid')}（${failed}）`);
    if (failed === null) setEditing(false);
  };

  return (
    <section className={`capture-time trust-${trust}`} data-testid="capture-time" data-source={item.captureSource} data-trust={trust}>
      <div className="capture-time-line">
        <span className="muted small">{t('times.captureInput')}</span>
        <span className="mono" data-testid="capture-time-value">
          {formatLocal(item.capturedAt, true)}
        </span>
        <span className="small">{t(`captureSource.${item.captureSource}`)}</span>
        <span className={`trust-badge ${trust}`} title={t(`times.trustHint.${trust}`)} data-testid="capture-trust">
          {t(`times.trust.${trust}`)}
        </span>
      </div>
      {capture?.statusBar && (
        <p className="muted small" data-testid="capture-statusbar" data-agrees={capture.statusBar.agrees}>
          {t(capture.statusBar.agrees ? 'times.barAgrees' : 'times.barDisagrees', { time: capture.statusBar.time })}
          {capture.dateFrom ? ` ${t('times.dateFrom', { source: t(`captureSource.${capture.dateFrom}`) })}` : ''}
        </p>
      )}
      {suspect && (
        <p className="capture-suspect" role="alert" data-testid="capture-suspect">
          {t('times.suspect')}
        </p>
      )}
      {editing ? (
        <form
          className="capture-time-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save(draft);
          }}
        >
          <input type="datetime-local" step={1} value={draft} aria-label={t('times.captureInput')} data-testid="capture-time-input" onChange={(e) => setDraft(e.target.value)} />
          <button type="submit" className="primary small" disabled={busy || draft === ''} data-testid="capture-time-save">
            {t('times.save')}
          </button>
          <button type="button" className="small" onClick={() => setEditing(false)}>
            {t('times.cancel')}
          </button>
          <p className="muted small">{t('times.setCaptureHint')}</p>
        </form>
      ) : (
        <div className="capture-time-actions">
          <button type="button" className="link small" data-testid="capture-time-edit" onClick={() => setEditing(true)}>
            {t('times.setCapture')}
          </button>
          {item.captureSource !== 'user' && (
            <button type="button" className="link small" data-testid="capture-time-confirm" disabled={busy} onClick={() => void save(item.capturedAt)}>
              {t('times.confirmCapture')}
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="error small" role="alert" data-testid="capture-time-error">
          {error}
        </p>
      )}
    </section>
  );
}
