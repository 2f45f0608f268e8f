import { useTranslation } from 'react-i18next';
import { useApp } from '../app/StoreContext';

/** The OCR state of one image, shown on its card while it matters. */
export function OcrBadge({ sha256 }: { sha256: string }) {
  const { t } = useTranslation();
  const item = useApp((s) => s.ocrItems[sha256]);
  if (!item || item.state === 'done') return null;
  const text = item.state === 'running' ? t('ocr.running', { pct: Math.round(item.progress * 100) }) : t(`ocr.state.${item.state}`);
  return (
    <span className={`ocr-badge ocr-${item.state}`} data-testid="ocr-badge" title={item.error ?? undefined}>
      {text}
    </span>
  );
}
