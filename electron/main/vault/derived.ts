// Thumbnails and display copies are a cache of the original: any that go missing are rendered again.
import type { BlobInfo } from '../../../shared/domain/evidence';
import type { PagePreviewer } from './describe';
import { renderImage } from './image';
import { isPageFormat } from './page';
import { readResources } from './pageResources';
import type { PageSource } from '../webpage/render';

/** A stored page with its stored `_files` folder, as the renderer takes it. */
export async function storedPageSource(layout: VaultLayout, sha: string, format: PageSource['format']): Promise<PageSource> {
  const res = await readResources(layout, sha);
  return { file: layout.blob(sha), format, ...(res ? { resources: res.files, resourceFolder: res.folder } : {}) };
}
import type { VaultLayout } from './layout';
import { exists, writeDerived } from './store';

export function hasDerived(blob: BlobInfo): boolean {
  return (blob.mediaType === 'image' || blob.mediaType === 'page') && blob.hasThumbnail;
}

/** Rebuilds whichever derived copies of `blob` are missing; returns how many files were written. */
export async function ensureDerived(layout: VaultLayout, blob: BlobInfo, previewPage?: PagePreviewer): Promise<number> {
  if (!hasDerived(blob)) return 0;
  // A page's copies come from rendering it again, which needs a browser; without one they stay missing.
  if (blob.mediaType === 'page' && (!previewPage || !isPageFormat(blob.format))) return 0;
  const sha = blob.sha256;
  const needThumb = !(await exists(layout.thumb(sha)));
  const needDisplay = !(await exists(layout.display(sha)));
  if (!needThumb && !needDisplay) return 0;
  const rendered = await renderImage(blob.mediaType === 'page' && previewPage && isPageFormat(blob.format) ? await previewPage(await storedPageSource(layout, sha, blob.format)) : layout.blob(sha));
  if (needThumb) await writeDerived(layout, layout.thumb(sha), rendered.thumb);
  if (needDisplay) await writeDerived(layout, layout.display(sha), rendered.display);
  return Number(needThumb) + Number(needDisplay);
}
