import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { nextDueByCase, sortCasesByDeadline } from '../../../shared/domain/deadline';
import { useApp } from '../app/StoreContext';
import { CaseRow } from './CaseRow';
import { FirstRunGuide } from '../app/FirstRunGuide';
import { ImportCaseButton } from './ImportCaseButton';

export function CaseList() {
  const { t } = useTranslation();
  const unsorted = useApp((s) => s.cases);
  const deadlines = useApp((s) => s.deadlines);
  const cases = useMemo(() => sortCasesByDeadline(unsorted, nextDueByCase(deadlines)), [unsorted, deadlines]);
  const loaded = useApp((s) => s.casesLoaded);
  const setEditing = useApp((s) => s.setEditing);
  const empty = loaded && cases.length === 0;

  return (
    <section className="case-list" data-testid="case-list" data-ready={loaded ? 'true' : 'false'}>
      <div className="section-head">
        <h1>{t('nav.cases')}</h1>
        {/* An empty vault has these two in its guide instead. */}
        {!empty && (
          <>
            <ImportCaseButton />
            <button type="button" className="primary" data-testid="new-case" onClick={() => setEditing('new')}>
              + {t('cases.new')}
            </button>
          </>
        )}
      </div>
      {empty ? (
        <FirstRunGuide />
      ) : (
        <ul className="case-rows">
          {cases.map((c) => (
            <CaseRow key={c.id} record={c} />
          ))}
        </ul>
      )}
    </section>
  );
}
