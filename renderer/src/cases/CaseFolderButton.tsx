import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseEvent } from '../../../shared/domain/events';
import { useApp } from '../app/StoreContext';

/** "导出案件文件夹": main asks where, then writes case.json and the originals. */
export function CaseFolderButton({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const busy = useApp((s) => s.portableBusy);
  const exportCaseFolder = useApp((s) => s.exportCaseFolder);
  const eventText = useMemo(() => (e: CaseEvent) => t(`timeline.${e.type}`, { detail: e.detail, status: e.status ? t(`status.${e.status}`) : '' }), [t]);
  return (
    <button type="button" className="ghost" disabled={busy} title={t('portable.exportHint')} data-testid="export-case-folder" onClick={() => void exportCaseFolder(caseId, eventText)}>
      {t('portable.export')}
    </button>
  );
}
