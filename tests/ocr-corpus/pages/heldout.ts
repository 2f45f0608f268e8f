// Page styles kept out of the main corpus on purpose, so they measure how the extractors generalise:
// stacked label/value rows, colon-inline rows, slash and Chinese date formats, JD/Douyin/Pinduoduo
// payment bills with a "-¥" headline, chats with every WeChat 12-hour period word and explicit
// 前天 / 星期X / M月D日 separators, new chat scripts and new distractors (会员号, 服务单号, QQ群).
import type { Theme } from '../html';
import { esc, navBar, palette, statusBar } from '../html';
import type { Wall } from '../ids';
import { addMinutes, cardCode, douyinOrder, hm, hms, hotline, iso, jdOrder, kamengOrder, mobile, money, pddOrder, qqNumber, taobaoOrder, wallMs, weekdayOf, ymd } from '../ids';
import type { BuiltPage, PageContext } from '../truth';
import type { ChatApp } from './chat';
import { CHAT_LOOKS, bubble, inputBar } from './chat';

export type AltShop = 'jd' | 'douyin' | 'pdd' | 'taobao';
export type DateStyle = 'dash' | 'slash' | 'chinese' | 'minutes';
export type RowStyle = 'stacked' | 'colon';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The date-time as the page prints it, and the truth value ("minutes" shows no seconds). */
function shown(w: Wall, style: DateStyle): [string, string] {
  switch (style) {
    case 'slash':
      return [`${ymd(w, '/')} ${hms(w)}`, iso(w)];
    case 'chinese':
      return [`${w.y}年${w.mo}月${w.d}日 ${hms(w)}`, iso(w)];
    case 'minutes':
      return [`${ymd(w)} ${hm(w)}`, iso(w, false)];
    default:
      return [`${ymd(w)} ${hms(w)}`, iso(w)];
  }
}

function altRow(style: RowStyle, label: string, value: string, copy = false): string {
  const chip = copy ? '<span class="muted" style="margin-left:10px;font-size:12px">复制</span>' : '';
  if (style === 'stacked') {
    return `<div style="padding:6px 0"><div class="muted" style="font-size:12px;line-height:18px">${esc(label)}</div><div style="font-size:15px;line-height:24px">${esc(value)}${chip}</div></div>`;
  }
  return `<div style="line-height:30px;font-size:14px"><span class="muted">${esc(label)}:</span>${esc(value)}${chip}</div>`;
}

const SHOPS: Record<AltShop, { head: string; amountLabel: string; orderLabel: string; order: (ctx: PageContext, at: Wall) => string; accent: string }> = {
  jd: { head: '京东 JD.COM · 京东自营', amountLabel: '应付总额', orderLabel: '订单号', order: ({ rng }) => jdOrder(rng), accent: '#e1251b' },
  douyin: { head: '抖音商城 · 官方补贴', amountLabel: '合计', orderLabel: '订单编号', order: ({ rng }) => douyinOrder(rng), accent: '#fe2c55' },
  pdd: { head: '拼多多 · 已拼成', amountLabel: '实付', orderLabel: '订单编号', order: ({ rng }, at) => pddOrder(rng, at), accent: '#e02e24' },
  taobao: { head: '淘宝 · 订单详情', amountLabel: '实付款', orderLabel: '订单编号', order: ({ rng }) => taobaoOrder(rng), accent: '#ff5000' },
};

export interface AltOrderOptions {
  shop: AltShop;
  rows: RowStyle;
  dates: DateStyle;
}

export function altOrderPage(ctx: PageContext, opts: AltOrderOptions): BuiltPage {
  const { rng, style, capture } = ctx;
  const shop = SHOPS[opts.shop];
  const created = addMinutes({ ...capture, s: rng.int(0, 59) }, -rng.int(1500, 12000));
  const paidAt = addMinutes(created, 1);
  const order = shop.order(ctx, created);
  const price = money(rng, 9, 899);
  const [createdText, createdIso] = shown(created, opts.dates);
  const [paidText, paidIso] = shown(paidAt, opts.dates);
  const rows = [
    altRow(opts.rows, shop.orderLabel, order, true),
    altRow(opts.rows, '下单时间', createdText),
    altRow(opts.rows, '支付时间', paidText),
    altRow(opts.rows, '支付方式', rng.pick(['微信支付', '云闪付', '京东白条', '抖音月付'])),
    altRow(opts.rows, rng.pick(['会员号', '服务单号']), `${rng.pick(['5', '7'])}${rng.digits(17)}`),
    altRow(opts.rows, '收货人手机', mobile(rng)),
  ];
  const p = palette(style.theme);
  const body = `${statusBar(style)}${navBar('订单详情')}
  <div style="padding:12px 16px;color:${shop.accent};font-weight:600">${esc(shop.head)}</div>
  <div class="card"><div class="between"><span>${esc(rng.pick(['蓝牙音箱 便携 户外', '儿童绘本 10册', '王者荣耀点卡 60元', '咖啡豆 500g 中烘']))}</span><span>¥${price}</span></div>
    <div class="between muted" style="font-size:12px;line-height:22px"><span>商品总额</span><span>¥${price}</span></div>
    <div class="between muted" style="font-size:12px;line-height:22px"><span>运费</span><span>+¥0.00</span></div>
    <div class="between" style="line-height:30px"><span>${shop.amountLabel}</span><span style="color:${shop.accent};font-weight:600">¥${price}</span></div></div>
  <div class="card t">${rows.join('')}</div>
  <div class="card muted" style="font-size:12px">客服热线 ${hotline(rng)} · 服务时间 08:00-22:00</div>
  <div class="btns" style="border-top:1px solid ${p.line}"><span class="btn">申请售后</span><span class="btn">再次购买</span></div>`;
  return {
    slug: `${opts.shop}-order-alt`,
    html: body,
    tags: ['heldout', `rows-${opts.rows}`, `dates-${opts.dates}`, 'distractors'],
    truth: { platform: opts.shop, kind: 'order', orderNumbers: [order], transactionIds: [], timestamps: [createdIso, paidIso], amount: price, scam: false },
  };
}

const PAY_APPS: Record<'jd' | 'douyin' | 'pdd', { title: string; brand: string; order: (ctx: PageContext, at: Wall) => string; orderLabel: string }> = {
  jd: { title: '交易详情', brand: '京东支付', order: ({ rng }) => jdOrder(rng), orderLabel: '订单编号' },
  douyin: { title: '账单详情', brand: '抖音支付', order: ({ rng }) => douyinOrder(rng), orderLabel: '订单号' },
  pdd: { title: '账单详情', brand: '多多钱包', order: ({ rng }, at) => pddOrder(rng, at), orderLabel: '订单编号' },
};

/** Payment bills of the shops' own wallets: a "-¥59.90" headline, then rows. */
export function altBill(ctx: PageContext, app: 'jd' | 'douyin' | 'pdd', dates: DateStyle): BuiltPage {
  const { rng, style, capture } = ctx;
  const look = PAY_APPS[app];
  const at = addMinutes({ ...capture, s: rng.int(0, 59) }, -rng.int(60, 9000));
  const order = look.order(ctx, at);
  const amount = money(rng, 5, 600);
  const [atText, atIso] = shown(at, dates);
  const rows = [
    altRow('colon', '交易状态', '支付成功'),
    altRow('colon', '支付时间', atText),
    altRow('colon', '付款方式', rng.pick(['零钱', '招商银行储蓄卡(8821)', '余额'])),
    altRow('colon', look.orderLabel, order, true),
    altRow('colon', '商户名称', rng.pick(['星辰数码专营店', '好物优选旗舰店'])),
  ];
  const body = `${statusBar(style)}${navBar(look.title, '')}
  <div style="text-align:center;padding:20px 0 12px"><div class="muted">${esc(look.brand)}</div>
  <div style="font-size:32px;font-weight:600;margin:8px 0">-¥${amount}</div></div>
  <div class="card t">${rows.join('')}</div>
  <div class="card muted" style="font-size:12px;text-align:center">如有疑问请联系 ${esc(look.brand)} 客服 ${hotline(rng)}</div>`;
  return {
    slug: `${app}-bill`,
    html: body,
    tags: ['heldout', 'bill-minus-yuan', `dates-${dates}`],
    truth: { platform: app, kind: 'payment', orderNumbers: [order], transactionIds: [], timestamps: [atIso], amount, scam: false },
  };
}

const WEEK = '日一二三四五六';

/** WeChat's 12-hour words: 凌晨 0–5, 早上 6–8, 上午 9–11, 中午 12, 下午 13–17, 晚上 18–23. */
function clock12(w: Wall): string {
  const period = w.h < 6 ? '凌晨' : w.h < 9 ? '早上' : w.h < 12 ? '上午' : w.h < 13 ? '中午' : w.h < 18 ? '下午' : '晚上';
  const h = w.h > 12 ? w.h - 12 : w.h;
  return `${period}${h}:${pad(w.mi)}`;
}

function separator(at: Wall, capture: Wall, twelve: boolean): string {
  const days = Math.round((Date.UTC(capture.y, capture.mo - 1, capture.d) - Date.UTC(at.y, at.mo - 1, at.d)) / 86_400_000);
  const time = twelve ? clock12(at) : hm(at);
  if (days === 0) return time;
  if (days === 1) return `昨天 ${time}`;
  if (days === 2) return `前天 ${time}`;
  if (days < 7) return `星期${WEEK[weekdayOf(at)]} ${time}`;
  return `${at.mo}月${at.d}日 ${time}`;
}

export interface AltChatOptions {
  app: ChatApp;
  twelve: boolean;
  /** Whole days back for each separator, oldest first. */
  days: readonly number[];
  script: 'kameng-paste' | 'scam-courier' | 'ordinary-refund' | 'scam-credit';
}

type Lines = ReadonlyArray<readonly ['me' | 'them', string]>;

function scriptLines(name: AltChatOptions['script'], v: Record<'order' | 'qq' | 'phone' | 'code', string>): { lines: Lines; scam: boolean; order: boolean } {
  switch (name) {
    case 'kameng-paste':
      return {
        scam: false,
        order: true,
        lines: [['me', '买的卡密用不了'], ['me', v.order], ['them', `卡密${v.code}已作废,稍后补发`], ['them', `售后QQ群 ${v.qq}`], ['me', '好']],
      };
    case 'scam-courier':
      return {
        scam: true,
        order: false,
        lines: [['them', '您好,我是快递理赔专员,您的包裹丢失了'], ['them', `理赔需要您开启屏幕共享,联系电话${v.phone}`], ['me', '这样安全吗'], ['them', '放心,共享屏幕后我教您操作退款']],
      };
    case 'scam-credit':
      return {
        scam: true,
        order: false,
        lines: [['them', '您的征信有问题,退款前需要先缴纳保证金'], ['me', '多少钱?'], ['them', '保证金2000元,退款后一并退还']],
      };
    default:
      return {
        scam: false,
        order: true,
        lines: [['me', `订单${v.order}还没退款`], ['them', '亲,已为您提交退款申请,1-3个工作日原路退回'], ['them', '退款金额49.90元'], ['me', '谢谢']],
      };
  }
}

export function altChat(ctx: PageContext, opts: AltChatOptions): BuiltPage {
  const { rng, style, capture } = ctx;
  const look = CHAT_LOOKS[opts.app][style.theme as Theme];
  const orderAt = addMinutes(capture, -rng.int(8, 20) * 1440);
  // A 卡盟 number pasted alone (with a letter prefix half the time), or a Taobao number inside a sentence.
  const order =
    opts.script === 'kameng-paste' ? `${rng.pick(['KM', ''])}${kamengOrder(rng, orderAt).replace(/^[A-Z]+/, '')}` : taobaoOrder(rng);
  const script = scriptLines(opts.script, { order, qq: qqNumber(rng), phone: mobile(rng), code: cardCode(rng) });
  const per = Math.ceil(script.lines.length / opts.days.length);
  const stamps: string[] = [];
  let html = '';
  opts.days.forEach((days, i) => {
    // Hours spread over the whole day so every 12-hour period word appears across the set.
    let at: Wall = { ...addMinutes(capture, -days * 1440), h: rng.int(0, 23), mi: rng.int(0, 59), s: 0 };
    if (wallMs(at) > wallMs(capture)) at = { ...capture, h: Math.max(0, capture.h - 1), s: 0 };
    stamps.push(iso(at, false));
    html += `<div class="t" style="text-align:center;margin:14px 0 6px"><span style="color:${look.stamp};font-size:12px">${esc(separator(at, capture, opts.twelve))}</span></div>`;
    for (const [side, text] of script.lines.slice(i * per, (i + 1) * per)) html += bubble(look, side, text, side === 'me' ? '#7aa' : '#a87');
  });
  const nav = `<div class="nav" style="background:${look.bg}"><span class="back">‹</span>${esc(rng.pick(['九州卡盟售后', '快递理赔中心', '好物小店客服']))}<span class="more">···</span></div>`;
  const body = `<div style="background:${look.bg}">${statusBar(style)}</div>${nav}<div>${html}</div>${inputBar(opts.app, look, rng.chance(0.5), style.theme)}`;
  return {
    slug: `${opts.app}-chat-alt`,
    html: body,
    background: look.bg,
    tags: ['heldout', 'bubbles', ...(opts.twelve ? ['12h'] : []), 'relative', ...(script.scam ? ['scam'] : [])],
    truth: {
      platform: opts.app,
      kind: 'chat',
      orderNumbers: script.order ? [order] : [],
      transactionIds: [],
      timestamps: stamps,
      amount: null,
      scam: script.scam,
    },
  };
}
