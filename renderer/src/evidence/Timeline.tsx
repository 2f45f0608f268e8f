import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewFields, timelineStamps } from '../../../shared/domain/review';
import { buildTimeline } from '../../../shared/domain/timeline';
import { formatLocal } from '../../../shared/time/shanghai';
import { useApp } from '../app/StoreContext';

export function Timeline() {
  const { t } = useTranslation();
  const events = useApp((s) => s.events);
  const extractions = useApp((s) => s.extractions);
  const evidence = useApp((s) => s.evidence);
  const openViewer = useApp((s) => s.openViewer);
  const items = useMemo(() => {
    const byId = new Map(evidence.map((e) => [e.id, e]));
    const stamps = Object.values(extractions).flatMap((x) =>
      timelineStamps(reviewFields(x.extraction, x.corrections)).map(({ at, basis }) => {
        const e = byId.get(x.evidenceId);
        return { at, basis, evidenceId: x.evidenceId, title: e?.title ?? '', captureSource: e?.captureSource ?? null };
      }),
    );
    return buildTimeline(events, stamps);
  }, [events, extractions, evidence]);

  return (
    <aside className="timeline" data-testid="timeline">
      <h2>{t('timeline.title')}</h2>
      <ol>
        {items.map((item) =>
          item.kind === 'event' ? (
            <li key={item.event.id} className={`timeline-item ev-${item.event.type}`}>
              <time>{formatLocal(item.at)}</time>
              <span>{t(`timeline.${item.event.type}`, { detail: item.event.detail, status: item.event.status ? t(`status.${item.event.status}`) : '' })}</span>
            </li>
          ) : (
            <li key={`${item.evidenceId}-${item.at}`} className={`timeline-item ev-stamp basis-${item.basis}`} data-testid="timeline-stamp" data-basis={item.basis}>
              <time>
                {item.basis === 'approx' ? t('times.approxAt', { at: formatLocal(item.at), from: t(`times.approxFrom.${item.captureSource ?? 'import'}`) }) : formatLocal(item.at)}
              </time>
              <button type="button" className="link" onClick={() => openViewer(item.evidenceId)}>
                {t(item.basis === 'shown' ? 'timeline.stamp' : item.basis === 'inferred' ? 'timeline.stampInferred' : 'timeline.stampApprox', { detail: item.title })}
              </button>
            </li>
          ),
        )}
      </ol>
    </aside>
  );
}
