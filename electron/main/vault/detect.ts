// What a file really is, from its first bytes. The extension is only used for text (which has no magic
// number) and to word the error when a file claims to be something it is not.
import type { MediaType } from '../../../shared/domain/evidence';
import { sniffPage } from '../../../shared/webpage/read';
import { VaultError } from './errors';

export interface Detected {
  mediaType: MediaType;
  /** A canonical short name ("png", "mp4", "txt"); sharp's own name replaces it for images. */
  format: string;
  mime: string;
}

const KINDS = {
  jpeg: ['image', 'image/jpeg'],
  png: ['image', 'image/png'],
  gif: ['image', 'image/gif'],
  webp: ['image', 'image/webp'],
  tiff: ['image', 'image/tiff'],
  heic: ['image', 'image/heic'],
  heif: ['image', 'image/heif'],
  avif: ['image', 'image/avif'],
  mp4: ['video', 'video/mp4'],
  mov: ['video', 'video/quicktime'],
  m4v: ['video', 'video/x-m4v'],
  '3gp': ['video', 'video/3gpp'],
  webm: ['video', 'video/webm'],
  mkv: ['video', 'video/x-matroska'],
  avi: ['video', 'video/x-msvideo'],
  mp3: ['audio', 'audio/mpeg'],
  m4a: ['audio', 'audio/mp4'],
  aac: ['audio', 'audio/aac'],
  wav: ['audio', 'audio/wav'],
  amr: ['audio', 'audio/amr'],
  ogg: ['audio', 'audio/ogg'],
  flac: ['audio', 'audio/flac'],
  pdf: ['document', 'application/pdf'],
  txt: ['text', 'text/plain'],
  csv: ['text', 'text/csv'],
  mhtml: ['page', 'multipart/related'],
  html: ['page', 'text/html'],
} as const satisfies Record<string, readonly [MediaType, string]>;
type Format = keyof typeof KINDS;

function kind(format: Format): Detected {
  const [mediaType, mime] = KINDS[format];
  return { mediaType, format, mime };
}

function ascii(head: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...head.subarray(start, start + length));
}

function startsWith(head: Uint8Array, bytes: number[], at = 0): boolean {
  return bytes.every((b, i) => head[at + i] === b);
}

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** ISO base media (MP4 family and HEIF): the ftyp box names a major brand plus compatible ones. */
function fromFtyp(head: Uint8Array): Format {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const boxSize = Math.min(view.getUint32(0), head.byteLength);
  const brands = [ascii(head, 8, 4)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(head, at, 4));
  const major = brands[0] ?? '';
  if (brands.some((b) => AVIF_BRANDS.has(b))) return 'avif';
  if (brands.some((b) => HEIC_BRANDS.has(b))) return 'heic';
  if (major === 'mif1' || major === 'msf1') return 'heif';
  if (major === 'qt  ') return 'mov';
  if (major.startsWith('M4V')) return 'm4v';
  if (major.startsWith('M4A') || major.startsWith('M4B') || major === 'F4A ') return 'm4a';
  if (major.startsWith('3gp') || major.startsWith('3g2')) return '3gp';
  // isom, mp41, mp42, avc1, dash, MSNV…: the many brands of ordinary MP4 video.
  return 'mp4';
}

/** A bare MPEG audio frame header (no ID3 tag): 11 sync bits, then fields with reserved values refused. */
function mpegFrame(head: Uint8Array): Format | null {
  const [b0, b1, b2] = head;
  if (b0 !== 0xff || b1 === undefined || b2 === undefined || (b1 & 0xe0) !== 0xe0) return null;
  const layer = (b1 >> 1) & 0x03;
  if (layer === 0) {
    // ADTS AAC: MPEG-2/4 with layer 00; a sampling index above 12 is reserved.
    return (b1 & 0xf6) === 0xf0 && ((b2 >> 2) & 0x0f) <= 12 ? 'aac' : null;
  }
  const version = (b1 >> 3) & 0x03;
  const bitrate = b2 >> 4;
  const sampleRate = (b2 >> 2) & 0x03;
  return version !== 1 && bitrate !== 0x0f && sampleRate !== 3 ? 'mp3' : null;
}

function fromMagic(head: Uint8Array, ext: string): Format | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  const sig6 = ascii(head, 0, 6);
  if (sig6 === 'GIF87a' || sig6 === 'GIF89a') return 'gif';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  const sig4 = ascii(head, 0, 4);
  if (sig4 === 'RIFF' && head.byteLength >= 12) {
    const form = ascii(head, 8, 4);
    if (form === 'WEBP') return 'webp';
    if (form === 'WAVE') return 'wav';
    if (form === 'AVI ') return 'avi';
    return null;
  }
  if (head.byteLength >= 12 && ascii(head, 4, 4) === 'ftyp') return fromFtyp(head);
  // Pre-ftyp QuickTime files start directly with one of these atoms.
  if (['moov', 'mdat', 'wide'].includes(ascii(head, 4, 4))) return 'mov';
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return ascii(head, 0, 64).includes('webm') ? 'webm' : 'mkv';
  if (sig4 === 'OggS') return 'ogg';
  if (sig4 === 'fLaC') return 'flac';
  if (ascii(head, 0, 5) === '#!AMR') return 'amr';
  if (ascii(head, 0, 3) === 'ID3') return 'mp3';
  // Eleven set bits are weak evidence (a UTF-16 BOM matches them), so a bare frame needs an audio name.
  const frame = mpegFrame(head);
  if (frame !== null && (ext === 'mp3' || ext === 'aac')) return frame;
  // PDF readers accept the header anywhere in the first kilobyte.
  if (ascii(head, 0, 1024).includes('%PDF-')) return 'pdf';
  return null;
}

function extensionOf(name: string): string {
  const base = name.split(/[\\/]/u).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function hasUtf16Bom(head: Uint8Array): boolean {
  return startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
}

function looksLikeText(head: Uint8Array): boolean {
  return hasUtf16Bom(head) || !head.includes(0);
}

function looksLikeSvg(head: Uint8Array): boolean {
  const start = new TextDecoder('utf-8').decode(head.subarray(0, 1024)).replace(/^\uFEFF/u, '').trimStart().toLowerCase();
  return (start.startsWith('<?xml') || start.startsWith('<svg') || start.startsWith('<!doctype svg')) && start.includes('<svg');
}

const CLAIMS: Record<string, string> = {
  ...Object.fromEntries(['jpg', 'jpeg', 'jfif', 'png', 'gif', 'webp', 'tif', 'tiff', 'heic', 'heif', 'avif'].map((e) => [e, 'image'])),
  ...Object.fromEntries(['mp4', 'mov', 'm4v', '3gp', 'webm', 'mkv', 'avi'].map((e) => [e, 'video'])),
  ...Object.fromEntries(['mp3', 'm4a', 'aac', 'wav', 'amr', 'ogg', 'flac'].map((e) => [e, 'audio file'])),
  pdf: 'PDF',
  txt: 'text file',
  csv: 'text file',
  mhtml: 'MHTML web page',
  mht: 'MHTML web page',
  html: 'web page',
  htm: 'web page',
};

const PAGE_EXTENSIONS = new Set(['mhtml', 'mht', 'html', 'htm', 'xhtml']);

/** Classifies a non-empty file, or throws 'unsupported-type' / 'corrupt-file'. */
export function detectType(head: Uint8Array, name: string): Detected {
  const ext = extensionOf(name);
  const text = ext === 'txt' || ext === 'csv';
  // A UTF-16 byte-order mark (QQ exports) would otherwise read as an MPEG audio frame sync.
  if (text && hasUtf16Bom(head)) return kind(ext);
  const magic = fromMagic(head, ext);
  if (magic !== null) return kind(magic);
  if (ext === 'svg' || ext === 'svgz' || looksLikeSvg(head)) {
    throw new VaultError('unsupported-type', 'SVG images are not accepted because they can contain scripts.');
  }
  if (text && looksLikeText(head)) return kind(ext);
  // A saved page is text too, so it is told by its own first bytes; its name only settles a plain
  // HTML fragment with no doctype. Magic numbers came first: an image named .html stays an image.
  // A page named .png is not a page the buyer saved: it is refused below like any other disguise.
  const page = sniffPage(head);
  const claimsOther = CLAIMS[ext] !== undefined && !PAGE_EXTENSIONS.has(ext);
  if (page !== null && !claimsOther && (looksLikeText(head) || page === 'mhtml')) return kind(page);
  if (PAGE_EXTENSIONS.has(ext) && ext !== 'mhtml' && ext !== 'mht' && looksLikeText(head) && /<[a-z!]/i.test(new TextDecoder().decode(head.subarray(0, 4096)))) return kind('html');
  const claim = CLAIMS[ext];
  if (claim !== undefined) {
    throw new VaultError('corrupt-file', `This is not a valid ${claim}; its content does not match the .${ext} name.`);
  }
  throw new VaultError(
    'unsupported-type',
    'This file type is not supported (images, video, audio, PDF, .txt/.csv chat exports and saved web pages .mhtml/.html are).',
  );
}
