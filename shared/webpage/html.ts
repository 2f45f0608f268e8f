// The visible text of an HTML document, without rendering it: a linear tokenizer that drops scripts,
// styles, templates, hidden elements and markup, breaks lines at block elements and decodes entities.
// It never resolves a URL or runs anything. Also the small facts a browser's save leaves in the file.

const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'noscript', 'noembed', 'noframes', 'plaintext']);
/** Content a reader does not see (or that is not text) is skipped with everything inside it. */
const SKIP = new Set(['template', 'svg', 'math', 'iframe', 'object', 'canvas', 'audio', 'video', 'map', 'select', 'datalist', 'button']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'br', 'center',
]);
const CELL = new Set(['td', 'th']);

const NAMED: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", yen: '¥', middot: '·', mdash: '—', ndash: '–', hellip: '…',
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', copy: '©', reg: '®', times: '×', divide: '÷', rarr: '→', larr: '←', bull: '•',
  ensp: ' ', emsp: ' ', thinsp: ' ', laquo: '«', raquo: '»', deg: '°', plusmn: '±', sect: '§', para: '¶', trade: '™', euro: '€',
  pound: '£', cent: '¢', zwj: '', zwnj: '', shy: '',
};

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g, (m, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Surrogates, NUL and beyond Unicode become the replacement character, as browsers do.
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}

const HIDDEN_ATTR = /(?:^|\s)hidden(?=\s|=|\/|$)|aria-hidden\s*=\s*["']?true|style\s*=\s*["'][^"']*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
const TAG_NAME = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]{0,63})/y;

/** Where the tag that starts at `from` ends (its `>`), skipping quoted attribute values. */
function tagEnd(html: string, from: number): number {
  for (let i = from; i < html.length; i++) {
    const c = html[i];
    if (c === '>') return i;
    if (c === '"' || c === "'") {
      const close = html.indexOf(c, i + 1);
      if (close === -1) return html.length;
      i = close;
    }
  }
  return html.length;
}

export interface HtmlText {
  text: string;
  /** True when the text stopped at `maxChars`. */
  truncated: boolean;
}

/** Visible text, one line per block; at most `maxChars` characters of it. */
export function htmlToText(html: string, maxChars = 1_000_000): HtmlText {
  const out: string[] = [];
  let length = 0;
  let truncated = false;
  let pre = 0;
  let skip: { name: string; depth: number } | null = null;
  const emit = (s: string) => {
    if (truncated || s === '') return;
    if (length + s.length > maxChars) {
      out.push(s.slice(0, maxChars - length));
      truncated = true;
      length = maxChars;
      return;
    }
    out.push(s);
    length += s.length;
  };
  const text = (raw: string) => {
    if (skip !== null || raw === '') return;
    const decoded = decodeEntities(raw);
    emit(pre > 0 ? decoded : decoded.replace(/[ \t\r\n\f]+/g, ' '));
  };

  let i = 0;
  const n = html.length;
  while (i < n && !truncated) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      text(html.slice(i));
      break;
    }
    text(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end === -1 ? n : end + 1;
      continue;
    }
    TAG_NAME.lastIndex = lt;
    const m = TAG_NAME.exec(html);
    if (m === null) {
      text('<');
      i = lt + 1;
      continue;
    }
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    const afterName = lt + m[0].length;
    const gt = tagEnd(html, afterName);
    const attrs = html.slice(afterName, gt);
    i = gt + 1;
    const selfClosing = attrs.endsWith('/');

    if (skip !== null) {
      if (name === skip.name && !VOID.has(name) && !selfClosing) skip.depth += closing ? -1 : 1;
      if (skip.depth <= 0) skip = null;
      continue;
    }
    if (!closing && RAW_TEXT.has(name)) {
      // Raw text ends only at its own end tag, whatever it contains.
      const close = new RegExp(`</${name}[\\s/>]`, 'ig');
      close.lastIndex = i;
      const found = close.exec(html);
      if (name === 'textarea' || name === 'xmp' || name === 'plaintext') text(html.slice(i, found ? found.index : n));
      i = found ? tagEnd(html, found.index + 2) + 1 : n;
      continue;
    }
    if (!closing && (SKIP.has(name) || HIDDEN_ATTR.test(attrs))) {
      if (!VOID.has(name) && !selfClosing) skip = { name, depth: 1 };
      continue;
    }
    if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
    if (BLOCK.has(name)) emit('\n');
    else if (CELL.has(name) && !closing) emit('\t');
    else if (name === 'img' && !closing) {
      const alt = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attrs);
      const value = alt?.[1] ?? alt?.[2] ?? '';
      if (value.trim() !== '') text(` ${value.trim()} `);
    }
  }

  const lines = out
    .join('')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((l) => l !== '');
  return { text: lines.join('\n'), truncated };
}

/** The document's `<title>`, decoded and on one line; null when there is none. */
export function htmlTitle(html: string): string | null {
  const m = /<title(?:\s[^>]*)?>([\s\S]{0,4000}?)<\/title\s*>/i.exec(html.slice(0, 256 * 1024));
  const title = m?.[1] === undefined ? '' : decodeEntities(m[1]).replace(/\s+/g, ' ').trim();
  return title === '' ? null : title;
}

/** The `<!-- saved from url=(0042)https://… -->` mark Chrome, Edge and IE put at the top of an HTML save. */
export function savedFromUrl(head: string): string | null {
  const m = /<!--\s*saved from url=\(\d{1,5}\)(\S{1,4096}?)\s*-->/i.exec(head.slice(0, 8192));
  return m?.[1] ?? null;
}

/** The charset a document declares in its first kilobytes (`<meta charset>` or http-equiv), else null. */
export function declaredCharset(head: string): string | null {
  const start = head.slice(0, 8192);
  const direct = /<meta[^>]{0,200}?\bcharset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})/i.exec(start);
  return direct?.[1] ?? null;
}
