import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/StoreContext';
import { EvidenceCard } from './EvidenceCard';

/** Cards are rendered a page at a time so a case with thousands of items opens instantly. */
const PAGE = 120;

export function EvidenceGrid() {
  const { t } = useTranslation();
  const evidence = useApp((s) => s.evidence);
  const loaded = useApp((s) => s.caseLoaded);
  const [shown, setShown] = useState(PAGE);
  const sentinel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = sentinel.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setShown((n) => n + PAGE), { rootMargin: '600px' });
    io.observe(el);
    return () => io.disconnect();
  }, [evidence.length]);

  if (loaded && evidence.length === 0) {
    return (
      <div className="evidence-empty" data-testid="evidence-empty">
        {t('evidence.empty')}
      </div>
    );
  }

  const remaining = evidence.length - shown;
  return (
    <>
      <ul className="evidence-grid" data-testid="evidence-grid">
        {evidence.slice(0, shown).map((e) => (
          <EvidenceCard key={e.id} item={e} />
        ))}
      </ul>
      {remaining > 0 && (
        <div ref={sentinel} className="load-more">
          <button type="button" className="ghost" onClick={() => setShown((n) => n + PAGE)}>
            {t('evidence.loadMore', { count: Math.min(remaining, PAGE) })}
          </button>
        </div>
      )}
    </>
  );
}
