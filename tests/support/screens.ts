// Realistic phone screenshots drawn as SVG and rasterised by real sharp, so tests and screenshots
// show what buyers actually import: order pages, bills and chats with Chinese text.
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

const W = 540;
const H = 1170;
const FONT = "font-family=\"'Noto Sans CJK SC','Noto Sans SC','PingFang SC',sans-serif\"";

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const text = (x: number, y: number, s: string, size = 22, fill = '#222', weight = 400) =>
  `<text x="${x}" y="${y}" ${FONT} font-size="${size}" fill="${fill}" font-weight="${weight}">${esc(s)}</text>`;

function frame(title: string, body: string, bg = '#f4f4f4'): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="100%" height="100%" fill="${bg}"/>
  <rect width="100%" height="88" fill="#ffffff"/>${text(24, 30, '12:03', 18, '#000', 600)}${text(W / 2 - title.length * 12, 72, title, 24, '#111', 600)}${body}</svg>`;
}

export function orderPageSvg(opts: { order?: string; amount?: string; shop?: string } = {}): string {
  const order = opts.order ?? '3456789012345678901';
  const rows = [
    ['订单编号', order],
    ['支付宝交易号', '2026111522001456781234567890'],
    ['创建时间', '2026-11-15 20:31:07'],
    ['付款时间', '2026-11-15 20:31:40'],
  ];
  return frame(
    '订单详情',
    `<rect x="16" y="110" width="${W - 32}" height="200" rx="14" fill="#fff"/>${text(36, 150, opts.shop ?? '星辰数码专营店', 24, '#111', 600)}
     <rect x="36" y="170" width="110" height="110" rx="8" fill="#ffd8b8"/>${text(160, 200, 'XX游戏点卡 100元 面值', 22)}${text(160, 240, '¥100.00  x1', 20, '#666')}
     <rect x="16" y="330" width="${W - 32}" height="120" rx="14" fill="#fff"/>${text(36, 380, '实付款', 24)}${text(W - 190, 380, `¥${opts.amount ?? '149.90'}`, 30, '#ff5000', 700)}
     ${text(36, 425, '客服电话 400-123-4567', 18, '#888')}
     <rect x="16" y="470" width="${W - 32}" height="280" rx="14" fill="#fff"/>
     ${rows.map(([k, v], i) => text(36, 520 + i * 60, `${k}  ${v}`, 20, '#333')).join('')}`,
  );
}

/** 我的订单: two orders, each with its own 实付款, so no single figure is the case's amount. */
export function orderListSvg(amounts: readonly [string, string] = ['59.00', '26.90']): string {
  const card = (y: number, shop: string, item: string, amount: string) =>
    `<rect x="16" y="${y}" width="${W - 32}" height="200" rx="14" fill="#fff"/>${text(36, y + 40, shop, 22, '#111', 600)}${text(W - 140, y + 40, '交易成功', 20, '#ff5000')}
     <rect x="36" y="${y + 60}" width="90" height="90" rx="8" fill="#dfe8ff"/>${text(140, y + 95, item, 20)}
     ${text(W - 300, y + 180, `共1件商品 实付款 ¥${amount}`, 20, '#333')}`;
  return frame('我的订单', `${text(36, 130, '全部   待付款   待发货   待收货   待评价', 20, '#666')}${card(160, '绿源旗舰店', '保温杯 500ml', amounts[0])}${card(390, '晨光文具专营店', '中性笔 12支装', amounts[1])}`);
}

/** A card shop's order-lookup page (发卡网 查询订单) showing the order, the lookup password and the delivered 卡密. */
export function cardShopLookupSvg(opts: { order?: string; password?: string; card?: string } = {}): string {
  const rows = [
    ['订单号', opts.order ?? 'T20261117200012345'],
    ['查询密码', opts.password ?? 'pw5531'],
    ['卡密', opts.card ?? 'K7M2-Q9X4-ZP3L-8WRT'],
    ['联系邮箱', 'buyer@example.com'],
  ];
  return frame(
    '查询订单',
    `${text(36, 140, 'ka.example.com', 22, '#2563eb')}
     <rect x="16" y="170" width="${W - 32}" height="300" rx="14" fill="#fff"/>
     ${rows.map(([k, v], i) => text(36, 220 + i * 64, `${k}：${v}`, 22, '#222')).join('')}`,
  );
}

export function chatSvg(lines: [side: 'me' | 'them', msg: string][] = []): string {
  const msgs = lines.length > 0 ? lines : [
    ['me', '卡密提示已被使用,订单号3456789012345678901'],
    ['them', '亲,请提供一下激活失败的截图'],
    ['me', '截图已发,请尽快处理退款'],
  ] as [string, string][];
  const body = msgs
    .map(([side, msg], i) => {
      const y = 200 + i * 130;
      const w = Math.min(W - 150, msg.length * 22 + 36);
      const x = side === 'me' ? W - 80 - w : 80;
      return `<rect x="${x}" y="${y}" width="${w}" height="64" rx="8" fill="${side === 'me' ? '#95ec69' : '#ffffff'}"/>${text(x + 18, y + 41, msg, 20)}`;
    })
    .join('');
  return frame('星辰数码客服', `${text(W / 2 - 60, 160, '昨天 21:14', 18, '#999')}${body}`, '#ededed');
}

/** scale 2 renders at phone resolution (1080 wide), which OCR needs for 20px text. */
export async function png(svg: string, scale = 1): Promise<Buffer> {
  return sharp(Buffer.from(svg), { density: 72 * scale }).png().toBuffer();
}

export async function jpeg(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
}

/** A PNG whose header claims 30000×30000 pixels: tiny on disk, enormous once decoded. */
export function decompressionBomb(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(30000, 0);
  ihdr.writeUInt32BE(30000, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(30001))), chunk('IEND', Buffer.alloc(0))]);
}
