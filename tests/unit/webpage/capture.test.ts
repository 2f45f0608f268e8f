// 抓取网页 for real: the app's capture code drives Playwright's CDPSession on Debian's Chromium against
// a loopback HTTP and HTTPS server (a self-signed certificate made here with openssl). Every manifest
// field is checked against what the servers know, and no request may reach anything else.
import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createTlsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaptureError, captureWebPage } from '../../../electron/main/webpage/capture';
import { createCaptureHandlers } from '../../../electron/main/webpage/captureHandlers';
import { createVaultService } from '../../../electron/main/vault';
import { createBundleService } from '../../../electron/main/bundle';
import { caseOf } from '../../fixtures/bundle';
import { readSavedPage } from '../../../shared/webpage/read';
import { chromiumLaunchOptions } from '../../support/chromium';
import { playwrightCaptureHost } from '../../support/renderHost';
import { EMPTY_COMPLAINANT, EMPTY_COMPLAINT_FACTS, EMPTY_RESPONDENT } from '../../../shared/bundle/types';

const run = promisify(execFile);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const CLOCK = { t: Date.UTC(2026, 11, 4, 8, 0, 0) };
// One clock, stepping a second per read, so start and end differ and are known.
const now = () => (CLOCK.t += 1000);

let browser: Browser;
let dir: string;
let http: HttpServer;
let https: HttpsServer;
let httpHost: string;
let httpsHost: string;
let certDer: Buffer;
const hits: string[] = [];

const POLICY = `<!doctype html><html><head><meta charset="utf-8"><title>退款规则</title></head><body>
<h1>退款规则</h1><p>退款申请将在2个工作日内审核。</p><img src="/logo.png">
<script>fetch('http://outside.example/beacon').catch(()=>{}); new Image().src='http://10.0.0.1/x.gif';</script></body></html>`;

// A long policy page: 6,000 CSS pixels, so its screenshot needs several exhibit pages.
const TALL = `<!doctype html><html><head><meta charset="utf-8"><title>退款规则</title></head><body style="margin:0">
<h1>退款规则</h1><p>退款申请将在2个工作日内审核。</p>${Array.from({ length: 30 }, (_, i) => `<div style="height:196px;border-top:4px solid #333">第${i + 1}条</div>`).join('')}</body></html>`;

function handler(req: IncomingMessage, res: ServerResponse): void {
  hits.push(`${req.headers.host ?? ''}${req.url ?? ''}`);
  if (req.url === '/start') return void res.writeHead(302, { location: '/policy' }).end();
  if (req.url === '/policy') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'x-shop': 'kameng' }).end(POLICY);
  if (req.url === '/logo.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from('89504e470d0a1a0a', 'hex'));
  if (req.url === '/huge') return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<body style="margin:0"><div style="height:30000px;background:#eee">tall</div></body>`);
  if (req.url === '/tall') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(TALL);
  if (req.url === '/never') return; // never answers: the capture must time out
  res.writeHead(404).end();
}

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions());
  dir = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-capture-'));
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-days', '30', '-subj', '/CN=127.0.0.1/O=LiuZheng Test Shop', '-addext', 'subjectAltName=IP:127.0.0.1']);
  const [key, cert] = await Promise.all([readFile(path.join(dir, 'key.pem')), readFile(path.join(dir, 'cert.pem'))]);
  certDer = Buffer.from(new X509Certificate(cert).raw);
  http = createServer(handler);
  https = createTlsServer({ key, cert }, handler);
  await Promise.all([new Promise<void>((r) => http.listen(0, '127.0.0.1', r)), new Promise<void>((r) => https.listen(0, '127.0.0.1', r))]);
  httpHost = `127.0.0.1:${(http.address() as AddressInfo).port}`;
  httpsHost = `127.0.0.1:${(https.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  http?.closeAllConnections();
  https?.closeAllConnections();
  await Promise.all([new Promise((r) => http?.close(r)), new Promise((r) => https?.close(r))]);
  await rm(dir, { recursive: true, force: true });
});

async function capture(url: string, opts: { ignoreHTTPSErrors?: boolean; timeoutMs?: number; maxHeight?: number } = {}) {
  const tab = await playwrightCaptureHost(browser, opts).open();
  try {
    return await captureWebPage(tab, { url, policy: { allowHosts: [httpHost, httpsHost], onlyHosts: [httpHost, httpsHost] }, now, appVersion: '0.1.0-test', timeoutMs: opts.timeoutMs ?? 15_000, ...(opts.maxHeight ? { maxHeight: opts.maxHeight } : {}) });
  } finally {
    await tab.close();
  }
}

describe('captureWebPage', () => {
  it('records the redirect chain, status, headers, server, times and four hashed files over HTTP; nothing else is contacted', async () => {
    hits.length = 0;
    CLOCK.t = Date.UTC(2026, 11, 4, 8, 0, 0);
    const r = await capture(`http://${httpHost}/start`);
    const m = r.manifest;
    expect(m.requestedUrl).toBe(`http://${httpHost}/start`);
    expect(m.finalUrl).toBe(`http://${httpHost}/policy`);
    expect(m.redirects).toEqual([{ url: `http://${httpHost}/start`, status: 302, location: '/policy' }]);
    expect(m.response).toMatchObject({ status: 200, statusText: 'OK', mimeType: 'text/html' });
    expect(m.response.headers['x-shop']).toBe('kameng');
    expect(m.server).toEqual({ ip: '127.0.0.1', port: Number(httpHost.split(':')[1]) });
    expect(m.tls).toBeNull();
    expect(m.start).toEqual({ utc: '2026-12-04T08:00:01.000Z', shanghai: '2026-12-04T16:00:01' });
    expect(m.end.utc > m.start.utc).toBe(true);
    expect(m.app).toEqual({ name: '留证 LiuZheng', version: '0.1.0-test' });
    expect(m.files.map((f) => f.name)).toEqual(['page.mhtml', 'screenshot.png', 'print.pdf', 'text.txt']);
    for (const f of r.files) expect(m.files.find((e) => e.name === f.name)).toEqual({ name: f.name, sha256: sha(f.bytes), size: f.bytes.length });
    expect(r.manifestSha256).toBe(sha(r.manifestBytes));
    expect(JSON.parse(new TextDecoder().decode(r.manifestBytes))).toEqual(m);
    // The files are what they claim: an MHTML of the page, a PNG, a PDF, its text.
    const mhtml = r.files[0]?.bytes ?? new Uint8Array();
    expect(readSavedPage(mhtml, 'mhtml').provenance.url).toBe(`http://${httpHost}/policy`);
    expect((await sharp(Buffer.from(r.files[1]?.bytes ?? [])).metadata()).format).toBe('png');
    expect(new TextDecoder().decode(r.files[2]?.bytes.subarray(0, 5))).toBe('%PDF-');
    expect(new TextDecoder().decode(r.files[3]?.bytes)).toContain('退款申请将在2个工作日内审核');
    // The page's beacons were refused in the browser; the only server that heard anything is ours.
    expect(m.blocked).toContain('http://10.0.0.1/x.gif');
    expect(m.blocked).toContain('http://outside.example/beacon');
    expect(hits.every((h) => h.startsWith(httpHost))).toBe(true);
    expect(hits).toContain(`${httpHost}/logo.png`);
  }, 60_000);

  it('records the certificate over HTTPS: subject, issuer, validity, SHA-256, and that it is not trusted', async () => {
    const r = await capture(`https://${httpsHost}/policy`, { ignoreHTTPSErrors: true });
    const tls = r.manifest.tls;
    expect(tls?.subject).toBe('127.0.0.1');
    expect(tls?.issuer).toBe('127.0.0.1');
    expect(tls?.sha256).toBe(sha(certDer));
    const x = new X509Certificate(certDer);
    expect(tls?.validFrom).toBe(new Date(x.validFrom).toISOString());
    expect(tls?.validTo).toBe(new Date(x.validTo).toISOString());
    expect(tls?.protocol).toMatch(/TLS/);
    expect(tls?.securityState).not.toBe('secure');
    expect(tls?.errors.length).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a certificate the browser does not trust instead of bypassing it', async () => {
    await expect(capture(`https://${httpsHost}/policy`)).rejects.toMatchObject({ code: 'cert-error' });
  }, 60_000);

  it('times out on a page that never loads, with a clear message', async () => {
    const err = await capture(`http://${httpHost}/never`, { timeoutMs: 2000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CaptureError);
    expect(err).toMatchObject({ code: 'timeout' });
    expect((err as Error).message).toMatch(/未保存任何内容/);
  }, 60_000);

  it('caps a huge page and says so', async () => {
    const r = await capture(`http://${httpHost}/huge`, { maxHeight: 4000 });
    expect((await sharp(Buffer.from(r.files[1]?.bytes ?? [])).metadata()).height).toBe(4000);
    expect(r.manifest.notices.join('')).toMatch(/只保存了前 4000 像素/);
  }, 60_000);

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'http://127.0.0.1:1/', 'http://localhost/'])('refuses %s before anything is opened', async (url) => {
    await expect(capture(url)).rejects.toMatchObject({ code: 'refused-url' });
  });

  it('stores a capture as one evidence item: the MHTML, with the screenshot, print, text and manifest kept by hash beside it', async () => {
    const vault = createVaultService({ vaultDir: path.join(dir, 'vault'), now: () => new Date(CLOCK.t), tempDir: path.join(dir, 'open') });
    const batches: unknown[] = [];
    const handlers = createCaptureHandlers({ vault, host: playwrightCaptureHost(browser), policy: { allowHosts: [httpHost], onlyHosts: [httpHost] }, now, appVersion: '0.1.0-test', afterImport: (b) => void batches.push(b) });
    const batch = await handlers['capture:webPage']({ caseId: 'case-1', url: `http://${httpHost}/policy`, confirmed: true });
    expect(batch.failures).toEqual([]);
    expect(batch.items).toHaveLength(1);
    const blob = batch.items[0]?.blob;
    expect(blob).toMatchObject({ mediaType: 'page', format: 'mhtml', page: { url: `http://${httpHost}/policy` } });
    expect(blob?.originalName).toMatch(/^网页抓取_127\.0\.0\.1_\d{8}_\d{6}\.mhtml$/);
    expect(batch.items[0]?.source).toBe('capture');
    const manifest = JSON.parse(await readFile(path.join(dir, 'vault', 'pages', blob?.sha256 ?? '', 'manifest.json'), 'utf8')) as { folder: string; files: { name: string; sha256: string }[] };
    expect(manifest.folder).toBe('capture');
    expect(manifest.files.map((f) => f.name)).toEqual(['screenshot.png', 'print.pdf', 'text.txt', 'capture-manifest.json']);
    // The capture manifest names the stored MHTML by the very hash the vault stored it under.
    const cm = manifest.files.find((f) => f.name === 'capture-manifest.json');
    const captured = JSON.parse(await readFile(path.join(dir, 'vault', 'pages', blob?.sha256 ?? '', cm?.sha256 ?? ''), 'utf8')) as { files: { name: string; sha256: string }[] };
    expect(captured.files.find((f) => f.name === 'page.mhtml')?.sha256).toBe(blob?.sha256);
    expect(batches).toHaveLength(1);
    // In the bundle the capture's facts head its exhibit (here the CLI's text layout).
    const out = path.join(dir, 'capture.pdf');
    const evidence = { ...(blob ?? batch.items[0]!.blob), importedAt: '2026-12-04T16:10:00', kind: 'policy' as const, title: '抓取的店铺规则', purpose: '', fields: [], messages: null };
    await createBundleService({ vaultDir: path.join(dir, 'vault') }).exportBundle(
      { target: 'platform', case: caseOf(), complainant: { ...EMPTY_COMPLAINANT, name: '李明', phone: '13800138000', address: '上海' }, respondent: { ...EMPTY_RESPONDENT, name: '星辰卡盟', address: '杭州' }, complaint: { ...EMPTY_COMPLAINT_FACTS, requestKinds: [] }, cardShop: null, evidence: [evidence], events: [], exportedAt: '2026-12-04T16:20:00' },
      { outFile: out, maxBytes: null },
    );
    const pdfText = (await run('pdftotext', ['-layout', out, '-'])).stdout.replace(/\s+/g, '');
    expect(pdfText).toContain(`请求网址http://${httpHost}/policy`);
    expect(pdfText).toContain('服务器IP127.0.0.1');
    expect(pdfText).toContain(`SHA-256${cm?.sha256 ?? 'x'}`);
    await expect(handlers['capture:webPage']({ caseId: 'case-1', url: 'file:///etc/passwd', confirmed: true })).rejects.toMatchObject({ code: 'invalid-request' });
  }, 60_000);

  it('in the bundle, a capture is its full-page screenshot cut over as many pages as it needs, the facts on the first; a screenshot unlike its manifest is not shown', async () => {
    const vaultDir = path.join(dir, 'vault-tall');
    const vault = createVaultService({ vaultDir, now: () => new Date(CLOCK.t), tempDir: path.join(dir, 'open-tall') });
    const handlers = createCaptureHandlers({ vault, host: playwrightCaptureHost(browser), policy: { allowHosts: [httpHost], onlyHosts: [httpHost] }, now, appVersion: '0.1.0-test', afterImport: () => undefined });
    const batch = await handlers['capture:webPage']({ caseId: 'case-1', url: `http://${httpHost}/tall`, confirmed: true });
    const blob = batch.items[0]?.blob;
    if (!blob) throw new Error('no item');
    const pageDir = path.join(vaultDir, 'pages', blob.sha256);
    const stored = JSON.parse(await readFile(path.join(pageDir, 'manifest.json'), 'utf8')) as { files: { name: string; sha256: string }[] };
    const shotSha = stored.files.find((f) => f.name === 'screenshot.png')?.sha256 ?? '';
    const shot = await sharp(path.join(pageDir, shotSha)).metadata();
    expect(shot.height).toBeGreaterThan(6000);
    const evidence = { ...blob, importedAt: '2026-12-04T16:10:00', kind: 'policy' as const, title: '抓取的店铺规则', purpose: '', fields: [], messages: null };
    const input = { target: 'platform' as const, case: caseOf(), complainant: { ...EMPTY_COMPLAINANT, name: '李明', phone: '13800138000', address: '上海' }, respondent: { ...EMPTY_RESPONDENT, name: '星辰卡盟', address: '杭州' }, complaint: { ...EMPTY_COMPLAINT_FACTS, requestKinds: [] }, cardShop: null, evidence: [evidence], events: [], exportedAt: '2026-12-04T16:20:00' };
    // The app's printer is never asked: the capture's own screenshot is the page.
    const printed: string[] = [];
    const printPage = async (src: { file: string }) => (printed.push(src.file), new Uint8Array());
    const out = path.join(dir, 'tall.pdf');
    await createBundleService({ vaultDir, printPage }).exportBundle(input, { outFile: out, maxBytes: null });
    expect(printed).toEqual([]);
    const all0 = (await run('pdftotext', [out, '-'])).stdout.replace(/\s+/g, '');
    const embed = new RegExp(`抓取时保存的screenshot\\.png（SHA-256${shotSha}，与抓取清单一致），嵌入(\\d+)×(\\d+)，分(\\d+)段`).exec(all0);
    const [embedWidth, embedHeight, parts] = [Number(embed?.[1]), Number(embed?.[2]), Number(embed?.[3])];
    // Screenshot proportions kept, and a page of it is never taller than about 2.3 widths.
    expect(Math.abs(embedHeight / embedWidth - (shot.height ?? 0) / (shot.width ?? 1))).toBeLessThan(0.01);
    expect(parts).toBe(Math.ceil(embedHeight / (embedWidth * 2.3 * 0.96)));
    const images = (await run('pdfimages', ['-list', out])).stdout.split('\n').slice(2).filter((l) => l.trim() !== '');
    const pagesWithShot = images.map((l) => l.trim().split(/\s+/)).filter((c) => c[3] === String(embedWidth)).map((c) => Number(c[0]));
    expect(pagesWithShot).toHaveLength(parts);
    expect(new Set(pagesWithShot).size).toBe(parts);
    const firstShotPage = Math.min(...pagesWithShot);
    const factsPage = (await run('pdftotext', ['-f', String(firstShotPage - 1), '-l', String(firstShotPage - 1), out, '-'])).stdout.replace(/\s+/g, '');
    expect(factsPage).toContain('请求网址');
    expect(factsPage).toContain(`http://${httpHost}/tall`);
    expect(factsPage).toContain(embed?.[0] ?? 'the 整页截图 row');
    expect(factsPage).toContain('退款申请将在2个工作日内审核');
    expect(factsPage).not.toContain('网页文字');

    // A screenshot that is not the one the manifest hashed is refused as the page, and the exhibit says why.
    await writeFile(path.join(pageDir, shotSha), await sharp({ create: { width: 1024, height: 800, channels: 3, background: '#fff' } }).png().toBuffer());
    const tampered = path.join(dir, 'tampered.pdf');
    await createBundleService({ vaultDir }).exportBundle(input, { outFile: tampered, maxBytes: null });
    const all = (await run('pdftotext', [tampered, '-'])).stdout.replace(/\s+/g, '');
    expect(all).toContain('抓取时的整页截图与抓取清单记录的SHA-256不一致');
    expect(all).not.toContain("抓取时保存的screenshot.png");
    expect(all).toContain('网页文字');
    expect((await run('pdfimages', ['-list', tampered])).stdout.split('\n').filter((l) => l.trim().split(/\s+/)[3] === String(embedWidth))).toEqual([]);
  }, 90_000);
});
