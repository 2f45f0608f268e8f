// 卡盟 / 发卡网 pages as a phone browser shows them: the order-query result with the 卡密, and the
// shop's refund rules. These carry most of the distractors: 卡密 codes, 客服QQ, the buyer's phone.
import { esc, palette, statusBar } from '../html';
import { addMinutes, cardCode, hms, iso, kamengOrder, mobile, money, qqNumber, ymd } from '../ids';
import type { BuiltPage, PageContext } from '../truth';

const SITES = ['星辰卡盟', '易发卡', '云商发卡网', '九州卡盟'];
const GOODS = ['王者荣耀点券 100元', 'Steam充值卡 50元', '网易云音乐黑胶VIP 年卡', '原神创世结晶 6480', 'Apple充值卡 100元'];

function browserBar(url: string, theme: 'light' | 'dark'): string {
  const p = palette(theme);
  return `<div style="padding:6px 12px;background:${p.bar}"><div style="background:${p.page};border-radius:16px;padding:6px 14px;font-size:12px" class="muted">${esc(url)}</div></div>`;
}

function line(label: string, value: string, colour = ''): string {
  return `<div style="line-height:32px;font-size:14px"><span class="muted">${esc(label)}:</span> <span style="${colour}">${esc(value)}</span></div>`;
}

export function kamengOrderPage(ctx: PageContext): BuiltPage {
  const { rng, style, capture } = ctx;
  const site = rng.pick(SITES);
  const created = addMinutes({ ...capture, s: rng.int(0, 59) }, -rng.int(30, 6000));
  const order = kamengOrder(rng, created);
  const price = money(rng, 10, 300);
  const codes = Array.from({ length: rng.int(1, 2) }, () => cardCode(rng));
  const qq = qqNumber(rng);
  const phone = mobile(rng);
  const paidAt = addMinutes(created, 1);
  const amountLabel = rng.pick(['实付金额', '实付款', '订单金额']);
  const showPaid = rng.chance(0.5);
  const body = `${statusBar(style)}${browserBar(`m.${rng.pick(['xckm', 'yfk', 'jzkm'])}.com/order/query`, style.theme)}
  <div style="padding:14px 16px;font-size:19px;font-weight:700">${esc(site)} · 自动发卡平台</div>
  <div class="card t">
    <div style="font-weight:600;font-size:16px;margin-bottom:6px">订单查询结果</div>
    ${line('订单号', order)}
    ${line('商品名称', rng.pick(GOODS))}
    ${line('购买数量', '1')}
    ${line(amountLabel, `¥${price}`, 'color:#e4393c;font-weight:600')}
    ${line('下单时间', `${ymd(created)} ${hms(created)}`)}
    ${showPaid ? line('支付时间', `${ymd(paidAt)} ${hms(paidAt)}`) : ''}
    ${line('联系方式', phone)}
    ${line('订单状态', rng.pick(['已发货', '已完成', '已提卡']))}
  </div>
  <div class="card">
    <div style="font-weight:600;margin-bottom:6px">卡密信息</div>
    ${codes.map((c, i) => line(`卡密${codes.length > 1 ? i + 1 : ''}`, c, 'font-family:monospace')).join('')}
    <div class="muted" style="font-size:12px;margin-top:6px">提示:卡密一经提取不支持退换,如卡密无效请联系客服</div>
  </div>
  <div class="card">${line('客服QQ', qq)}${line('售后时间', '09:00-23:00')}</div>`;
  const timestamps = showPaid ? [iso(created), iso(paidAt)] : [iso(created)];
  return {
    slug: 'kameng-order',
    html: body,
    tags: ['distractors', 'card-codes', 'qq'],
    truth: { platform: 'kameng', kind: 'order', orderNumbers: [order], transactionIds: [], timestamps, amount: price, scam: false },
  };
}

const RULES = [
  '虚拟商品一经发货(卡密已提取)不支持七天无理由退货。',
  '卡密无效或提示已被使用的,请在提卡后24小时内提供截图联系客服处理。',
  '未提取卡密的订单可申请全额退款,平台审核时间为1-3个工作日。',
  '已激活未使用的卡密,退款将扣除10%手续费。',
  '如需补充材料,请在客服要求后24小时内提交,逾期视为放弃申请。',
  '本平台不会以任何理由要求您缴纳保证金或共享屏幕,谨防诈骗。',
];

export function policyPage(ctx: PageContext): BuiltPage {
  const { rng, style } = ctx;
  const site = rng.pick(SITES);
  const effective = { y: ctx.capture.y, mo: rng.int(1, Math.max(1, ctx.capture.mo - 1)), d: rng.int(1, 28), h: 0, mi: 0, s: 0 };
  const title = rng.pick(['退款规则', '售后政策', '用户服务协议']);
  const rules = RULES.slice(0, rng.int(4, RULES.length)).map((r, i) => `<p style="line-height:24px;margin:8px 0">第${'一二三四五六'[i]}条 ${esc(r)}</p>`);
  const body = `${statusBar(style)}${browserBar(`m.${rng.pick(['xckm', 'jzkm'])}.com/help/refund`, style.theme)}
  <div style="padding:14px 16px;font-size:19px;font-weight:700">${esc(site)} ${esc(title)}</div>
  <div class="card t" style="font-size:14px">${rules.join('')}
    <p class="muted" style="margin-top:14px">本规则自${effective.y}年${effective.mo}月${effective.d}日起生效。</p></div>
  <div class="card muted" style="font-size:12px">客服QQ:${qqNumber(rng)} &nbsp; 工作时间 09:00-23:00</div>`;
  return {
    slug: 'kameng-policy',
    html: body,
    tags: ['policy', 'qq'],
    truth: {
      platform: 'kameng',
      kind: 'policy',
      orderNumbers: [],
      transactionIds: [],
      // The date on screen has no time: scan's timestamps are date-times only (see toScanJson), and
      // inventing 00:00 would be a false timestamp, so the truth lists none.
      timestamps: [],
      amount: null,
      scam: false,
    },
  };
}
