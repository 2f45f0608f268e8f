// Bill details of Alipay and WeChat Pay: one big "-149.90" line, then a column of labelled rows with
// the 28-digit transaction id and the shop's own order number.
import type { RowLayout } from '../html';
import { esc, navBar, row, statusBar } from '../html';
import type { Wall } from '../ids';
import { addMinutes, alipayTradeNo, hms, iso, merchantOrder, money, taobaoOrder, wechatTransactionId, ymd } from '../ids';
import type { BuiltPage, PageContext } from '../truth';

const MERCHANTS = ['星辰数码专营店', '杭州云图网络科技有限公司', '美团外卖', '京东商城平台商户', '拼多多平台商户', '滴滴出行'];
const GOODS = ['XX游戏点卡 100元', '爱奇艺VIP会员', '数码配件', '生活日用品'];

function paidAt(ctx: PageContext): Wall {
  return addMinutes({ ...ctx.capture, s: ctx.rng.int(0, 59) }, -ctx.rng.int(60, 20000));
}

function header(merchant: string, amount: string, status: string, logo: string): string {
  return `<div style="text-align:center;padding:22px 0 14px">
    <div style="width:44px;height:44px;border-radius:22px;background:${logo};margin:0 auto 8px"></div>
    <div style="font-size:15px">${esc(merchant)}</div>
    <div style="font-size:34px;font-weight:600;margin:8px 0;font-family:'DejaVu Sans','Noto Sans CJK SC'">-${amount}</div>
    <div class="muted" style="font-size:13px">${esc(status)}</div></div>`;
}

export function alipayBill(ctx: PageContext): BuiltPage {
  const { rng, style } = ctx;
  const at = paidAt(ctx);
  const amount = money(rng, 5, 800);
  const tradeNo = alipayTradeNo(rng, at);
  const merchantNo = rng.chance(0.5) ? `T200P${taobaoOrder(rng)}` : merchantOrder(rng);
  const layout: RowLayout = rng.pick<RowLayout>(['split', 'right']);
  const created = addMinutes(at, -rng.int(0, 1));
  const rows = [
    row(layout, '支付时间', `${ymd(at)} ${hms(at)}`),
    row(layout, '付款方式', rng.pick(['花呗', '余额宝', '招商银行信用卡(1234)', '账户余额'])),
    row(layout, '商品说明', rng.pick(GOODS)),
    row(layout, '收款方全称', rng.pick(MERCHANTS)),
    row(layout, '创建时间', `${ymd(created)} ${hms(created)}`),
    row(layout, '订单号', tradeNo),
    row(layout, '商家订单号', merchantNo, true),
  ];
  const body = `${statusBar(style)}${navBar('账单详情')}${header(rng.pick(MERCHANTS), amount, '交易成功', '#1677ff')}
  <div class="card t">${rows.join('')}</div>
  <div class="card">${row('right', '账单分类', rng.pick(['数码电器', '日用百货', '充值缴费']) + ' ›')}${row('right', '标签和备注', '添加 ›')}</div>
  <div class="card" style="text-align:center;color:#1677ff;line-height:30px">对此订单有疑问</div>`;
  return {
    slug: 'alipay-bill',
    html: body,
    tags: [`layout-${layout}`, 'bill-minus'],
    truth: {
      platform: 'alipay',
      kind: 'payment',
      orderNumbers: [merchantNo],
      transactionIds: [tradeNo],
      timestamps: [iso(at), iso(created)].filter((v, i, all) => all.indexOf(v) === i),
      amount,
      scam: false,
    },
  };
}

export function wechatPayBill(ctx: PageContext): BuiltPage {
  const { rng, style } = ctx;
  const at = paidAt(ctx);
  const amount = money(rng, 5, 800);
  const txId = wechatTransactionId(rng, at);
  const merchantNo = rng.chance(0.5) ? merchantOrder(rng) : `${ymd(at, '')}${rng.digits(12)}`;
  const chinese = `${at.y}年${at.mo}月${at.d}日 ${hms(at)}`;
  const rows = [
    row('split', '当前状态', rng.pick(['支付成功', '已全额退款', '对方已收钱'])),
    row('split', '支付时间', rng.chance(0.7) ? chinese : `${ymd(at)} ${hms(at)}`),
    row('split', '商品', rng.pick(GOODS)),
    row('split', '商户全称', rng.pick(MERCHANTS)),
    row('split', '收单机构', '财付通支付科技有限公司'),
    row('split', '支付方式', rng.pick(['零钱', '零钱通', '招商银行储蓄卡(5678)'])),
    row('split', '交易单号', txId),
    row('split', '商户单号', merchantNo),
  ];
  const body = `${statusBar(style)}${navBar('账单详情', '')}${header(rng.pick(MERCHANTS), amount, '', '#07c160')}
  <div class="card t">${rows.join('')}</div>
  <div class="card">${row('right', '账单服务', '')}${row('right', '对订单有疑惑', '›')}${row('right', '在此商户的交易', '›')}</div>
  <div class="faint" style="text-align:center;font-size:12px;margin-top:8px">本服务由财付通提供 · 微信支付</div>`;
  return {
    slug: 'wechatpay-bill',
    html: body,
    tags: ['bill-minus', body.includes(chinese) ? 'chinese-date' : 'numeric-date'],
    truth: {
      platform: 'wechatpay',
      kind: 'payment',
      orderNumbers: [merchantNo],
      transactionIds: [txId],
      timestamps: [iso(at)],
      amount,
      scam: false,
    },
  };
}
