// A realistic case for the bundle tests, on real files: phone screenshots rendered by sharp, a photo,
// a tall scrolling screenshot, a QQ chat export and a (silent) video, imported into a temp vault.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { COMPLETE_FACTS, caseOf } from '../../fixtures/bundle';
import type { BundleEvidence, BundleField, BundleInput } from '../../../shared/bundle/types';
import type { EvidenceKind } from '../../../shared/domain/evidence';
import type { BBox } from '../../../shared/extract';
import { extractFromChatLog, parseChatLog } from '../../../shared/extract';
import { toShanghaiLocal } from '../../../shared/time/shanghai';
import { createVaultService } from '../../../electron/main/vault';
import { chatSvg, orderPageSvg, png } from '../../support/screens';
import { mp4Bytes } from '../main/fixtures';

export const NOW = new Date('2026-11-22T02:00:00.000Z');

export const QQ_EXPORT = [
  '消息记录（此消息记录为文本格式，不支持重新导入）',
  '',
  '='.repeat(64),
  '消息分组:我的好友',
  '='.repeat(64),
  '消息对象:星辰数码客服',
  '='.repeat(64),
  '',
  '2026-11-15 21:14:03 李明(10001)',
  '你好，我买的XX游戏点卡，卡密提示已被使用，订单号3456789012345678901',
  '',
  '2026-11-15 21:20:41 星辰数码客服(2851234567)',
  '亲，请提供一下激活失败的截图',
  '',
  '2026-11-16 09:02:10 李明(10001)',
  '截图已发，请尽快处理退款。',
  '',
].join('\r\n');

/** The chat screenshot's second bubble (my own, with my phone number), at scale 2: chatSvg's geometry. */
export const PHONE_BUBBLE: BBox = { x0: 70 * 2, y0: 330 * 2, x1: 460 * 2, y1: 394 * 2 };

export interface SourceFile {
  name: string;
  bytes: Buffer;
  kind: EvidenceKind;
  title: string;
  purpose?: string;
  fields?: BundleField[];
  redactions?: BBox[];
}

async function tallScreenshot(): Promise<Buffer> {
  const page = await png(chatSvg([['them', '亲，这是我们店的退款规则'], ['them', '虚拟商品一经发货不退不换']]), 2);
  const meta = await sharp(page).metadata();
  const h = meta.height;
  return sharp({ create: { width: meta.width, height: h * 3, channels: 3, background: '#ededed' } })
    .composite([0, 1, 2].map((i) => ({ input: page, top: i * h, left: 0 })))
    .png()
    .toBuffer();
}

/** A photo-like JPEG: gaussian noise is incompressible, so its encoded size is realistic. */
export async function photoFile(name: string, title: string, sigma = 12, width = 2400, height = 1800): Promise<SourceFile> {
  const bytes = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 120, sigma } } })
    .jpeg({ quality: 85 })
    .toBuffer();
  return { name, bytes, kind: 'defect', title, purpose: '证明卡密在兑换页面提示已被使用' };
}

let cached: Promise<SourceFile[]> | null = null;

/** The six source files, rendered once per test file (they take about two seconds). */
export function sourceFiles(): Promise<SourceFile[]> {
  cached ??= renderSources();
  return cached.then((files) => files.map((f) => ({ ...f })));
}

async function renderSources(): Promise<SourceFile[]> {
  const order = await png(orderPageSvg(), 2);
  const chat = await png(chatSvg([['me', '卡密提示已被使用'], ['me', '我的手机号 13800138000'], ['them', '亲，请提供激活失败截图']]), 2);
  const video = mp4Bytes(185_000, 1000);
  return [
    {
      name: 'Screenshot_20261115_203200.png',
      bytes: order,
      kind: 'order',
      title: '订单详情截图',
      fields: [
        { type: 'orderNumber', value: '3456789012345678901', label: '订单编号' },
        { type: 'amount', value: '149.90', label: '实付款' },
        { type: 'timestamp', value: '2026-11-15T20:31:40', label: '付款时间' },
      ],
    },
    { name: 'Screenshot_20261115_211500.png', bytes: chat, kind: 'chat', title: '客服聊天截图', redactions: [PHONE_BUBBLE] },
    await photoFile('IMG_20261116_100000.jpg', '兑换页面报错照片'),
    { name: 'Screenshot_20261116_120000.png', bytes: await tallScreenshot(), kind: 'policy', title: '店铺退款规则长截图' },
    { name: 'QQ聊天记录.txt', bytes: Buffer.from(QQ_EXPORT, 'utf8'), kind: 'chat', title: '与客服的QQ聊天记录' },
    { name: '录屏_20261116.mp4', bytes: video, kind: 'video', title: '兑换过程录屏' },
  ];
}

export interface BundleFixture {
  root: string;
  vaultDir: string;
  input: BundleInput;
  cleanup(): Promise<void>;
}

/** Imports `files` into a fresh vault and describes them as the renderer would send them. */
export async function makeFixture(files: SourceFile[], over: Partial<BundleInput> = {}): Promise<BundleFixture> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-bundle-test-'));
  const vaultDir = path.join(root, 'vault');
  const srcDir = path.join(root, 'src');
  await mkdir(srcDir, { recursive: true });
  const paths: string[] = [];
  for (const f of files) {
    const p = path.join(srcDir, f.name);
    await writeFile(p, f.bytes);
    paths.push(p);
  }
  const vault = createVaultService({ vaultDir, now: () => NOW });
  const batch = await vault.importPaths('case-1', paths, 'dialog');
  if (batch.failures.length > 0) throw new Error(`import failed: ${JSON.stringify(batch.failures)}`);
  const evidence = batch.items.map((item, i): BundleEvidence => {
    const f = files[i];
    if (!f) throw new Error('file/item mismatch');
    const parsed = item.blob.mediaType === 'text' ? parseChatLog(f.bytes.toString('utf8'), f.name) : null;
    const fields: BundleField[] = parsed
      ? extractFromChatLog(parsed).orderNumbers.map((o) => ({ type: 'orderNumber', value: o.value, label: o.label ?? null }))
      : (f.fields ?? []);
    return {
      ...item.blob,
      importedAt: toShanghaiLocal(NOW),
      kind: f.kind,
      title: f.title,
      purpose: f.purpose ?? '',
      platform: parsed ? 'qq' : null,
      fields,
      messages: parsed?.messages ?? null,
      redactions: f.redactions,
    };
  });
  const input: BundleInput = {
    target: 'platform',
    case: caseOf({ statement: '' }),
    complainant: { name: '李明', phone: '13800138000', address: '上海市浦东新区世纪大道100号1201室', idType: 'resident-id', idNumber: '11010519491231002X', consentPublish: false, consentMediation: true },
    respondent: { name: '星辰数码专营店', address: '浙江省杭州市余杭区文一西路969号', creditCode: '', contact: '', phone: '' },
    complaint: { ...COMPLETE_FACTS, requestKinds: [...COMPLETE_FACTS.requestKinds] },
    cardShop: null,
    evidence,
    events: [{ at: '2026-11-16T10:30:00', text: '在平台申请退款' }],
    exportedAt: '2026-11-22T10:00:00',
    ...over,
  };
  return { root, vaultDir, input, cleanup: () => rm(root, { recursive: true, force: true }) };
}
