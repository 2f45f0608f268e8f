// Renders a stored saved page the way it looked, safely: a private copy in a folder of its own, a tab
// with scripts off, and every request except that copy (and its `_files` folder) failed before it
// leaves the browser, whatever URL the page embeds. Gives a full-page PNG (the display copy and the
// thumbnail come from it) and a PDF print (the bundle exhibit).
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { answerPageRequest, isAllowedPageRequest, type PageRequestScope } from '../../../shared/security/pageTrust';
import type { PageFormat } from '../../../shared/webpage/provenance';
import { str, type CdpSession, type RenderHost } from './cdp';

export interface PageSource {
  /** The stored original. */
  file: string;
  format: PageFormat;
  /** An HTML save's `_files` folder, materialised: relative path → file on disk. */
  resources?: ReadonlyArray<{ name: string; file: string }>;
  /** The folder name the page refers to its resources by ("policy_files"). */
  resourceFolder?: string;
}

export interface RenderedPage {
  png: Buffer | null;
  pdf: Buffer | null;
  /** CSS pixels of the whole page, and whether the image or the PDF was cut at its cap. */
  width: number;
  height: number;
  capped: boolean;
  /** Requests the page tried and the renderer refused (trackers, CDN files, anything online). */
  blocked: string[];
}

export const RENDER_LIMITS = { width: 1024, maxHeight: 16_000, pdfPages: 30, timeoutMs: 20_000 };

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/**
 * Answers every request before it is sent (see `answerPageRequest`): the copy and its folder load,
 * other requests fail, and a document the page tries to open later gets "204 No Content" so the tab
 * stays on the saved page. Returns the list of refused URLs.
 */
async function guardRequests(cdp: CdpSession, scope: PageRequestScope): Promise<{ blocked: string[]; off: () => void }> {
  const blocked: string[] = [];
  const tree = await cdp.send('Page.getFrameTree');
  const frame = (tree['frameTree'] as Record<string, unknown> | undefined)?.['frame'];
  const mainFrameId = frame !== null && typeof frame === 'object' && 'id' in frame && typeof frame.id === 'string' ? frame.id : '';
  let documentLoaded = false;
  const off = cdp.on('Fetch.requestPaused', (params) => {
    const requestId = str(params, 'requestId');
    const request = params['request'];
    const url = request !== null && typeof request === 'object' && 'url' in request && typeof request.url === 'string' ? request.url : '';
    const isMainFrame = str(params, 'frameId') === mainFrameId;
    const answer = answerPageRequest({ url, resourceType: str(params, 'resourceType'), isMainFrame }, scope, documentLoaded);
    if (answer === 'continue') {
      if (isMainFrame && str(params, 'resourceType') === 'Document') documentLoaded = true;
      void cdp.send('Fetch.continueRequest', { requestId }).catch(() => undefined);
      return;
    }
    // A second load of the copy itself (a bare refresh) is not a refusal worth listing.
    if (!isAllowedPageRequest(url, scope) && blocked.length < 200) blocked.push(url.slice(0, 300));
    if (answer === 'stay') void cdp.send('Fetch.fulfillRequest', { requestId, responseCode: 204, responseHeaders: [] }).catch(() => undefined);
    else void cdp.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' }).catch(() => undefined);
  });
  // Every request pauses here, at the request stage, before any byte is sent.
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] });
  return { blocked, off };
}

export async function renderSavedPage(host: RenderHost, source: PageSource, tempRoot: string, want: { png: boolean; pdf: boolean }): Promise<RenderedPage> {
  const dir = path.join(tempRoot, `lz-render-${randomBytes(8).toString('hex')}`);
  await mkdir(dir, { recursive: true });
  const docFile = path.join(dir, source.format === 'mhtml' ? 'page.mhtml' : 'page.html');
  try {
    await copyFile(source.file, docFile);
    let scope: PageRequestScope = { document: pathToFileURL(docFile).href };
    if (source.resources && source.resources.length > 0 && source.resourceFolder) {
      const resDir = path.join(dir, path.basename(source.resourceFolder));
      for (const r of source.resources) {
        const dest = path.join(resDir, ...r.name.split('/').filter((s) => s !== '' && s !== '.' && s !== '..'));
        if (!dest.startsWith(resDir + path.sep)) continue;
        await mkdir(path.dirname(dest), { recursive: true });
        await copyFile(r.file, dest);
      }
      scope = { ...scope, resourceDir: `${pathToFileURL(resDir).href}/` };
    }
    const tab = await host.open();
    try {
      const { cdp } = tab;
      const guard = await guardRequests(cdp, scope);
      try {
        await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
        await cdp.send('Emulation.setDeviceMetricsOverride', { width: RENDER_LIMITS.width, height: 1200, deviceScaleFactor: 1, mobile: false });
        await tab.navigate(scope.document, RENDER_LIMITS.timeoutMs);
        const metrics = await cdp.send('Page.getLayoutMetrics');
        const size = (metrics['cssContentSize'] ?? metrics['contentSize']) as Record<string, unknown> | undefined;
        const fullHeight = Math.max(1, Math.ceil(num(size?.['height'])));
        const height = Math.min(fullHeight, RENDER_LIMITS.maxHeight);
        let png: Buffer | null = null;
        if (want.png) {
          const shot = await cdp.send('Page.captureScreenshot', {
            format: 'png',
            captureBeyondViewport: true,
            clip: { x: 0, y: 0, width: RENDER_LIMITS.width, height, scale: 1 },
          });
          png = Buffer.from(str(shot, 'data'), 'base64');
        }
        let pdf: Buffer | null = null;
        if (want.pdf) {
          if (tab.printToPdf) pdf = Buffer.from(await tab.printToPdf({ maxPages: RENDER_LIMITS.pdfPages }));
          else {
            const printed = await cdp.send('Page.printToPDF', {
              printBackground: true,
              paperWidth: 8.27,
              paperHeight: 11.69,
              marginTop: 0.4,
              marginBottom: 0.4,
              marginLeft: 0.4,
              marginRight: 0.4,
              pageRanges: `1-${RENDER_LIMITS.pdfPages}`,
            });
            pdf = Buffer.from(str(printed, 'data'), 'base64');
          }
        }
        return { png, pdf, width: RENDER_LIMITS.width, height, capped: fullHeight > height, blocked: guard.blocked };
      } finally {
        guard.off();
      }
    } finally {
      await tab.close().catch(() => undefined);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
