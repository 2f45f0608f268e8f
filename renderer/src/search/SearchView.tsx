import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORMS } from '../../../shared/domain/case';
import { EVIDENCE_KINDS } from '../../../shared/domain/evidence';
import type { SearchFilters } from '../../../shared/search/types';
import { useApp } from '../app/StoreContext';
import { SearchHitRow } from './SearchHitRow';

export function SearchView() {
  const { t } = useTranslation();
  const cases = useApp((s) => s.cases);
  const hits = useApp((s) => s.searchHits);
  const lastQuery = useApp((s) => s.searchQuery);
  const run = useApp((s) => s.runSearch);
  const [query, setQuery] = useState(lastQuery);
  const [filters, setFilters] = useState<SearchFilters>(useApp((s) => s.searchFilters));
  const update = (next: SearchFilters, q = query) => {
    setFilters(next);
    void run(q, next);
  };

  return (
    <section className="search-view" data-testid="search-view">
      <div className="section-head">
        <h1>{t('search.title')}</h1>
      </div>
      <div className="search-bar">
        <input
          type="search"
          autoFocus
          value={query}
          placeholder={t('search.placeholder')}
          aria-label={t('search.title')}
          data-testid="search-input"
          onChange={(e) => {
            setQuery(e.target.value);
            void run(e.target.value, filters);
          }}
        />
      </div>
      <div className="search-filters">
        <select value={filters.caseId ?? ''} aria-label={t('ux.filters.case')} data-testid="search-case" onChange={(e) => update({ ...filters, caseId: e.target.value })}>
          <option value="">{t('search.allCases')}</option>
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
        <select value={filters.platform ?? ''} aria-label={t('ux.filters.platform')} data-testid="search-platform" onChange={(e) => update({ ...filters, platform: e.target.value })}>
          <option value="">{t('search.allPlatforms')}</option>
          {PLATFORMS.filter((p) => p !== 'other' && p !== 'xianyu').map((p) => (
            <option key={p} value={p}>
              {t(`platform.${p}`)}
            </option>
          ))}
        </select>
        <select value={filters.kind ?? ''} aria-label={t('ux.filters.kind')} data-testid="search-kind" onChange={(e) => update({ ...filters, kind: e.target.value })}>
          <option value="">{t('search.allKinds')}</option>
          {EVIDENCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
        <label className="date-filter">
          {t('search.from')}
          <input type="date" value={filters.dateFrom ?? ''} onChange={(e) => update({ ...filters, dateFrom: e.target.value })} />
        </label>
        <label className="date-filter">
          {t('search.to')}
          <input type="date" value={filters.dateTo ?? ''} onChange={(e) => update({ ...filters, dateTo: e.target.value })} />
        </label>
      </div>
      {lastQuery.trim() !== '' && <p className="muted small">{hits.length > 0 ? t('search.results', { count: hits.length }) : t('search.none')}</p>}
      <ul className="search-hits" data-testid="search-hits">
        {hits.map((h) => (
          <SearchHitRow key={h.evidenceId} hit={h} caseTitle={cases.find((c) => c.id === h.caseId)?.title ?? ''} />
        ))}
      </ul>
    </section>
  );
}
