// Which addresses the buyer-started web capture (抓取网页, the app's one network action) may visit.
// Pure, so the hostile spellings are tested without a network: only http(s) to a public host; never
// file:, javascript:, data:, the app's own origin, credentials in the URL, or a private, loopback or
// link-local address in any notation. Tests inject `allowHosts` for the server they start themselves.

export interface CapturePolicy {
  /** The app's own origin, refused like any other local page. */
  appOrigin?: string;
  /** Hosts (host:port) allowed although they are local: only tests set this, for their own server. */
  allowHosts?: readonly string[];
  /** When set, every other host is refused too: tests keep the browser off the network entirely. */
  onlyHosts?: readonly string[];
}

export type UrlVerdict = { ok: true; url: string } | { ok: false; reason: string };

const LOCAL_NAMES = /^(?:localhost|localhost\.localdomain|.*\.localhost|.*\.local|.*\.internal|.*\.lan|.*\.home\.arpa)$/i;

/** IPv4 in the forms URL parsing leaves (it already normalises 0x7f.1, 2130706433 … to dotted quads). */
export function isPrivateIpv4(host: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return (
    a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) || (a === 192 && b === 0) || (a === 198 && (b === 18 || b === 19)) || a >= 224
  );
}

export function isPrivateIpv6(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (!h.includes(':')) return false;
  if (h === '::' || h === '::1') return true;
  // IPv4-mapped (::ffff:127.0.0.1, which URL parsing writes as ::ffff:7f00:1).
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(h);
  if (mapped) {
    const n = (parseInt(mapped[1] ?? '0', 16) << 16) | parseInt(mapped[2] ?? '0', 16);
    return isPrivateIpv4([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'));
  }
  return /^(?:fc|fd|fe8|fe9|fea|feb|ff)/.test(h) || h.startsWith('::ffff:') || h.startsWith('64:ff9b:');
}

/** Whether an address the browser actually connected to is private (the server IP after a DNS lookup). */
export function isPrivateAddress(ip: string): boolean {
  return isPrivateIpv4(ip) || isPrivateIpv6(ip);
}

export function checkCaptureUrl(raw: string, policy: CapturePolicy = {}): UrlVerdict {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: '请输入网址。' };
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, reason: '这不是有效的网址。' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, reason: `只能抓取 http 或 https 网页，不能抓取 ${u.protocol} 地址。` };
  if (u.username !== '' || u.password !== '') return { ok: false, reason: '网址中不能包含用户名或密码。' };
  if (policy.appOrigin) {
    try {
      if (new URL(policy.appOrigin).origin === u.origin) return { ok: false, reason: '不能抓取留证自身的页面。' };
    } catch {
      // An unparsable app origin cannot match anything.
    }
  }
  // A trailing dot ("localhost.") names the same host.
  const host = u.hostname.replace(/\.$/, '');
  if (policy.onlyHosts && !policy.onlyHosts.includes(u.host)) return { ok: false, reason: `此处只允许抓取 ${policy.onlyHosts.join('、')}。` };
  if (policy.allowHosts?.includes(u.host)) return { ok: true, url: u.href };
  if (host === '' || LOCAL_NAMES.test(host) || !host.includes('.') && !host.includes(':')) return { ok: false, reason: '不能抓取本机或局域网地址。' };
  if (isPrivateIpv4(host) || isPrivateIpv6(host)) return { ok: false, reason: '不能抓取本机、局域网或保留的 IP 地址。' };
  return { ok: true, url: u.href };
}
