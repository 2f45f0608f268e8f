// The stress set for bench:ocr: families the corpus and the held-out set never had, rendered with
// a fresh seed each bench run into a temp folder. Never committed, never tuned on.
//   - PC-width web tables with the labels in a header row (卡盟 order lists, 发卡网 lookups);
//   - long scrolling screenshots (a phone page three screens tall);
//   - phone photos of a screen or of a paper receipt (tilt, shear, blur, noise, dim light);
//   - mixed fonts and sizes; emoji next to chat text; a notification banner over the page;
//   - low contrast (light grey text); JPEG + downscale chains (forwarded again and again).
//
//   npx tsx tests/ocr-corpus/stress.ts <outDir> [--seed=N]
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { CorpusCase, Post, Viewport } from './cases';
import { LATIN_FONTS } from './html';
import type { Style } from './html';
import type { Wall } from './ids';
import { addMinutes, hm } from './ids';
import { render } from './generate';
import { alipayBill, wechatPayBill } from './pages/bill';
import { chatPage } from './pages/chat';
import { kamengOrderPage } from './pages/kameng';
import type { ShopPlatform } from './pages/order';
import { orderPage } from './pages/order';
import { fakaLookup, paperReceipt, pcOrderTable } from './pages/stress';
import type { Rng } from './rng';
import { createRng } from './rng';
import type { BuiltPage, CorpusTruth, PageContext } from './truth';

type Effect = 'photo' | 'chain' | 'none';

interface Family {
  name: string;
  build: (ctx: PageContext, rng: Rng) => BuiltPage;
  viewport: (rng: Rng) => Viewport;
  effect: Effect;
  /** CSS added in front of the page. */
  css?: (rng: Rng) => string;
}

const PHONE: Viewport = { width: 390, height: 844, dpr: 3 };
const shop = (rng: Rng): ShopPlatform => rng.pick(['taobao', 'tmall', 'jd', 'pdd', 'douyin'] as const);
const phone = (): Viewport => PHONE;
const EMOJI = ['😂', '👍', '🙏', '😊', '🎉', '[微笑]', '[捂脸]'];

const FAMILIES: readonly Family[] = [
  { name: 'pc-table', build: pcOrderTable, viewport: (r) => ({ width: r.pick([1280, 1366, 1440]), height: 720, dpr: r.pick([1, 1.25, 1.5]) }), effect: 'none' },
  { name: 'pc-lookup', build: fakaLookup, viewport: (r) => ({ width: r.pick([1280, 1366, 1920]), height: 720, dpr: r.pick([1, 1.25]) }), effect: 'none' },
  {
    name: 'long-scroll',
    build: (c, r) => {
      const page = orderPage(c, shop(r));
      const filler = Array.from({ length: 14 }, (_, i) => `<div class="card"><div class="item"><div class="thumb" style="background:hsl(${i * 40} 60% 70%)"></div><div class="name">猜你喜欢 推荐商品 ${i + 1} 限时特价 包邮</div><div class="price">¥${r.int(9, 99)}.90</div></div></div>`).join('');
      return { ...page, html: `${page.html}${filler}`, tags: [...page.tags, 'long'] };
    },
    viewport: () => ({ width: 390, height: 2500, dpr: 3 }),
    effect: 'none',
  },
  { name: 'screen-photo', build: (c, r) => (r.chance(0.5) ? orderPage(c, shop(r)) : alipayBill(c)), viewport: phone, effect: 'photo' },
  { name: 'receipt-photo', build: paperReceipt, viewport: () => ({ width: 360, height: 760, dpr: 2 }), effect: 'photo' },
  { name: 'mixed-fonts', build: (c, r) => orderPage(c, shop(r)), viewport: phone, effect: 'none', css: (r) => `<style>.row .v{font-family:${r.pick(["'DejaVu Serif'", "'Liberation Serif'", "'DejaVu Sans Mono'"])} !important;font-size:${r.pick([11, 12, 15, 16])}px}.row .k{font-size:${r.pick([11, 12, 15])}px}</style>` },
  {
    name: 'chat-emoji',
    build: (c, r) => {
      const page = chatPage(c, { app: r.pick(['wechat', 'qq'] as const), scam: r.chance(0.3), script: r.int(0, 9), twelveHour: r.chance(0.3) });
      return { ...page, html: page.html.replace(/(好的|谢谢|亲|您好)/g, (m) => `${m}${r.pick(EMOJI)}`), tags: [...page.tags, 'emoji'] };
    },
    viewport: phone,
    effect: 'none',
  },
  {
    name: 'banner',
    build: (c, r) => {
      const page = r.chance(0.5) ? orderPage(c, shop(r)) : wechatPayBill(c);
      const banner = `<div style="position:fixed;top:6px;left:8px;right:8px;background:rgba(250,250,250,.96);border-radius:14px;box-shadow:0 2px 12px rgba(0,0,0,.25);padding:10px 14px;font-size:13px;z-index:9"><b>微信</b> · 现在<br>${r.pick(['妈妈', '快递小哥', '同事小李'])}: ${r.pick(['晚上回来吃饭吗', '您的快递已放驿站', '明天开会记得带电脑'])}</div>`;
      return { ...page, html: `${banner}${page.html}`, tags: [...page.tags, 'banner'] };
    },
    viewport: phone,
    effect: 'none',
  },
  { name: 'low-contrast', build: (c, r) => (r.chance(0.5) ? orderPage(c, shop(r)) : kamengOrderPage(c)), viewport: phone, effect: 'none', css: (r) => `<style>body,.row .v,.row .k,.muted,div,span{color:${r.pick(['#b4b4b4', '#c2c2c2', '#aaaaaa'])} !important}</style>` },
  { name: 'jpeg-chain', build: (c, r) => (r.chance(0.5) ? orderPage(c, shop(r)) : alipayBill(c)), viewport: phone, effect: 'chain' },
];

/** A phone photo of a screen or paper: dim, tilted and sheared, blurred, noisy, JPEG. */
async function photograph(bytes: Buffer, rng: Rng): Promise<Buffer> {
  const meta = await sharp(bytes).metadata();
  const shear = (rng.next() - 0.5) * 0.08;
  const squash = 1 - rng.next() * 0.06;
  const angle = (rng.next() - 0.5) * 6;
  const tilted = await sharp(bytes)
    .affine([[1, shear], [0, squash]], { background: '#3a3a3a', interpolator: 'bicubic' })
    .rotate(angle, { background: '#3a3a3a' })
    .linear(0.82 + rng.next() * 0.1, 10 + rng.int(0, 20))
    .blur(0.6 + rng.next() * 0.9)
    .toBuffer({ resolveWithObject: true });
  const { width, height } = tilted.info;
  const noise = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 10 + rng.int(0, 8) } } }).png().toBuffer();
  const w = Math.round(Math.min(meta.width, 1200) * (0.9 + rng.next() * 0.2));
  // sharp composites after resizing, so the noise goes on in a pass of its own.
  const noisy = await sharp(tilted.data).composite([{ input: noise, blend: 'soft-light' }]).png().toBuffer();
  return sharp(noisy).resize(w).jpeg({ quality: rng.int(70, 88) }).toBuffer();
}

/** Forwarded three times: each time shrunk a little and recompressed. */
async function chain(bytes: Buffer, rng: Rng): Promise<Buffer> {
  let out = bytes;
  for (let i = 0; i < 3; i++) {
    const meta = await sharp(out).metadata();
    out = await sharp(out).resize(Math.round(meta.width * (0.75 + rng.next() * 0.2))).jpeg({ quality: rng.int(55, 80) }).toBuffer();
  }
  return out;
}

export function stressCases(seed: number): Array<CorpusCase & { effect: Effect }> {
  const rng = createRng(seed);
  const base: Wall = { y: 2026, mo: 11, d: 28, h: 12, mi: 0, s: 0 };
  const out: Array<CorpusCase & { effect: Effect }> = [];
  let index = 0;
  for (let round = 0; round < 2; round++) {
    for (const fam of FAMILIES) {
      const capture = addMinutes(base, -rng.int(0, 30) * 1440 + rng.int(-300, 300));
      const style: Style = { theme: fam.effect === 'none' && rng.chance(0.2) && !fam.name.startsWith('pc') && fam.name !== 'low-contrast' ? 'dark' : 'light', latin: rng.pick(LATIN_FONTS), clock: hm(capture), battery: rng.int(12, 100), network: rng.pick(['5G', '4G', 'WiFi'] as const) };
      const local = createRng(seed + index * 7919 + 1);
      const page = fam.build({ rng: local, style, capture }, local);
      const html = fam.css ? `${fam.css(local)}${page.html}` : page.html;
      const post: Post = { scale: 1, jpegQuality: fam.effect === 'none' && rng.chance(0.3) ? 80 : null };
      out.push({ index, capture, style, viewport: fam.viewport(rng), post, page: { ...page, html, slug: `${fam.name}-${page.slug}`, tags: [...page.tags, fam.name] }, effect: fam.effect });
      index++;
    }
  }
  return out;
}

export async function generateStress(outDir: string, seed: number, log: (line: string) => void = () => {}): Promise<{ seed: number; images: CorpusTruth[] }> {
  const cases = stressCases(seed);
  const images = await render(cases, outDir, log);
  const rng = createRng(seed ^ 0x5eed);
  for (const [i, truth] of images.entries()) {
    const effect = cases[i]?.effect ?? 'none';
    if (effect === 'none') continue;
    const file = path.join(outDir, truth.file);
    const bytes = effect === 'photo' ? await photograph(await readFile(file), rng) : await chain(await readFile(file), rng);
    // The photographed bytes are JPEG whatever the old name said; the truth follows the new name.
    const name = truth.file.replace(/\.\w+$/, '.jpg');
    await writeFile(path.join(outDir, name), bytes);
    if (name !== truth.file) await rm(file);
    const meta = await sharp(bytes).metadata();
    const updated: CorpusTruth = { ...truth, file: name, variant: { ...truth.variant, pixels: { width: meta.width, height: meta.height }, tags: [...truth.variant.tags, effect] } };
    await writeFile(path.join(outDir, name.replace(/\.\w+$/, '.json')), `${JSON.stringify(updated, null, 2)}\n`);
  }
  return { seed, images };
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const seedArg = process.argv.find((a) => a.startsWith('--seed='));
  const seed = seedArg ? Number(seedArg.slice(7)) : Math.floor(Math.random() * 2 ** 31);
  if (!dir) throw new Error('usage: stress.ts <outDir> [--seed=N]');
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  log(`seed ${seed}`);
  generateStress(path.resolve(dir), seed, log).then(
    (m) => log(`${m.images.length} images`),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
