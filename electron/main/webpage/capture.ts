// 抓取网页: the buyer-started capture of a live page, the app's one network action. Driven over the
// same minimal DevTools-protocol session as page rendering (webContents.debugger in the app,
// Playwright's CDPSession in tests). It records what a third party needs to check the capture: the
// requested and final URL, the redirect chain, the main document's status and headers, the server's
// IP, its TLS certificate, the start and end time; and produces a full-page PNG, the MHTML, a PDF
// print and the text, each hashed into one manifest that is itself hashed. Nothing is written here:
// the caller stores the result only when the whole capture succeeded.
import { createHash } from 'node:crypto';
import { checkCaptureUrl, isPrivateAddress, type CapturePolicy } from '../../../shared/capture/urlPolicy';
import { toShanghaiLocal } from '../../../shared/time/shanghai';
import { readSavedPage } from '../../../shared/webpage/read';
import { RenderTimeout, str, type CdpParams, type RenderTab } from './cdp';

export const CAPTURE_LIMITS = { width: 1280, maxHeight: 20_000, pdfPages: 50, timeoutMs: 30_000 };

export type CaptureErrorCode = 'refused-url' | 'timeout' | 'load-failed' | 'cert-error' | 'private-address';

export class CaptureError extends Error {
  constructor(
    readonly code: CaptureErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CaptureError';
  }
}

export interface CaptureOptions {
  url: string;
  policy: CapturePolicy;
  /** The app's one clock, epoch ms. */
  now: () => number;
  appVersion: string;
  timeoutMs?: number;
  maxHeight?: number;
}

export interface CaptureFileEntry {
  name: string;
  sha256: string;
  size: number;
}

export interface CaptureManifest {
  format: 'liuzheng-web-capture';
  version: 1;
  app: { name: string; version: string };
  requestedUrl: string;
  finalUrl: string;
  redirects: { url: string; status: number; location: string | null }[];
  response: { status: number; statusText: string; headers: Record<string, string>; mimeType: string };
  server: { ip: string | null; port: number | null };
  tls: {
    protocol: string;
    subject: string;
    issuer: string;
    validFrom: string;
    validTo: string;
    sha256: string | null;
    sanList: string[];
    /** Chromium's verdict: "secure" when the certificate verified, otherwise what it found. */
    securityState: string;
    errors: string[];
  } | null;
  start: { utc: string; shanghai: string };
  end: { utc: string; shanghai: string };
  files: CaptureFileEntry[];
  /** Requests the capture refused (other local addresses, non-web schemes). */
  blocked: string[];
  notices: string[];
}

export interface CaptureResult {
  manifest: CaptureManifest;
  /** The manifest as written (UTF-8 JSON) and its SHA-256. */
  manifestBytes: Uint8Array;
  manifestSha256: string;
  files: { name: string; bytes: Uint8Array }[];
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const obj = (v: unknown): CdpParams => (v !== null && typeof v === 'object' ? (v as CdpParams) : {});
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const moment = (ms: number) => ({ utc: new Date(ms).toISOString(), shanghai: toShanghaiLocal(ms) });

function headersOf(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(obj(v))) if (typeof val === 'string') out[k.toLowerCase()] = val.slice(0, 4096);
  return out;
}

interface DocEvent {
  loaderId: string;
  kind: 'request' | 'response' | 'failed';
  params: CdpParams;
}

/** Captures `opts.url` in `tab`; throws CaptureError with a plain reason when the capture cannot be trusted or finished. */
export async function captureWebPage(tab: RenderTab, opts: CaptureOptions): Promise<CaptureResult> {
  const verdict = checkCaptureUrl(opts.url, opts.policy);
  if (!verdict.ok) throw new CaptureError('refused-url', verdict.reason);
  const { cdp } = tab;
  const start = opts.now();
  const docs: DocEvent[] = [];
  const blocked: string[] = [];
  const offs: (() => void)[] = [];
  const timeoutMs = opts.timeoutMs ?? CAPTURE_LIMITS.timeoutMs;
  try {
    offs.push(
      cdp.on('Network.requestWillBeSent', (p) => {
        if (str(p, 'type') === 'Document') docs.push({ loaderId: str(p, 'loaderId'), kind: 'request', params: p });
      }),
      cdp.on('Network.responseReceived', (p) => {
        if (str(p, 'type') === 'Document') docs.push({ loaderId: str(p, 'loaderId'), kind: 'response', params: p });
      }),
      cdp.on('Network.loadingFailed', (p) => {
        if (str(p, 'type') === 'Document') docs.push({ loaderId: '', kind: 'failed', params: p });
      }),
      // The page may load what it likes from the web, but nothing local and no other scheme.
      cdp.on('Fetch.requestPaused', (p) => {
        const url = str(obj(p['request']), 'url');
        const ok = /^(data|blob):/.test(url) || checkCaptureUrl(url, opts.policy).ok;
        if (!ok && blocked.length < 200) blocked.push(url.slice(0, 300));
        void cdp.send(ok ? 'Fetch.continueRequest' : 'Fetch.failRequest', ok ? { requestId: str(p, 'requestId') } : { requestId: str(p, 'requestId'), errorReason: 'BlockedByClient' }).catch(() => undefined);
      }),
    );
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] });
    await cdp.send('Network.enable');
    await cdp.send('Page.enable');
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: CAPTURE_LIMITS.width, height: 900, deviceScaleFactor: 1, mobile: false });

    let loaderId = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const loaded = new Promise<void>((resolve, reject) => {
      offs.push(cdp.on('Page.loadEventFired', () => resolve()));
      timer = setTimeout(() => reject(new CaptureError('timeout', `网页在 ${Math.round(timeoutMs / 1000)} 秒内没有加载完成，未保存任何内容。`)), timeoutMs);
    });
    loaded.catch(() => undefined);
    try {
      const nav = await Promise.race([cdp.send('Page.navigate', { url: verdict.url }), loaded.then(() => ({}) as CdpParams)]);
      loaderId = str(nav, 'loaderId');
      const error = str(nav, 'errorText');
      if (error !== '') {
        if (/CERT|SSL/i.test(error)) throw new CaptureError('cert-error', `网站的 HTTPS 证书未通过验证（${error}），未抓取。证书错误不会被忽略。`);
        throw new CaptureError('load-failed', `网页无法打开（${error}）。`);
      }
      await loaded;
    } catch (err) {
      if (err instanceof RenderTimeout) throw new CaptureError('timeout', err.message);
      throw err;
    } finally {
      clearTimeout(timer);
    }

    const mine = docs.filter((d) => d.loaderId === loaderId || loaderId === '');
    const redirects = mine
      .filter((d) => d.kind === 'request' && d.params['redirectResponse'] !== undefined)
      .map((d) => {
        const r = obj(d.params['redirectResponse']);
        return { url: str(r, 'url'), status: num(r['status']), location: headersOf(r['headers'])['location'] ?? null };
      });
    const response = obj([...mine].reverse().find((d) => d.kind === 'response')?.params['response']);
    const finalUrl = str(response, 'url') || verdict.url;
    const ip = str(response, 'remoteIPAddress') || null;
    // A public name that resolved to a private address (DNS rebinding) is refused after the fact.
    const host = (() => {
      try {
        return new URL(finalUrl).host;
      } catch {
        return '';
      }
    })();
    if (ip !== null && isPrivateAddress(ip) && !opts.policy.allowHosts?.includes(host)) {
      throw new CaptureError('private-address', `网址解析到了本机或局域网地址（${ip}），未抓取。`);
    }
    const tls = await tlsOf(cdp, response, finalUrl);

    const notices: string[] = [];
    const metrics = await cdp.send('Page.getLayoutMetrics');
    const size = obj(metrics['cssContentSize'] ?? metrics['contentSize']);
    const fullHeight = Math.max(1, Math.ceil(num(size['height'])));
    const maxHeight = opts.maxHeight ?? CAPTURE_LIMITS.maxHeight;
    const height = Math.min(fullHeight, maxHeight);
    if (fullHeight > height) notices.push(`网页过长（${fullHeight} 像素），整页截图只保存了前 ${height} 像素；网页快照（MHTML）与文字为完整内容。`);
    const shot = await cdp.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width: CAPTURE_LIMITS.width, height, scale: 1 } });
    const png = Buffer.from(str(shot, 'data'), 'base64');
    const snapshot = await cdp.send('Page.captureSnapshot', { format: 'mhtml' });
    const mhtml = new TextEncoder().encode(str(snapshot, 'data'));
    const pdf = tab.printToPdf
      ? await tab.printToPdf({ maxPages: CAPTURE_LIMITS.pdfPages })
      : Buffer.from(str(await cdp.send('Page.printToPDF', { printBackground: true, paperWidth: 8.27, paperHeight: 11.69, pageRanges: `1-${CAPTURE_LIMITS.pdfPages}` }), 'data'), 'base64');
    let text = '';
    try {
      const page = readSavedPage(mhtml, 'mhtml');
      text = page.text;
      if (page.truncated) notices.push('网页文字过长，只保存了前一部分。');
    } catch {
      notices.push('网页快照中没有可读的文字。');
    }
    const end = opts.now();
    const files = [
      { name: 'page.mhtml', bytes: mhtml },
      { name: 'screenshot.png', bytes: new Uint8Array(png) },
      { name: 'print.pdf', bytes: new Uint8Array(pdf) },
      { name: 'text.txt', bytes: new TextEncoder().encode(text) },
    ];
    const manifest: CaptureManifest = {
      format: 'liuzheng-web-capture',
      version: 1,
      app: { name: '留证 LiuZheng', version: opts.appVersion },
      requestedUrl: verdict.url,
      finalUrl,
      redirects,
      response: { status: num(response['status']), statusText: str(response, 'statusText'), headers: headersOf(response['headers']), mimeType: str(response, 'mimeType') },
      server: { ip, port: num(response['remotePort']) || null },
      tls,
      start: moment(start),
      end: moment(end),
      files: files.map((f) => ({ name: f.name, sha256: sha256(f.bytes), size: f.bytes.length })),
      blocked,
      notices,
    };
    const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
    return { manifest, manifestBytes, manifestSha256: sha256(manifestBytes), files };
  } finally {
    for (const off of offs) off();
  }
}

async function tlsOf(cdp: RenderTab['cdp'], response: CdpParams, finalUrl: string): Promise<CaptureManifest['tls']> {
  const details = obj(response['securityDetails']);
  if (Object.keys(details).length === 0) return null;
  let fingerprint: string | null = null;
  try {
    const cert = await cdp.send('Network.getCertificate', { origin: new URL(finalUrl).origin });
    const first = Array.isArray(cert['tableNames']) ? cert['tableNames'][0] : undefined;
    if (typeof first === 'string') fingerprint = sha256(Buffer.from(first, 'base64'));
  } catch {
    // Left null: the manifest says the fingerprint could not be read rather than inventing one.
  }
  const iso = (s: unknown) => (num(s) > 0 ? new Date(num(s) * 1000).toISOString() : '');
  const errors: string[] = [];
  const state = str(response, 'securityState');
  if (state !== 'secure') errors.push(`Chromium 的证书判定为 ${state || 'unknown'}：证书未被系统信任。`);
  return {
    protocol: str(details, 'protocol'),
    subject: str(details, 'subjectName'),
    issuer: str(details, 'issuer'),
    validFrom: iso(details['validFrom']),
    validTo: iso(details['validTo']),
    sha256: fingerprint,
    sanList: Array.isArray(details['sanList']) ? details['sanList'].filter((s): s is string => typeof s === 'string').slice(0, 100) : [],
    securityState: state,
    errors,
  };
}
