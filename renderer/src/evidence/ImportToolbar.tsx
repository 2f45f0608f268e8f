import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isMac } from '../common/format';
import { useApp } from '../app/StoreContext';
import { CaptureDialog } from './CaptureDialog';

export function ImportToolbar({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const importInto = useApp((s) => s.importInto);
  const importing = useApp((s) => s.importing);
  const progress = useApp((s) => s.progress);
  const [capturing, setCapturing] = useState(false);

  return (
    <div className="import-toolbar">
      <button type="button" className="primary" disabled={importing} data-testid="import-files" onClick={() => void importInto(caseId, { via: 'files' })}>
        + {t('evidence.add')}
      </button>
      <button type="button" disabled={importing} data-testid="import-folder" onClick={() => void importInto(caseId, { via: 'folder' })}>
        {t('evidence.addFolder')}
      </button>
      <button type="button" disabled={importing} data-testid="open-capture" onClick={() => setCapturing(true)}>
        {t('webpage.capture.open')}
      </button>
      {capturing && <CaptureDialog caseId={caseId} onClose={() => setCapturing(false)} />}
      <span className="muted hint">
        {t('evidence.pasteHint', { key: isMac ? '⌘' : 'Ctrl' })} · {t('evidence.dropHint')}
      </span>
      {importing && progress && (
        <span className="import-progress" role="progressbar" aria-valuenow={progress.done} aria-valuemax={progress.total} data-testid="import-progress">
          <span className="import-progress-bar" style={{ width: `${Math.round((progress.done / Math.max(progress.total, 1)) * 100)}%` }} />
          <span className="import-progress-text">{t('import.running', { ...progress })}</span>
        </span>
      )}
    </div>
  );
}
