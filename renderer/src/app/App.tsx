import { useEffect, useContext } from 'react';
import { usePasteImport } from '../evidence/usePasteImport';
import { useApp, StoreContext } from './StoreContext';
import { CalendarView } from '../deadlines/CalendarView';
import { CaseFormDialog } from '../cases/CaseFormDialog';
import { CaseList } from '../cases/CaseList';
import { CasePage } from '../cases/CasePage';
import { EvidenceViewer } from '../evidence/EvidenceViewer';
import { IcsResultToast } from '../deadlines/IcsResultToast';
import { ImportReportPanel } from '../evidence/ImportReportPanel';
import { IntegrityPage } from '../integrity/IntegrityPage';
import { PortableToast } from '../cases/PortableToast';
import { SearchView } from '../search/SearchView';
import { SettingsView } from '../settings/SettingsView';
import { BackupPanel } from '../backup/BackupPanel';
import { useShortcuts } from './useShortcuts';
import { TopBar } from './TopBar';
import { TransitionDialog } from '../cases/TransitionDialog';
import { VaultNoticeBanner } from './VaultNoticeBanner';
import { ShortcutsDialog } from './ShortcutsDialog';
import { UndoToast } from '../common/UndoToast';

export function App() {
  const store = useContext(StoreContext);
  if (!store) throw new Error('App outside StoreContext');
  useShortcuts(store);
  const route = useApp((s) => s.route);
  const reconcileVault = useApp((s) => s.reconcileVault);
  const setProgress = useApp((s) => s.setProgress);
  const loadDeadlines = useApp((s) => s.loadDeadlines);
  const loadHolidays = useApp((s) => s.loadHolidays);
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
  // The audit head kept in IndexedDB, checked against the log at every start.
  const anchorAudit = useApp((s) => s.anchorAudit);
  useEffect(() => void anchorAudit(), [anchorAudit]);
  useEffect(() => window.liuzheng.onVaultCheckProgress(onVaultCheckProgress), [onVaultCheckProgress]);
  useEffect(() => {
    const off = window.liuzheng.onOcrProgress(onOcrProgress);
    void loadOcr();
    return off;
  }, [loadOcr, onOcrProgress]);
  const onVideoProgress = useApp((s) => s.onVideoProgress);
  useEffect(() => window.liuzheng.onVideoProgress(onVideoProgress), [onVideoProgress]);
  useEffect(() => {
    // Loaded holiday years first, so deadlines are shown with the calendar the buyer chose.
    void loadHolidays()
      .catch((err: unknown) => console.error('[holidays]', err))
      .then(() => loadDeadlines());
    return subscribeReminders();
  }, [loadHolidays, loadDeadlines, subscribeReminders]);
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
      <ShortcutsDialog />
      <UndoToast />
    </div>
  );
}
