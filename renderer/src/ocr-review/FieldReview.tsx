import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureSource } from '../../../shared/domain/evidence';
import type { ReviewField } from '../../../shared/domain/review';
import { useApp } from '../app/StoreContext';
import { formatLocal } from '../../../shared/time/shanghai';
import type { FrameLink } from '../../../shared/video/text';

interface Props {
  evidenceId: string;
  fields: ReviewField[];
  /** Where the capture time came from: approximate times say what they were reckoned from. */
  captureSource: CaptureSource;
  onHover: (key: string | null) => void;
  /** For a video: the frame and offset each field was read from, by field key. */
  where?: Readonly<Record<string, FrameLink>>;
  /** Several amounts tied for "paid" (a list of orders): named, never picked for the buyer. */
  amountChoices?: readonly string[];
}

/**
 * Times reckoned from a weak capture time (or landing after it): listed apart, never as exact, and
 * counted only when the buyer keeps one.
 */
function ApproxTimes({ evidenceId, fields, captureSource, onHover }: Props) {
  const { t } = useTranslation();
  const correct = useApp((s) => s.correctField);
  if (fields.length === 0) return null;
  return (
    <div className="approx-times" data-testid="approx-times">
      <h4>{t('times.approxTitle')}</h4>
      <p className="muted small">{t('times.approxHint')}</p>
      <ul>
        {fields.map((f) => {
          const kept = f.status === 'confirmed' || f.status === 'edited';
          return (
            <li key={f.key} className={`field-row approx ${kept ? 'kept' : ''}`} data-testid="approx-row" data-kept={kept} onMouseEnter={() => onHover(f.key)} onMouseLeave={() => onHover(null)}>
              <span className="field-type field-timestamp">{t('fields.types.timestamp')}</span>
              <span className="field-value-cell">
                <span className="mono field-value" data-testid="approx-value">
                  {t('times.approxAt', { at: formatLocal(f.value), from: t(`times.approxFrom.${captureSource}`) })}
                </span>
                {f.afterCapture && <span className="field-agree disagree">{t('times.afterCapture')}</span>}
              </span>
              <span className="field-actions">
                <button
                  type="button"
                  className="link small"
                  data-testid={kept ? 'approx-unkeep' : 'approx-keep'}
                  aria-label={`${t(kept ? 'times.unkeep' : 'times.keep')} ${f.value}`}
                  onClick={() => void correct(evidenceId, f.key, kept ? null : { status: 'confirmed', value: f.value })}
                >
                  {t(kept ? 'times.unkeep' : 'times.keep')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Each extracted field with confirm, edit and delete; corrections are kept across re-OCR. */
export function FieldReview({ evidenceId, fields: all, captureSource, onHover, where, amountChoices }: Props) {
  const { t } = useTranslation();
  const correct = useApp((s) => s.correctField);
  const fill = useApp((s) => s.fillCaseFrom);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const fields = all.filter((f) => f.basis !== 'approx');
  const approx = all.filter((f) => f.basis === 'approx');

  return (
    <section className="field-review" data-testid="field-review">
      <div className="panel-head">
        <h3>{t('fields.title')}</h3>
        <span className="spacer" />
        <button type="button" className="small" data-testid="fill-case" disabled={fields.length === 0} onClick={() => void fill(evidenceId)}>
          {t('fields.fillCase')}
        </button>
      </div>
      {fields.length === 0 && <p className="muted small">{t('fields.none')}</p>}
      {amountChoices && amountChoices.length > 1 && (
        <p className="field-note small" role="note" data-testid="amount-choices">
          {t('fields.amountChoices', { list: amountChoices.join('、') })}
        </p>
      )}
      <ul>
        {fields.map((f) => (
          <li
            key={f.key}
            className={`field-row status-${f.status}`}
            data-testid="field-row"
            data-type={f.type}
            onMouseEnter={() => onHover(f.key)}
            onMouseLeave={() => onHover(null)}
          >
            <span className={`field-type field-${f.type}`}>{t(`fields.types.${f.type}`)}</span>
            {editing === f.key ? (
              <input value={draft} autoFocus aria-label={t(`fields.types.${f.type}`)} onChange={(e) => setDraft(e.target.value)} data-testid="field-edit-input" />
            ) : (
              // The basis sits in the value's own cell: as a fourth grid item it pushed the actions
              // onto a 64 px column of their own and ran over the value.
              <span className="field-value-cell">
                {f.basis !== null && (
                  <span className="field-basis small" data-testid="field-basis" data-basis={f.basis}>
                    {t(`times.basis.${f.basis}`)}
                  </span>
                )}
                {/* A time reads 2026-10-09 12:07:30 on screen; the stored ISO value stays in data-value. */}
                <span className="mono field-value" data-testid="field-value" data-value={f.value}>
                  {f.type === 'timestamp' ? formatLocal(f.value, true) : f.value}
                </span>
                {where?.[f.key] && (
                  <span className="muted small field-frame" data-testid="field-frame">
                    {t('video.at', { ...where[f.key] })}
                  </span>
                )}
                {f.status === 'auto' && f.agree !== null && (
                  <span className={f.agree ? 'field-agree agree' : 'field-agree disagree'} data-testid="field-agree" title={t(f.agree ? 'fields.agree.yesHint' : 'fields.agree.noHint')}>
                    {t(f.agree ? 'fields.agree.yes' : 'fields.agree.no')}
                  </span>
                )}
              </span>
            )}
            <span className="field-actions">
              {editing === f.key ? (
                <button
                  type="button"
                  className="link small"
                  data-testid="field-edit-save"
                  onClick={() => {
                    setEditing(null);
                    void correct(evidenceId, f.key, { status: 'edited', value: draft.trim() });
                  }}
                >
                  {t('form.save')}
                </button>
              ) : f.status === 'deleted' ? (
                <button type="button" className="link small" onClick={() => void correct(evidenceId, f.key, null)}>
                  {t('fields.restore')}
                </button>
              ) : (
                <>
                  {f.status !== 'confirmed' && (
                    <button type="button" className="link small" data-testid="field-confirm" onClick={() => void correct(evidenceId, f.key, { status: 'confirmed', value: f.value })}>
                      {t('fields.confirm')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="link small"
                    data-testid="field-edit"
                    onClick={() => {
                      setDraft(f.value);
                      setEditing(f.key);
                    }}
                  >
                    {t('fields.edit')}
                  </button>
                  <button type="button" className="link small danger-link" data-testid="field-delete" onClick={() => void correct(evidenceId, f.key, { status: 'deleted', value: f.value })}>
                    {t('fields.delete')}
                  </button>
                </>
              )}
            </span>
            {f.status !== 'auto' && <span className="field-status small">{t(`fields.status.${f.status}`)}</span>}
          </li>
        ))}
      </ul>
      <ApproxTimes evidenceId={evidenceId} fields={approx} captureSource={captureSource} onHover={onHover} />
    </section>
  );
}
