// The corpus as a seeded list: which page, in which theme, at which phone size, with which
// recompression or downscale. Hard cases are spread on purpose, not left to chance, so every
// category of the issue appears several times.
import type { Style } from './html';
import { LATIN_FONTS } from './html';
import type { Wall } from './ids';
import { addMinutes, hm } from './ids';
import { chatPage } from './pages/chat';
import { alipayBill, wechatPayBill } from './pages/bill';
import { kamengOrderPage, policyPage } from './pages/kameng';
import type { ShopPlatform } from './pages/order';
import { orderPage } from './pages/order';
import type { Rng } from './rng';
import { createRng } from './rng';
import type { BuiltPage, PageContext } from './truth';

export const CORPUS_SEED = 20261118;

export interface Viewport {
  width: number;
  height: number;
  dpr: number;
}

/** Phone sizes in CSS pixels and device pixel ratio: iPhone 14, a 1080×2340 Android, Pixel-like, iPhone X. */
export const VIEWPORTS: readonly Viewport[] = [
  { width: 390, height: 844, dpr: 3 },
  { width: 360, height: 780, dpr: 3 },
  { width: 412, height: 915, dpr: 2.625 },
  { width: 375, height: 812, dpr: 2 },
];

export interface Post {
  /** Share of the rendered size kept. */
  scale: number;
  jpegQuality: number | null;
}

export interface CorpusCase {
  index: number;
  capture: Wall;
  style: Style;
  viewport: Viewport;
  post: Post;
  page: BuiltPage;
}

type Builder = (ctx: PageContext) => BuiltPage;

function builders(): Builder[] {
  const shops: Array<[ShopPlatform, number]> = [['taobao', 4], ['tmall', 3], ['jd', 3], ['pdd', 3], ['douyin', 3]];
  const list: Builder[] = [];
  for (const [platform, n] of shops) for (let i = 0; i < n; i++) list.push((ctx) => orderPage(ctx, platform));
  for (let i = 0; i < 4; i++) list.push(kamengOrderPage);
  for (let i = 0; i < 2; i++) list.push(policyPage);
  for (let i = 0; i < 4; i++) list.push(alipayBill, wechatPayBill);
  // Six scam chats (one per script) and ten ordinary ones; half of the WeChat ones in 12-hour mode.
  for (let i = 0; i < 10; i++) list.push((ctx) => chatPage(ctx, { app: 'wechat', scam: i < 4, script: i, twelveHour: i % 2 === 1 }));
  for (let i = 0; i < 6; i++) list.push((ctx) => chatPage(ctx, { app: 'qq', scam: i < 2, script: i + 4, twelveHour: false }));
  return list;
}

function post(rng: Rng, i: number): Post {
  // Every fourth image is a shrunken forward, every third a recompressed JPEG.
  if (i % 4 === 2) return { scale: rng.pick([0.5, 0.6, 0.7]), jpegQuality: rng.pick([70, 80]) };
  if (i % 3 === 0) return { scale: 1, jpegQuality: rng.pick([60, 75, 85]) };
  return { scale: 1, jpegQuality: null };
}

export function corpusCases(seed = CORPUS_SEED): CorpusCase[] {
  const rng = createRng(seed);
  const base: Wall = { y: 2026, mo: 11, d: 18, h: 12, mi: 3, s: 4 };
  return builders().map((build, index) => {
    const capture = addMinutes(base, -rng.int(0, 40) * 1440 + rng.int(-240, 600));
    const style: Style = {
      theme: index % 5 === 1 ? 'dark' : 'light',
      latin: rng.pick(LATIN_FONTS),
      clock: hm(capture),
      battery: rng.int(12, 100),
      network: rng.pick(['5G', '4G', 'WiFi'] as const),
    };
    const page = build({ rng: createRng(seed + index * 7919), style, capture });
    return { index, capture, style, viewport: rng.pick(VIEWPORTS), post: post(rng, index), page };
  });
}
