import { useEffect } from 'react';
import { usePasteImport } from '../hooks/usePasteImport';
import { useApp } from '../StoreContext';
import { CalendarView } from './CalendarView';
import { CaseFormDialog } from './CaseFormDialog';
import { CaseList } from './CaseList';
import { CasePage } from './CasePage';
import { EvidenceViewer } from './EvidenceViewer';
import { IcsResultToast } from './IcsResultToast';
import { ImportReportPanel } from './ImportReportPanel';
import { IntegrityPage } from './IntegrityPage';
import { PortableToast } from './PortableToast';
import { SearchView } from './SearchView';
import { SettingsView } from './SettingsView';
import { BackupPanel } from './BackupPanel';
import { TopBar } from './TopBar';
import { TransitionDialog } from './TransitionDialog';
import { VaultNoticeBanner } from './VaultNoticeBanner';

export function App() {
  const route = useApp((s) => s.route);
  const reconcileVault = useApp((s) => s.reconcileVault);
  const setProgress = useApp((s) => s.setProgress);
  const loadDeadlines = useApp((s) => s.loadDeadlines);
  const tick = useApp((s) => s.tick);
  const subscribeReminders = useApp((s) => s.subscribeReminders);
  const loadOcr = useApp((s) => s.loadOcr);
  const onOcrProgress = useApp((s) => s.onOcrProgress);

  useEffect(() => {
    void reconcileVault();
  }, [reconcileVault]);
  useEffect(() => window.liuzheng.onImportProgress(setProgress), [setProgress]);
  const purgeExpiredTrash = useApp((s) => s.purgeExpiredTrash);
  const onVaultCheckProgress = useApp((s) => s.onVaultCheckProgress);
  useEffect(() => void purgeExpiredTrash(), [purgeExpiredTrash]);
  useEffect(() => window.liuzheng.onVaultCheckProgress(onVaultCheckProgress), [onVaultCheckProgress]);
  useEffect(() => {
    const off = window.liuzheng.onOcrProgress(onOcrProgress);
    void loadOcr();
    return off;
  }, [loadOcr, onOcrProgress]);
  const onVideoProgress = useApp((s) => s.onVideoProgress);
  useEffect(() => window.liuzheng.onVideoProgress(onVideoProgress), [onVideoProgress]);
  useEffect(() => {
    void loadDeadlines();
    return subscribeReminders();
  }, [loadDeadlines, subscribeReminders]);
  // Countdowns move on their own; 20 s keeps minutes honest without busy rendering. Coming back to
  // the window (after sleep, say) refreshes them at once.
  useEffect(() => {
    const refresh = () => tick(Date.now());
    const timer = setInterval(refresh, 20_000);
    window.addEventListener('focus', refresh);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
    };
  }, [tick]);
  usePasteImport();

  return (
    <div className="app">
      <TopBar />
      <VaultNoticeBanner />
      <main className="app-main">
        {route.name === 'case' ? (
          <CasePage key={route.caseId} caseId={route.caseId} />
        ) : route.name === 'calendar' ? (
          <CalendarView />
        ) : route.name === 'search' ? (
          <SearchView />
        ) : route.name === 'settings' ? (
          <SettingsView />
        ) : route.name === 'integrity' ? (
          <IntegrityPage tab={route.tab} />
        ) : route.name === 'backup' ? (
          <BackupPanel />
        ) : (
          <CaseList />
        )}
      </main>
      <CaseFormDialog />
      <TransitionDialog />
      <EvidenceViewer />
      <ImportReportPanel />
      <IcsResultToast />
      <PortableToast />
    </div>
  );
}
