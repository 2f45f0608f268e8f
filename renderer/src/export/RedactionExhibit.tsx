import { useTranslation } from 'react-i18next';
import type { EvidenceRecord } from '../../../shared/domain/evidence';
import { useApp } from '../app/StoreContext';
import { maskedCount } from './redactionSlice';
import { RedactionCanvas } from './RedactionCanvas';

/** One image exhibit in the redaction step: the image with its masks, and the list to untick or delete. */
export function RedactionExhibit({ no, evidence }: { no: number; evidence: EvidenceRecord }) {
  const { t } = useTranslation();
  const targets = useApp((s) => s.redactionTargets[evidence.sha256]);
  const edits = useApp((s) => s.redactionEdits[evidence.sha256]);
  const toggle = useApp((s) => s.toggleRedactionTarget);
  const remove = useApp((s) => s.removeDrawnRect);
  const drawn = edits?.drawn ?? [];
  const skip = edits?.skip ?? [];
  const image = { width: evidence.width ?? 0, height: evidence.height ?? 0 };
  const count = maskedCount(targets, edits);

  return (
    <section className="redact-exhibit" data-testid="redact-exhibit" data-sha={evidence.sha256}>
      <RedactionCanvas sha256={evidence.sha256} image={image} targets={targets} drawn={drawn} skip={skip} />
      <div className="redact-side">
        <header>
          <h3>{t('redaction.exhibit', { no, title: evidence.title })}</h3>
          <span className={count > 0 ? 'redact-count on' : 'redact-count'} data-testid="redact-count">
            {t('redaction.count', { count })}
          </span>
        </header>
        <h4>{t('redaction.auto')}</h4>
        {!targets?.ocrDone ? (
          <p className="muted small">{t('redaction.noOcr')}</p>
        ) : targets.targets.length === 0 ? (
          <p className="muted small">{t('redaction.noAuto')}</p>
        ) : (
          <ul className="redact-list">
            {targets.targets.map((target, i) => (
              <li key={i}>
                <label className="check">
                  <input type="checkbox" checked={!skip.includes(i)} data-testid="redact-auto-toggle" onChange={() => toggle(evidence.sha256, i)} />
                  <span className="redact-num">{i + 1}</span>
                  <span>{t(`redaction.kind.${target.kind}`)}</span>
                  <span className="mono muted small">{target.text}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <h4>{t('redaction.drawn')}</h4>
        {drawn.length === 0 ? (
          <p className="muted small">{t('redaction.hintShort')}</p>
        ) : (
          <ul className="redact-list">
            {drawn.map((box, i) => (
              <li key={i} data-testid="redact-drawn-item">
                <span>{t('redaction.drawnItem', { no: i + 1 })}</span>
                <span className="mono muted small">
                  {box.x0},{box.y0} – {box.x1},{box.y1}
                </span>
                <button type="button" className="ghost small-btn" data-testid="redact-drawn-remove" onClick={() => remove(evidence.sha256, i)}>
                  {t('redaction.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
