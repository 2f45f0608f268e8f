import { useEffect } from 'react';
import { usePasteImport } from '../hooks/usePasteImport';
import { useApp } from '../StoreContext';
import { CaseFormDialog } from './CaseFormDialog';
import { CaseList } from './CaseList';
import { CasePage } from './CasePage';
import { EvidenceViewer } from './EvidenceViewer';
import { ImportReportPanel } from './ImportReportPanel';
import { TopBar } from './TopBar';
import { VaultNoticeBanner } from './VaultNoticeBanner';

export function App() {
  const route = useApp((s) => s.route);
  const reconcileVault = useApp((s) => s.reconcileVault);
  const setProgress = useApp((s) => s.setProgress);

  useEffect(() => {
    void reconcileVault();
  }, [reconcileVault]);
  useEffect(() => window.liuzheng.onImportProgress(setProgress), [setProgress]);
  usePasteImport();

  return (
    <div className="app">
      <TopBar />
      <VaultNoticeBanner />
      <main className="app-main">{route.name === 'case' ? <CasePage key={route.caseId} caseId={route.caseId} /> : <CaseList />}</main>
      <CaseFormDialog />
      <EvidenceViewer />
      <ImportReportPanel />
    </div>
  );
}
