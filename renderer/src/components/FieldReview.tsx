import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewField } from '../../../shared/domain/review';
import type { FrameLink } from '../../../shared/video/text';
import { useApp } from '../StoreContext';

interface Props {
  evidenceId: string;
  fields: ReviewField[];
  onHover: (key: string | null) => void;
  /** For a video: the frame and offset each field was read from, by field key. */
  where?: Readonly<Record<string, FrameLink>>;
}

/** Each extracted field with confirm, edit and delete; corrections are kept across re-OCR. */
export function FieldReview({ evidenceId, fields, onHover, where }: Props) {
  const { t } = useTranslation();
  const correct = useApp((s) => s.correctField);
  const fill = useApp((s) => s.fillCaseFrom);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');

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
              <input value={draft} autoFocus onChange={(e) => setDraft(e.target.value)} data-testid="field-edit-input" />
            ) : (
              <span className="field-value-cell">
                <span className="mono field-value" data-testid="field-value">
                  {f.value}
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
    </section>
  );
}
