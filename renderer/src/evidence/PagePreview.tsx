import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EvidenceRecord } from '../../../shared/domain/evidence';
import { useDisplayImage } from '../common/useBlobUrl';

/**
 * A saved page as main rendered it, in its own session with scripts off and the network blocked: the
 * app only ever shows that picture, never the page itself, so nothing the page holds runs here.
 */
export function PagePreview({ item }: { item: EvidenceRecord }) {
  const { t } = useTranslation();
  const url = useDisplayImage(item.hasThumbnail ? item.sha256 : null);
  if (item.hasThumbnail && url === undefined) return <div className="viewer-preview loading" />;
  return (
    <figure className="viewer-preview page-preview" data-testid="page-preview">
      {url ? <img src={url} alt={t('webpage.preview')} data-testid="page-snapshot" /> : <span>{t('webpage.noPreview')}</span>}
      {url && <figcaption>{t('webpage.preview')}</figcaption>}
    </figure>
  );
}

/** Where and when the page says it was saved, as facts for the details list. */
export function pageFacts(item: EvidenceRecord, t: TFunction, formatLocal: (s: string) => string): [string, string][] {
  const page = item.page;
  if (!page) return [];
  const facts: [string, string][] = [];
  if (page.title) facts.push([t('webpage.title'), page.title]);
  facts.push([t('webpage.url'), page.url ?? '—']);
  facts.push([t('webpage.savedAt'), page.savedAt ? `${formatLocal(page.savedAt)}${page.savedAtRaw ? ` · ${page.savedAtRaw}` : ''}` : t('webpage.savedAtMissing')]);
  if (page.resources > 0 && page.format === 'html') facts.push([t('webpage.resources'), t('webpage.resourcesCount', { count: page.resources })]);
  return facts;
}
