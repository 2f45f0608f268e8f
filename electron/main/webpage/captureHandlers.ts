// The capture:webPage channel: one live page, captured in a tab of its own session, stored as one
// evidence item (the MHTML, with the screenshot, print, text and hashed manifest beside it) and
// audit-logged like any import. Nothing is stored unless the whole capture succeeded.
import type { CaptureApi } from '../../../shared/capture/contract';
import type { CapturePolicy } from '../../../shared/capture/urlPolicy';
import { toShanghaiLocal } from '../../../shared/time/shanghai';
import type { AfterImport } from '../handlers';
import { importEntries } from '../handlers';
import type { AuditDecoration } from '../integrity/decorate';
import { VaultError, type VaultService } from '../vault';
import type { RenderHost } from './cdp';
import { CaptureError, captureWebPage } from './capture';

export interface CaptureDeps {
  vault: VaultService;
  /** The live-page browser; absent where there is none (the CLI), and the channel then says so. */
  host?: RenderHost;
  policy: CapturePolicy;
  now: () => number;
  appVersion: string;
  afterImport: AfterImport;
}

function itemName(url: string, at: number): string {
  let host = 'page';
  try {
    host = new URL(url).hostname.replace(/[^a-z0-9.-]/gi, '_').slice(0, 80) || 'page';
  } catch {
    // The policy already refused anything unparsable; the name just stays generic.
  }
  return `网页抓取_${host}_${toShanghaiLocal(at).replace(/[-:]/g, '').replace('T', '_')}.mhtml`;
}

export function createCaptureHandlers(deps: CaptureDeps): CaptureApi {
  return {
    'capture:webPage': async ({ caseId, url }) => {
      if (!deps.host) throw new VaultError('unsupported-type', '此处无法抓取网页（没有可用的浏览器）。');
      const tab = await deps.host.open();
      let result;
      try {
        result = await captureWebPage(tab, { url, policy: deps.policy, now: deps.now, appVersion: deps.appVersion });
      } catch (err) {
        if (err instanceof CaptureError) throw new VaultError(err.code === 'refused-url' ? 'invalid-request' : 'io', err.message, { cause: err });
        throw err;
      } finally {
        await tab.close().catch(() => undefined);
      }
      const mhtml = result.files.find((f) => f.name === 'page.mhtml')?.bytes ?? new Uint8Array();
      const others = result.files.filter((f) => f.name !== 'page.mhtml');
      const batch = await deps.vault.importCapture(caseId, {
        name: itemName(result.manifest.finalUrl, deps.now()),
        mhtml,
        files: [...others, { name: 'capture-manifest.json', bytes: result.manifestBytes }],
      });
      deps.afterImport(batch);
      return batch;
    },
  };
}

/** A capture is an import: one audit entry naming the stored MHTML. */
export const captureAudit: AuditDecoration<CaptureApi> = {
  'capture:webPage': (req, batch) => importEntries(req.caseId, batch),
};
