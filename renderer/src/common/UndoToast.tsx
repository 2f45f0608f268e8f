import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/StoreContext';

/** How long 撤销 stays on offer: long enough to read and reach, short enough not to linger. */
export const UNDO_MS = 8000;
const DONE_MS = 2500;

export function UndoToast() {
  const { t } = useTranslation();
  const toast = useApp((s) => s.undoToast);
  const runUndo = useApp((s) => s.runUndo);
  const dismiss = useApp((s) => s.dismissUndo);

  useEffect(() => {
    if (!toast || toast.state === 'undoing') return;
    const timer = setTimeout(() => dismiss(toast.id), toast.state === 'offered' ? UNDO_MS : toast.state === 'undone' ? DONE_MS : UNDO_MS);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  if (!toast) return null;

  const { key, params } = toast.message;
  const text = t(key, { ...params, ...(params['status'] ? { status: t(`status.${params['status']}`) } : {}) });
  return (
    <div className={toast.state === 'failed' ? 'toast toast-warn undo-toast' : 'toast undo-toast'} role="status" data-testid="undo-toast" data-state={toast.state}>
      <div className="toast-head">
        <span>{toast.state === 'undone' ? t('ux.undo.undone') : toast.state === 'failed' ? t('ux.undo.failed', { message: toast.error ?? '' }) : text}</span>
        <span className="undo-actions">
          {(toast.state === 'offered' || toast.state === 'undoing') && (
            <button type="button" className="primary small" disabled={toast.state === 'undoing'} data-testid="undo-button" onClick={() => void runUndo()}>
              {t('ux.undo.action')}
            </button>
          )}
          <button type="button" className="ghost icon" aria-label={t('ux.undo.dismiss')} title={t('ux.undo.dismiss')} onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </span>
      </div>
    </div>
  );
}
