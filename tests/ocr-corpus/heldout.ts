// A held-out set: 18 screenshots in styles the main corpus does not have (pages/heldout.ts layouts,
// bigger and smaller text, a 320-px phone, a narrow digit font, JPEG q=60, 0.6× forwards), scored
// with the same bench; tune on fresh seeds (--seed), not on this set.
//
//   npx tsx tests/ocr-corpus/heldout.ts [outDir] [--seed=N]   (default tests/ocr-corpus/heldout)
//   npm run bench:ocr -- --corpus tests/ocr-corpus/heldout
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusCase, Post, Viewport } from './cases';
import { render } from './generate';
import type { Style } from './html';
import type { Wall } from './ids';
import { addMinutes, hm } from './ids';
import { alipayBill, wechatPayBill } from './pages/bill';
import type { AltChatOptions } from './pages/heldout';
import { altBill, altChat, altOrderPage } from './pages/heldout';
import { kamengOrderPage } from './pages/kameng';
import { orderPage } from './pages/order';
import { createRng } from './rng';
import type { BuiltPage, PageContext } from './truth';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const HELDOUT_DIR = path.join(HERE, 'heldout');
export const HELDOUT_SEED = 5150;

interface Spec {
  build: (ctx: PageContext) => BuiltPage;
  theme?: Style['theme'];
  latin?: string;
  /** CSS zoom of the whole page: app text-size settings. */
  zoom?: number;
  viewport: Viewport;
  post: Post;
}

const PNG: Post = { scale: 1, jpegQuality: null };
const Q60: Post = { scale: 1, jpegQuality: 60 };
const FWD: Post = { scale: 0.6, jpegQuality: 75 };
const FWD60: Post = { scale: 0.6, jpegQuality: 60 };
const V393: Viewport = { width: 393, height: 852, dpr: 3 };
const V360: Viewport = { width: 360, height: 780, dpr: 3 };
const V412: Viewport = { width: 412, height: 915, dpr: 2.625 };
const V428: Viewport = { width: 428, height: 926, dpr: 3 };
const V375: Viewport = { width: 375, height: 812, dpr: 2 };
const V320: Viewport = { width: 320, height: 760, dpr: 2.25 };

const chat = (o: AltChatOptions) => (ctx: PageContext) => altChat(ctx, o);

const SPECS: readonly Spec[] = [
  { build: (c) => altOrderPage(c, { shop: 'jd', rows: 'colon', dates: 'slash' }), viewport: V393, post: PNG },
  { build: (c) => altOrderPage(c, { shop: 'douyin', rows: 'stacked', dates: 'dash' }), theme: 'dark', viewport: V360, post: Q60 },
  { build: (c) => altOrderPage(c, { shop: 'pdd', rows: 'colon', dates: 'chinese' }), viewport: V412, post: FWD },
  { build: (c) => altOrderPage(c, { shop: 'taobao', rows: 'stacked', dates: 'minutes' }), zoom: 1.12, viewport: V428, post: Q60 },
  { build: (c) => altOrderPage(c, { shop: 'jd', rows: 'stacked', dates: 'chinese' }), theme: 'dark', zoom: 0.9, viewport: V375, post: PNG },
  { build: (c) => altBill(c, 'jd', 'dash'), viewport: V393, post: PNG },
  { build: (c) => altBill(c, 'douyin', 'slash'), theme: 'dark', viewport: V360, post: Q60 },
  { build: (c) => altBill(c, 'pdd', 'chinese'), viewport: V412, post: FWD },
  { build: chat({ app: 'wechat', twelve: true, days: [6, 2, 0], script: 'kameng-paste' }), viewport: V393, post: PNG },
  { build: chat({ app: 'wechat', twelve: true, days: [4, 1], script: 'scam-courier' }), theme: 'dark', viewport: V360, post: Q60 },
  { build: chat({ app: 'qq', twelve: false, days: [9, 2, 0], script: 'ordinary-refund' }), viewport: V412, post: FWD },
  { build: chat({ app: 'wechat', twelve: true, days: [3, 0], script: 'scam-credit' }), zoom: 1.1, viewport: V375, post: Q60 },
  { build: chat({ app: 'qq', twelve: true, days: [5, 1, 0], script: 'kameng-paste' }), theme: 'dark', viewport: V428, post: PNG },
  { build: (c) => orderPage(c, 'taobao'), viewport: V320, post: PNG },
  { build: (c) => orderPage(c, 'tmall'), latin: "'Liberation Sans Narrow'", viewport: V375, post: Q60 },
  { build: alipayBill, viewport: V393, post: FWD60 },
  { build: wechatPayBill, theme: 'dark', zoom: 1.08, viewport: V375, post: Q60 },
  { build: kamengOrderPage, latin: "'DejaVu Sans Condensed'", viewport: V412, post: FWD },
];

export function heldoutCases(seed = HELDOUT_SEED): CorpusCase[] {
  const rng = createRng(seed);
  const base: Wall = { y: 2026, mo: 9, d: 20, h: 10, mi: 17, s: 42 };
  return SPECS.map((spec, index) => {
    const capture = addMinutes(base, index * 3 * 1440 + rng.int(0, 600));
    const style: Style = {
      theme: spec.theme ?? 'light',
      latin: spec.latin ?? "'Liberation Sans'",
      clock: hm(capture),
      battery: rng.int(12, 100),
      network: rng.pick(['5G', '4G', 'WiFi'] as const),
    };
    const page = spec.build({ rng: createRng(seed + index * 104729), style, capture });
    const html = spec.zoom === undefined ? page.html : `<style>body{zoom:${spec.zoom}}</style>${page.html}`;
    return { index, capture, style, viewport: spec.viewport, post: spec.post, page: { ...page, html, tags: spec.zoom ? [...page.tags, `zoom-${spec.zoom}`] : page.tags } };
  });
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? HELDOUT_DIR);
  const seedArg = process.argv.find((a) => a.startsWith('--seed='));
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  const run = async (): Promise<void> => {
    await mkdir(dir, { recursive: true });
    for (const f of await readdir(dir)) if (/^Screenshot_.*\.(png|jpg|json)$/.test(f)) await rm(path.join(dir, f));
    const images = await render(heldoutCases(seedArg ? Number(seedArg.slice(7)) : HELDOUT_SEED), dir, log);
    log(`${images.length} images`);
  };
  run().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
