import { useTranslation } from 'react-i18next';
import { useApp } from '../app/StoreContext';
import './portable.css';

/** "导入案件": main asks for a folder holding case.json; the new case opens when it is stored. */
export function ImportCaseButton() {
  const { t } = useTranslation();
  const busy = useApp((s) => s.portableBusy);
  const importCaseFolder = useApp((s) => s.importCaseFolder);
  return (
    <button type="button" disabled={busy} title={t('portable.importHint')} data-testid="import-case" onClick={() => void importCaseFolder()}>
      {busy ? t('portable.working') : t('portable.import')}
    </button>
  );
}
