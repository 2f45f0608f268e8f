import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/search/types';
import { useApp } from '../app/StoreContext';

/** One result: title, where it is, and the matching words in context. */
export function SearchHitRow({ hit, caseTitle }: { hit: SearchHit; caseTitle: string }) {
  const { t } = useTranslation();
  const openHit = useApp((s) => s.openHit);
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [start, end] of hit.snippet.highlights) {
    if (start > at) parts.push({ text: hit.snippet.text.slice(at, start), mark: false });
    parts.push({ text: hit.snippet.text.slice(start, end), mark: true });
    at = end;
  }
  if (at < hit.snippet.text.length) parts.push({ text: hit.snippet.text.slice(at), mark: false });

  return (
    <li>
      <button type="button" className="search-hit" data-testid="search-hit" onClick={() => void openHit(hit)}>
        <span className="search-hit-head">
          <strong>{hit.title}</strong>
          <span className="muted small">
            {caseTitle} · {t(`kind.${hit.kind}`)}
            {hit.date && ` · ${hit.date}`}
          </span>
        </span>
        <span className="search-snippet">
          {parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
        </span>
      </button>
    </li>
  );
}
