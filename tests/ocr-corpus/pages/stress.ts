// Page families for the stress set (../stress.ts) that the corpus never had: PC-width web tables
// whose labels sit in a header row above the values (卡盟 shop order lists, 发卡网 order lookups),
// and a paper till receipt (photographed later by the stress post-processing).
import { esc } from '../html';
import { addMinutes, cardCode, hms, iso, kamengOrder, money, qqNumber, taobaoOrder, ymd } from '../ids';
import type { BuiltPage, PageContext } from '../truth';

const SITES = ['星辰卡盟', '易发卡', '云商发卡网', '九州卡盟', '优选发卡'];
const GOODS = ['王者荣耀点券 100元', 'Steam充值卡 50元', '网易云音乐黑胶VIP 年卡', 'Office365 家庭版 1年', 'Apple充值卡 100元', '爱奇艺黄金VIP 月卡'];

const PC_CSS = `<style>
  .pc { font-family: 'Liberation Sans', 'Noto Sans CJK SC', sans-serif; background:#f5f6f8; min-height:100vh; }
  .pc .top { background:#2d3a4b; color:#fff; padding:14px 32px; font-size:20px; font-weight:700; display:flex; justify-content:space-between; }
  .pc .top span { font-size:13px; font-weight:400; opacity:.8 }
  .pc .box { background:#fff; margin:20px 32px; border:1px solid #e3e6ea; border-radius:4px; padding:16px 20px; }
  .pc table { border-collapse:collapse; width:100%; font-size:14px; }
  .pc th { background:#f0f2f5; color:#555; font-weight:600; text-align:left; padding:10px 12px; border-bottom:1px solid #e3e6ea; }
  .pc td { padding:12px; border-bottom:1px solid #eef0f3; color:#222; }
  .pc .tag { color:#fff; background:#52c41a; border-radius:3px; padding:2px 8px; font-size:12px; }
  .pc .red { color:#e4393c; font-weight:600; }
</style>`;

/** A 卡盟 shop's "我的订单" list at desktop width: one header row, then one row per order. */
export function pcOrderTable(ctx: PageContext): BuiltPage {
  const { rng, capture } = ctx;
  const site = rng.pick(SITES);
  const created = addMinutes({ ...capture, s: rng.int(0, 59) }, -rng.int(60, 4000));
  const order = kamengOrder(rng, created);
  const price = money(rng, 10, 400);
  const glued = rng.chance(0.5);
  const goods = rng.pick(GOODS);
  const body = `${PC_CSS}<div class="pc"><div class="top">${esc(site)} 自助下单平台<span>用户中心 | 我的订单 | 退出</span></div>
  <div class="box t"><div style="font-weight:600;margin-bottom:10px">我的订单</div>
  <table><tr><th>订单号</th><th>商品名称</th><th>金额</th><th>下单时间</th><th>状态</th></tr>
  <tr><td>${esc(order)}${glued ? '' : ' '}</td><td>${esc(goods)}</td><td class="red">${rng.chance(0.5) ? '¥' : ''}${price}</td><td>${ymd(created)} ${hms(created)}</td><td><span class="tag">已发货</span></td></tr></table></div>
  <div class="box" style="font-size:13px;color:#888">客服QQ: ${qqNumber(rng)} · 卡密如有问题请在24小时内联系客服</div></div>`;
  return {
    slug: 'pc-kameng-table',
    html: body,
    tags: ['pc', 'table', 'header-row'],
    truth: { platform: 'kameng', kind: 'order', orderNumbers: [order], transactionIds: [], timestamps: [iso(created)], amount: price, scam: false },
  };
}

/** A 发卡网 order lookup result at desktop width: labels in a header row, values below, then the 卡密. */
export function fakaLookup(ctx: PageContext): BuiltPage {
  const { rng, capture } = ctx;
  const created = addMinutes({ ...capture, s: rng.int(0, 59) }, -rng.int(30, 3000));
  const paid = addMinutes(created, 1);
  const order = kamengOrder(rng, created);
  const price = money(rng, 5, 300);
  const body = `${PC_CSS}<div class="pc"><div class="top">${esc(rng.pick(SITES))} · 订单查询<span>查询订单 | 联系客服</span></div>
  <div class="box t"><div style="margin-bottom:10px">查询结果(共1条)</div>
  <table><tr><th>订单编号</th><th>商品</th><th>数量</th><th>实付金额</th><th>创建时间</th><th>支付时间</th></tr>
  <tr><td>${esc(order)}</td><td>${esc(rng.pick(GOODS))}</td><td>1</td><td class="red">${price}元</td><td>${ymd(created)} ${hms(created)}</td><td>${ymd(paid)} ${hms(paid)}</td></tr></table></div>
  <div class="box"><div style="font-weight:600;margin-bottom:8px">卡密</div><div style="font-family:monospace">${cardCode(rng)}</div></div></div>`;
  return {
    slug: 'pc-faka-lookup',
    html: body,
    tags: ['pc', 'table', 'header-row', 'card-codes'],
    truth: { platform: 'kameng', kind: 'order', orderNumbers: [order], transactionIds: [], timestamps: [iso(created), iso(paid)], amount: price, scam: false },
  };
}

/** A supermarket till receipt (printed, narrow, monospace), to be photographed by the post step. */
export function paperReceipt(ctx: PageContext): BuiltPage {
  const { rng, capture } = ctx;
  const at = addMinutes({ ...capture, s: rng.int(0, 59) }, -rng.int(60, 3000));
  const order = taobaoOrder(rng);
  const lines = Array.from({ length: rng.int(3, 6) }, () => ({ name: rng.pick(['矿泉水550ml', '抽纸3包', '牛奶250ml', '面包', '洗衣液2kg', '苹果1kg']), price: money(rng, 2, 60) }));
  const total = lines.reduce((s, l) => s + Number(l.price), 0).toFixed(2);
  const body = `<div style="background:#fdfcf7;width:100%;min-height:100vh;padding:28px 26px;font-family:'DejaVu Sans Mono','Noto Sans CJK SC',monospace;font-size:15px;color:#262626;line-height:26px" class="t">
  <div style="text-align:center;font-size:20px;font-weight:700">${esc(rng.pick(['惠民超市', '家家乐便利店', '盒马鲜生']))}</div>
  <div style="text-align:center">欢迎光临</div><div>--------------------------------</div>
  <div>单号:${esc(order)}</div><div>时间:${ymd(at)} ${hms(at)}</div><div>收银员:${rng.int(1, 30)}号</div><div>--------------------------------</div>
  ${lines.map((l) => `<div style="display:flex;justify-content:space-between"><span>${esc(l.name)}</span><span>${l.price}</span></div>`).join('')}
  <div>--------------------------------</div>
  <div style="display:flex;justify-content:space-between;font-weight:700"><span>合计</span><span>¥${total}</span></div>
  <div>支付方式:微信支付</div><div style="text-align:center;margin-top:10px">谢谢惠顾 请保留小票</div></div>`;
  return {
    slug: 'paper-receipt',
    html: body,
    tags: ['paper', 'receipt'],
    truth: { platform: 'unknown', kind: 'other', orderNumbers: [order], transactionIds: [], timestamps: [iso(at)], amount: total, scam: false },
  };
}
