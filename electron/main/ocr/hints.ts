// What the pixels say that the text cannot: a WeChat chat rarely shows the word 微信, but the
// user's own messages sit in right-aligned green bubbles, and QQ's in blue ones. A few bubbles name
// the app of a page the extractors judged to be a chat; many make the page a chat outright.
import sharp from 'sharp';
import { extractAmount, extractFields, extractTimestamps } from '../../../shared/extract';
import type { Extraction, OcrPage } from '../../../shared/extract';
import { indexWords, toField } from '../../../shared/extract/boxes';

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
    data = await sharp(image, { failOn: 'error' }).autoOrient().resize({ width }).flatten({ background: '#ffffff' }).removeAlpha().toColourspace('srgb').raw().toBuffer();
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
 * extractFields, then what the bubbles add. A page covered in chat bubbles is a chat even when its
 * words lean towards an order page (a buyer pasting 订单号 and 卡密 into the chat), and a chat's
 * relative stamps and amount are then read the chat way. Only the app's name is taken from a few
 * bubbles. shared/extract has no way to receive these hints, so the chat reading is redone here.
 */
export function extractWithHints(page: OcrPage, capturedAt: string | null, hint: ChatHint | null): Extraction {
  const extraction = extractFields(page, { capturedAt });
  if (hint === null) return extraction;
  if (extraction.kind === 'chat') return extraction.platform === hint.app ? extraction : { ...extraction, platform: hint.app };
  if (hint.share < CHAT_SHARE) return extraction;
  const text = extraction.text;
  const index = page.words && page.words.length > 0 ? indexWords(page.words) : null;
  const amount = extractAmount(text, { kind: 'chat' });
  return {
    ...extraction,
    kind: 'chat',
    platform: hint.app,
    timestamps: extractTimestamps(text, { capturedAt, chatStamps: true }).map((h) => toField(h, text, index)),
    amount: amount ? toField(amount, text, index) : null,
  };
}
