// A 抓取网页 item in the bundle: the capture manifest's facts head the exhibit, and the full-page
// screenshot taken at capture time is the page itself, cut over as many pages as it needs. The
// screenshot is checked against the hash the manifest recorded for it before it is printed; one that
// does not match is not shown as the page (the exhibit says so and falls back to the saved page).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { localText } from '../../../shared/bundle/labels';
import type { PageSource } from '../webpage/render';

const MAX_MANIFEST_BYTES = 1024 * 1024;
/** The capture keeps at most 16,000 CSS pixels at 1024 wide; a bigger file is not its screenshot. */
const MAX_SHOT_BYTES = 64 * 1024 * 1024;
const SHOT_NAME = 'screenshot.png';

export interface CaptureFacts {
  /** Header rows: request, final URL, status, server, certificate, times, the manifest's own hash. */
  rows: Array<[string, string]>;
  /** The full-page PNG, present only when its bytes match the manifest. */
  screenshot: { bytes: Buffer; sha256: string } | null;
  /** Why the screenshot is not shown, or what the capture itself noted (a capped page). */
  notes: string[];
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const field = (v: unknown, key: string): unknown => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined);

/** The manifest's facts and its verified screenshot; null for a page the buyer saved from a browser. */
export async function readCaptureFacts(src: PageSource): Promise<CaptureFacts | null> {
  if (src.resourceFolder !== 'capture') return null;
  const fileOf = (name: string) => src.resources?.find((r) => r.name === name)?.file;
  const manifestFile = fileOf('capture-manifest.json');
  if (!manifestFile) return null;
  const bytes = await readFile(manifestFile);
  if (bytes.length > MAX_MANIFEST_BYTES) return null;
  const m: unknown = JSON.parse(bytes.toString('utf8'));
  if (field(m, 'format') !== 'liuzheng-web-capture') return null;
  return { rows: manifestRows(m, sha256(bytes)), ...(await verifiedShot(m, fileOf(SHOT_NAME))) };
}

function manifestRows(m: unknown, manifestSha: string): Array<[string, string]> {
  const redirects = field(m, 'redirects');
  const hops = Array.isArray(redirects) ? redirects.length : 0;
  const response = field(m, 'response');
  const server = field(m, 'server');
  const tls = field(m, 'tls');
  const start = field(m, 'start');
  const end = field(m, 'end');
  const rows: Array<[string, string]> = [
    ['请求网址', text(field(m, 'requestedUrl'))],
    ['最终网址', `${text(field(m, 'finalUrl'))}${hops > 0 ? `（经 ${hops} 次跳转）` : ''}`],
    ['HTTP 状态', `${text(field(response, 'status'))} ${text(field(response, 'statusText'))}`.trim()],
    ['服务器 IP', `${text(field(server, 'ip')) || '未记录'}${field(server, 'port') ? `:${text(field(server, 'port'))}` : ''}`],
  ];
  if (tls) {
    const trusted = text(field(tls, 'securityState')) === 'secure' ? '' : '；浏览器未信任该证书';
    rows.push(['HTTPS 证书', `主体 ${text(field(tls, 'subject'))}，签发者 ${text(field(tls, 'issuer'))}，有效期 ${text(field(tls, 'validFrom'))} 至 ${text(field(tls, 'validTo'))}，SHA-256 ${text(field(tls, 'sha256')) || '未读取'}${trusted}`]);
  } else rows.push(['HTTPS 证书', '无（http 连接）']);
  rows.push(['抓取时间', `${localText(text(field(start, 'shanghai')), true)} 至 ${localText(text(field(end, 'shanghai')), true)}（UTC ${text(field(start, 'utc'))}）`]);
  rows.push(['抓取清单', `capture-manifest.json，SHA-256 ${manifestSha}`]);
  return rows;
}

async function verifiedShot(m: unknown, file: string | undefined): Promise<Pick<CaptureFacts, 'screenshot' | 'notes'>> {
  const noticesRaw = field(m, 'notices');
  const notes = Array.isArray(noticesRaw) ? noticesRaw.map(text).filter((n) => n !== '').slice(0, 5) : [];
  const files = field(m, 'files');
  const listed = Array.isArray(files) ? files.find((f) => field(f, 'name') === SHOT_NAME) : undefined;
  const want = text(field(listed, 'sha256'));
  if (!file || want === '') return { screenshot: null, notes: [...notes, '抓取时的整页截图不在证据库中，以下为保存的网页。'] };
  const bytes = await readFile(file);
  const got = bytes.length <= MAX_SHOT_BYTES ? sha256(bytes) : '';
  if (got !== want) return { screenshot: null, notes: [...notes, '抓取时的整页截图与抓取清单记录的 SHA-256 不一致，未作为网页画面使用；以下为保存的网页。'] };
  return { screenshot: { bytes, sha256: got }, notes };
}
