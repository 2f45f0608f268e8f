// What the pixels say that the text cannot: a WeChat chat rarely shows the word 微信, but the
// user's own messages sit in right-aligned green bubbles, and QQ's in blue ones. A few bubbles name
// the app of a page the extractors judged to be a chat; many make the page a chat outright.
import sharp from 'sharp';
import { extractFields } from '../../../shared/extract';
import type { Extraction, OcrPage } from '../../../shared/extract';

export type ChatApp = 'wechat' | 'qq';

type Rgb = readonly [number, number, number];

/** Own-message bubble colours, light and dark themes (WeChat #95ec69 / #3eb575, QQ #0099ff / #12b7f5 / dark blue). */
const BUBBLES: ReadonlyArray<readonly [ChatApp, Rgb]> = [
  ['wechat', [149, 236, 105]],
  ['wechat', [158, 234, 106]],
  ['wechat', [62, 181, 117]],
  ['qq', [0, 153, 255]],
  ['qq', [18, 183, 245]],
  ['qq', [12, 110, 216]],
];
// Bubbles are flat fills, so their colour survives JPEG almost exactly; photos only graze it.
const NEAR = 18 * 18;
/** Share of the thumbnail one short bubble covers, with margin: enough to name the app of a chat. */
const APP_SHARE = 0.002;
/** Two or three bubbles' worth: enough to call the page a chat whatever its words suggest. */
const CHAT_SHARE = 0.005;
/** Thumbnail rows at most: 1.4 MB of pixels. */
const MAX_THUMB_ROWS = 4000;

export interface ChatHint {
  app: ChatApp;
  /** Share of the screenshot covered by the app's bubble colour. */
  share: number;
}

/** The chat app whose bubble colour covers enough of the screenshot, or null. */
export async function chatAppHint(image: Buffer): Promise<ChatHint | null> {
  let data: Buffer;
  const width = 120;
  try {
    const meta = await sharp(image, { failOn: 'error' }).metadata();
    const tall = (meta.autoOrient.height * width) / Math.max(1, meta.autoOrient.width) > MAX_THUMB_ROWS;
    // A long scroll (300×894,000) would give a 120×357,600 thumbnail, 128 MB. Squashed to at most
    // MAX_THUMB_ROWS rows by picking rows (nearest), bubble colours stay exact and keep their share.
    const resize = tall ? sharp(image, { failOn: 'error', sequentialRead: true }).autoOrient().resize(width, MAX_THUMB_ROWS, { fit: 'fill', kernel: 'nearest' }) : sharp(image, { failOn: 'error' }).autoOrient().resize({ width });
    data = await resize.flatten({ background: '#ffffff' }).removeAlpha().toColourspace('srgb').raw().toBuffer();
  } catch {
    return null;
  }
  const counts: Record<ChatApp, number> = { wechat: 0, qq: 0 };
  // Own messages are right-aligned: their colour sits mostly in the right half of the screen.
  const right: Record<ChatApp, number> = { wechat: 0, qq: 0 };
  const pixels = Math.floor(data.length / 3);
  for (let p = 0; p < pixels; p++) {
    const r = data[p * 3] ?? 0;
    const g = data[p * 3 + 1] ?? 0;
    const b = data[p * 3 + 2] ?? 0;
    for (const [app, [br, bg, bb]] of BUBBLES) {
      if ((r - br) ** 2 + (g - bg) ** 2 + (b - bb) ** 2 <= NEAR) {
        counts[app]++;
        if (p % width >= width / 2) right[app]++;
        break;
      }
    }
  }
  const app: ChatApp = counts.wechat >= counts.qq ? 'wechat' : 'qq';
  const share = counts[app] / Math.max(1, pixels);
  return share >= APP_SHARE && right[app] > counts[app] / 2 ? { app, share } : null;
}

/**
 * The extraction with what the bubbles add, passed as hints so shared/extract reads the page the
 * chat way itself. A page covered in chat bubbles is a chat even when its words lean towards an
 * order page (a buyer pasting 订单号 and 卡密 into the chat): its relative stamps and amount are then
 * read as a chat's. A few bubbles only name the app of a page the words already call a chat.
 */
export function extractWithHints(page: OcrPage, anchor: { capturedAt: string | null; anchorTrusted: boolean }, hint: ChatHint | null): Extraction {
  const { capturedAt, anchorTrusted } = anchor;
  if (hint === null) return extractFields(page, { capturedAt, anchorTrusted });
  if (hint.share >= CHAT_SHARE) return extractFields(page, { capturedAt, anchorTrusted, hints: { kind: 'chat', platform: hint.app } });
  const extraction = extractFields(page, { capturedAt, anchorTrusted });
  return extraction.kind === 'chat' && extraction.platform !== hint.app ? { ...extraction, platform: hint.app } : extraction;
}
