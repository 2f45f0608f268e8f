// Order-detail pages of the shopping apps (Taobao/Tmall, JD, Pinduoduo, Douyin), modelled on what
// their apps show: a status banner, the address, the item, the paid amount and an order-info card.
import type { RowLayout } from '../html';
import { esc, navBar, palette, row, statusBar, thumb } from '../html';
import type { Wall } from '../ids';
import { addMinutes, alipayTradeNo, douyinOrder, hms, hotline, iso, jdOrder, maskedMobile, mobile, money, pddOrder, taobaoOrder, trackingNo, ymd } from '../ids';
import type { BuiltPage, PageContext } from '../truth';

export type ShopPlatform = 'taobao' | 'tmall' | 'jd' | 'pdd' | 'douyin';

const ITEMS = [
  'XX游戏点卡 100元面值 自动充值',
  '爱奇艺黄金VIP会员 12个月年卡',
  '无线蓝牙耳机 降噪入耳式 运动款',
  '索尼PS5游戏兑换码 数字版',
  '加厚保暖羽绒服 男款 冬季 黑色 XL',
  'Type-C快充数据线 1.5米 2条装',
  '腾讯视频VIP会员 月卡 官方直充',
  '机械键盘 87键 青轴 RGB背光',
];
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆'];
const CITIES = ['浙江省杭州市西湖区文三路', '广东省深圳市南山区科技园', '上海市浦东新区张江路', '四川省成都市武侯区天府大道'];

interface PlatformLook {
  title: string;
  shop: (ctx: PageContext) => string;
  badge: string;
  /** Words the real app shows somewhere on the page. */
  cue: (ctx: PageContext) => string;
  orderLabel: string;
  amountLabel: string;
  timeLabels: readonly string[];
  accent: string;
}

const LOOKS: Record<ShopPlatform, PlatformLook> = {
  taobao: {
    title: '订单详情',
    shop: ({ rng }) => rng.pick(['星辰数码专营店', '小鹿家居生活馆', '南山电玩小铺', '优品服饰店']),
    badge: '',
    cue: ({ rng }) => rng.pick(['淘宝安心购 · 极速退款', '已使用淘金币抵扣¥0.50', '88VIP 专享价', '联系卖家(旺旺)']),
    orderLabel: '订单编号',
    amountLabel: '实付款',
    timeLabels: ['创建时间', '付款时间', '发货时间', '成交时间'],
    accent: '#ff5000',
  },
  tmall: {
    title: '订单详情',
    shop: ({ rng }) => rng.pick(['索尼官方旗舰店', '小米官方旗舰店', '天猫超市', '优衣库官方旗舰店']),
    badge: '天猫',
    cue: ({ rng }) => rng.pick(['天猫官方 · 正品保障', '猫超卡支付', '天猫积分 +149', 'Tmall 天猫 品质保障']),
    orderLabel: '订单编号',
    amountLabel: '实付款',
    timeLabels: ['创建时间', '付款时间', '发货时间', '成交时间'],
    accent: '#ff0036',
  },
  jd: {
    title: '订单详情',
    shop: ({ rng }) => rng.pick(['京东自营', '京东自营旗舰店', '绿联京东自营官方旗舰店']),
    badge: 'JD',
    cue: ({ rng }) => rng.pick(['京东快递 · 211限时达', '本单可得京豆 12 个', 'PLUS会员 专享优惠']),
    orderLabel: '订单编号',
    amountLabel: '实付款',
    timeLabels: ['下单时间', '付款时间', '发货时间'],
    accent: '#e1251b',
  },
  pdd: {
    title: '订单详情',
    shop: ({ rng }) => rng.pick(['数码潮品工厂店', '百亿补贴官方店', '佳佳日用百货']),
    badge: '',
    cue: ({ rng }) => rng.pick(['拼多多 百亿补贴 · 假一赔十', '多多支付 · 拼单成功', '已拼成 · 拼多多官方']),
    orderLabel: '订单编号',
    amountLabel: '实付',
    timeLabels: ['下单时间', '拼单时间', '发货时间'],
    accent: '#e02e24',
  },
  douyin: {
    title: '订单详情',
    shop: ({ rng }) => rng.pick(['抖音商城自营', '潮玩数码旗舰店', '美妆好物小店']),
    badge: '',
    cue: ({ rng }) => rng.pick(['抖音商城 · 7天无理由退货', '抖音支付 · 极速退款', '抖店 · 运费险']),
    orderLabel: '订单编号',
    amountLabel: '实付款',
    timeLabels: ['下单时间', '支付时间', '发货时间'],
    accent: '#fe2c55',
  },
};

function orderNumber(platform: ShopPlatform, ctx: PageContext, created: Wall): string {
  switch (platform) {
    case 'jd':
      return jdOrder(ctx.rng);
    case 'pdd':
      return pddOrder(ctx.rng, created);
    case 'douyin':
      return douyinOrder(ctx.rng);
    default:
      return taobaoOrder(ctx.rng);
  }
}

export function orderPage(ctx: PageContext, platform: ShopPlatform): BuiltPage {
  const { rng, style, capture } = ctx;
  const look = LOOKS[platform];
  const p = palette(style.theme);
  const created = addMinutes({ ...capture, h: rng.int(8, 22), mi: rng.int(0, 59), s: rng.int(0, 59) }, -rng.int(1, 20) * 1440);
  const times = [created, addMinutes(created, rng.int(0, 2)), addMinutes(created, rng.int(600, 2000)), addMinutes(created, rng.int(3000, 9000))]
    .map((w, i) => (i === 1 ? { ...w, s: (created.s + rng.int(5, 50)) % 60 } : w))
    .slice(0, look.timeLabels.length);
  const shown = rng.int(2, look.timeLabels.length);
  const order = orderNumber(platform, ctx, created);
  const tradeNo = platform === 'taobao' || platform === 'tmall' ? alipayTradeNo(rng, times[1] ?? created) : null;
  const itemPrice = money(rng, 19, 499);
  const discount = rng.pick(['0.00', '5.00', '10.00', '3.50']);
  const shipping = rng.pick(['0.00', '0.00', '6.00']);
  const paid = (Number(itemPrice) - Number(discount) + Number(shipping)).toFixed(2);
  const layout: RowLayout = platform === 'jd' || platform === 'douyin' ? 'right' : rng.pick<RowLayout>(['inline', 'split', 'split']);
  const phone = mobile(rng);
  const distractors: string[] = [];
  if (rng.chance(0.5)) distractors.push(row(layout, '客服电话', hotline(rng)));
  if (rng.chance(0.4)) distractors.push(row(layout, '运单号', trackingNo(rng), true));

  const rows = [
    row(layout, look.orderLabel, order, true),
    ...(tradeNo ? [row(layout, '支付宝交易号', tradeNo)] : []),
    ...look.timeLabels.slice(0, shown).map((label, i) => row(layout, label, `${ymd(times[i] ?? created)} ${hms(times[i] ?? created)}`)),
    ...distractors,
  ];
  const status = rng.pick(['交易成功', '卖家已发货', '待收货', '已完成']);
  const amountLine = rng.pick([
    `<div class="between"><span>${look.amountLabel}</span><span style="color:${look.accent};font-size:18px;font-weight:600">¥${paid}</span></div>`,
    `<div class="between"><span>${look.amountLabel}</span><span style="font-size:16px;font-weight:600">¥${paid}</span></div>`,
  ]);
  const body = `${statusBar(style)}${navBar(look.title)}
  <div style="padding:12px 18px;background:${look.accent};color:#fff"><div style="font-size:18px;font-weight:600">${status}</div><div style="font-size:12px;opacity:.9">${esc(look.cue(ctx))}</div></div>
  <div class="card"><div><b>${esc(rng.pick(NAMES))}</b>&nbsp;&nbsp;<span class="muted">${rng.chance(0.7) ? maskedMobile(phone) : phone}</span></div><div class="muted" style="font-size:12px;margin-top:4px">${esc(rng.pick(CITIES))}${rng.int(1, 399)}号</div></div>
  <div class="card">
    <div style="font-weight:600;margin-bottom:8px">${look.badge ? `<span style="background:${look.accent};color:#fff;border-radius:3px;padding:0 4px;font-size:11px;margin-right:4px">${look.badge}</span>` : ''}${esc(look.shop(ctx))} ›</div>
    <div class="item">${thumb(rng.int(0, 359))}<div class="name">${esc(rng.pick(ITEMS))}<div class="faint" style="font-size:12px">默认规格</div></div><div class="price">¥${itemPrice}<div class="faint">x1</div></div></div>
    <div class="hr"></div>
    <div class="between muted" style="font-size:12px;line-height:22px"><span>商品总价</span><span>¥${itemPrice}</span></div>
    <div class="between muted" style="font-size:12px;line-height:22px"><span>运费</span><span>¥${shipping}</span></div>
    ${discount !== '0.00' ? `<div class="between muted" style="font-size:12px;line-height:22px"><span>店铺优惠</span><span>-¥${discount}</span></div>` : ''}
    ${amountLine}
  </div>
  <div class="card t">${rows.join('')}</div>
  <div class="btns" style="border-top:1px solid ${p.line}"><span class="btn">申请售后</span><span class="btn">查看物流</span><span class="btn hot">再买一单</span></div>`;
  const timestamps = times.slice(0, shown).map((w) => iso(w));
  return {
    slug: `${platform}-order`,
    html: body,
    tags: ['distractors', `layout-${layout}`],
    truth: {
      platform,
      kind: 'order',
      orderNumbers: [order],
      transactionIds: tradeNo ? [tradeNo] : [],
      timestamps,
      amount: paid,
      scam: false,
    },
  };
}
