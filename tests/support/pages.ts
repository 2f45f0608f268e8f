// Saved web pages as Chrome and Edge write them ("网页，单个文件" MHTML, or HTML with a `_files`
// folder), built byte by byte so tests control the charset, the transfer encoding and the damage.
import { TextEncoder } from 'node:util';

export const POLICY_URL = 'https://shop.kameng.example/refund-policy';
export const POLICY_TITLE = '星辰卡盟 退款规则';
/** As Chrome writes it: local time with its offset. 16:05:09 +0800 is 08:05:09 UTC. */
export const POLICY_DATE = 'Fri, 4 Dec 2026 16:05:09 +0800';

export const POLICY_BODY = [
  '<h1>退款规则</h1>',
  '<p>第一条 未激活的卡密支持全额退款，已激活未使用的扣除20%手续费。</p>',
  '<p>第二条 已使用的卡密不支持退款，卡密无效的除外。</p>',
  '<p>第三条 退款申请将在2个工作日内审核，审核通过后原路退回。</p>',
  '<p>第四条 如平台48小时内未处理，由平台先行赔付。</p>',
  '<p>客服QQ：800123456，订单号示例 20261115203107123456。</p>',
  '<script>document.write("脚本里的字不算")</script>',
  '<div hidden>隐藏的字也不算</div>',
  '<img src="https://tracker.example/pixel.gif" alt="">',
  '<img src="logo.png" alt="星辰卡盟">',
].join('\n');

export function policyHtml(opts: { title?: string; body?: string; charset?: string; savedFrom?: string | null } = {}): string {
  const saved = opts.savedFrom === undefined ? POLICY_URL : opts.savedFrom;
  const mark = saved === null ? '' : `<!-- saved from url=(${String(saved.length).padStart(4, '0')})${saved} -->\n`;
  return `${mark}<!DOCTYPE html><html><head><meta charset="${opts.charset ?? 'utf-8'}"><title>${opts.title ?? POLICY_TITLE}</title>
<style>body{font-family:sans-serif} h1{color:#c00}</style><link rel="stylesheet" href="https://cdn.example/x.css"></head>
<body>${opts.body ?? POLICY_BODY}</body></html>`;
}

/** Quoted-printable with soft breaks at 76 columns, as Blink writes it. */
export function quotedPrintable(bytes: Uint8Array): string {
  let out = '';
  let col = 0;
  for (const b of bytes) {
    const piece = (b >= 33 && b <= 126 && b !== 61) || b === 32 ? String.fromCharCode(b) : b === 10 ? '\r\n' : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (piece === '\r\n') {
      out += piece;
      col = 0;
      continue;
    }
    if (col + piece.length > 75) {
      out += '=\r\n';
      col = 0;
    }
    out += piece;
    col += piece.length;
  }
  return out;
}

const qpWord = (s: string) => `=?utf-8?Q?${[...new TextEncoder().encode(s)].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')}?=`;

export interface MhtmlOptions {
  url?: string;
  date?: string | null;
  title?: string;
  html?: string;
  /** Bytes of the document; default the UTF-8 of `html`. */
  htmlBytes?: Uint8Array;
  charset?: string | null;
  encoding?: 'quoted-printable' | 'base64';
  /** Extra parts (images, styles) after the document. */
  parts?: { type: string; location: string; bytes: Uint8Array }[];
  /** Leave out the closing boundary, as a cut-off download does. */
  truncate?: boolean;
}

export function mhtml(opts: MhtmlOptions = {}): Buffer {
  const boundary = '----MultipartBoundary--Qx1kYt3v0zkVxYxb8GZ0Jq3lQ9mD2rP1Fo4sC7bN----';
  const url = opts.url ?? POLICY_URL;
  const bytes = opts.htmlBytes ?? new TextEncoder().encode(opts.html ?? policyHtml({ savedFrom: null }));
  const encoding = opts.encoding ?? 'quoted-printable';
  const body = encoding === 'base64' ? Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\r\n') : quotedPrintable(bytes);
  const charset = opts.charset === undefined ? '' : opts.charset === null ? '' : `; charset=${opts.charset}`;
  const lines = [
    'From: <Saved by Blink>',
    `Snapshot-Content-Location: ${url}`,
    `Subject: ${qpWord(opts.title ?? POLICY_TITLE)}`,
    ...(opts.date === null ? [] : [`Date: ${opts.date ?? POLICY_DATE}`]),
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${boundary}"`,
    '',
    '',
    `--${boundary}`,
    `Content-Type: text/html${charset}`,
    'Content-ID: <frame-2F5F2D1E4A0B@mhtml.blink>',
    `Content-Transfer-Encoding: ${encoding}`,
    `Content-Location: ${url}`,
    '',
    body,
  ];
  for (const p of opts.parts ?? []) {
    lines.push('', `--${boundary}`, `Content-Type: ${p.type}`, 'Content-Transfer-Encoding: base64', `Content-Location: ${p.location}`, '', Buffer.from(p.bytes).toString('base64').replace(/.{76}/g, '$&\r\n'));
  }
  if (!opts.truncate) lines.push('', `--${boundary}--`, '');
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

let gbkTable: Map<string, number[]> | null = null;

/** GBK bytes of `s`, from Node's own GB18030 decoder run backwards (ASCII stays one byte). */
export function gbk(s: string): Uint8Array {
  if (gbkTable === null) {
    gbkTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}
