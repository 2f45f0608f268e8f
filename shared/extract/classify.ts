// Which app a screenshot came from and what kind of evidence it is, from keyword weights. The
// weights are data so they can be tuned against the fixture corpus without touching the logic.

import type { ExtractKind, ExtractPlatform } from './types';

type Weights = ReadonlyArray<readonly [RegExp, number]>;

const SHOP_PLATFORMS: ReadonlyArray<readonly [ExtractPlatform, Weights]> = [
  // Only Tmall shops are called 旗舰店/专卖店 on an order page (JD and Douyin ones name their app too).
  ['tmall', [[/天猫/, 4], [/tmall/i, 3], [/猫超/, 3], [/旗舰店|专卖店/, 2]]],
  ['taobao', [[/淘宝网|手机淘宝|淘宝/, 3], [/88VIP/i, 2], [/旺旺/, 2], [/淘金币|闲鱼/, 1]]],
  ['jd', [[/京东/, 4], [/(?<![A-Za-z])JD(?![A-Za-z0-9])|JD\.com/i, 2], [/京豆|京喜|PLUS会员/, 2]]],
  ['pdd', [[/拼多多/, 4], [/多多(?:买菜|支付|果园|视频)|拼单|百亿补贴/, 2]]],
  // 抖 is rare enough that 抖 + any misread character + 商城/支付/小店 still names the app.
  ['douyin', [[/抖音|抖店/, 4], [/抖.(?:商城|支付|小店|电商)/, 3], [/巨量|小黄车/, 1]]],
  ['kameng', [[/卡盟|发卡网|发卡平台/, 4], [/卡密|提卡|自动发卡/, 3], [/发卡|自动发货|激活码|兑换码|点卡/, 1]]],
];
/**
 * 点卡 / 兑换码 are sold on every shop too: below this a 卡盟 guess is only the goods talking. A 卡盟
 * page names itself (卡盟, 发卡网) or shows 卡密 / 提卡.
 */
const KAMENG_MIN = 3;

const PAY_PLATFORMS: ReadonlyArray<readonly [ExtractPlatform, Weights]> = [
  ['alipay', [[/支付宝/, 3], [/花呗|余额宝|蚂蚁|收款方全称|商家订单号|账单分类/, 2], [/商品说明|收款方|付款成功|(?<!支付宝)交易号|创建时间/, 1]]],
  ['wechatpay', [[/微信支付/, 4], [/交易单号|商户单号|商户全称|零钱通?|当前状态/, 2]]],
];

/** The shops' own wallets: their bills belong to the shop, since the contract has no wallet platforms. */
const WALLETS: ReadonlyArray<readonly [ExtractPlatform, Weights]> = [
  ['jd', [[/京东支付|京东金融|京东钱包/, 4]]],
  ['douyin', [[/抖音支付|抖音钱包|抖音月付/, 4]]],
  ['pdd', [[/多多钱包|多多支付/, 4]]],
];

const CHAT_APPS: ReadonlyArray<readonly [ExtractPlatform, Weights]> = [
  ['wechat', [[/按住\s?说话|微信/, 2], [/\[(?:语音|表情|动画表情|链接)\]|拍了拍/, 1]]],
  ['qq', [[/(?<![A-Za-z])QQ(?![A-Za-z])/, 2], [/戳一戳|\[QQ红包\]/, 2]]],
];

const KINDS: ReadonlyArray<readonly [ExtractKind, Weights]> = [
  [
    'order',
    [
      [/订单详情|订单信息|交易快照/, 3],
      [/订单编号|订单号/, 2],
      [/实付款|商品总额|应付总额|确认收货|再买一单|申请售后|查看物流|收货地址/, 2],
      [/下单时间|成交时间|发货时间|卡密|提取卡密/, 1],
    ],
  ],
  [
    'payment',
    [
      [/账单详情|交易单号|商户单号|收单机构|账单分类|商户全称|收款方全称|计入收支/, 3],
      [/当前状态|对此订单有疑问|付款方式|支付方式/, 2],
      [/支付成功|交易成功/, 1],
    ],
  ],
  [
    'chat',
    [
      [/按住\s?说话|对方正在输入|撤回了一条消息|以上是打招呼的内容/, 3],
      [/\[(?:图片|语音|表情|视频|文件)\]/, 2],
      [/(?<![\u4e00-\u9fff])发送(?![\u4e00-\u9fff])|客服|亲[,，]|在吗|人工/, 1],
    ],
  ],
  [
    'policy',
    [
      [/退款规则|服务协议|售后政策|用户协议|退换货政策|隐私政策|不支持七天无理由/, 3],
      [/七天无理由|第[一二三四五六七八九十\d]+条|条款|须知|本协议|规则说明/, 2],
    ],
  ],
];

function score(text: string, weights: Weights): number {
  return weights.reduce((sum, [re, w]) => sum + (re.test(text) ? w : 0), 0);
}

function best(text: string, table: ReadonlyArray<readonly [ExtractPlatform, Weights]>): { platform: ExtractPlatform; score: number } | null {
  const ranked = table.map(([platform, w]) => ({ platform, score: score(text, w) })).sort((a, b) => b.score - a.score);
  const top = ranked[0];
  return top && top.score > 0 ? top : null;
}

/** Lines that are nothing but a chat time separator: "14:02", "昨天 21:15", "星期三 下午3:05". */
const STAMP_LINE = /^(?:昨天|前天|今天|(?:星期|周)[一二三四五六日天]|\d{1,2}月\d{1,2}日)?\s?(?:凌晨|早上|上午|中午|下午|晚上)?\s?\d{1,2}:\d{2}$/;

/** Words of conversation, not of a form: particles, replies and questions. */
const TALK = /[吗呢吧啊哦嗯呀啦哈嘛]|好的|谢谢|收到|可以|麻烦|请问|怎么|什么|为什么|没有|不是|已经|我们|你们|您/;
/** A sender's name: a few letters or characters, no digits or punctuation. */
const NAME_LINE = /^[\u4e00-\u9fffA-Za-z]{1,6}$/;
/** What a form line holds and a chat line rarely does: a label with a colon, money, a long number. */
const FORM_LINE = /[\u4e00-\u9fff][:：]|[¥￥]|\d{8,}|订单|编号|金额|运费|合计|收货|物流|账单|交易|商户|付款方式|支付方式/;

/**
 * A chat by its shape, for real chats that show none of the template cues (按住说话, 客服, 亲): most
 * lines short and free of form labels, time separators between them ("14:02", "昨天 21:15"; the
 * first line is left out, as it is the phone's status bar), and conversational words.
 */
function chatShape(lines: readonly string[]): number {
  const body = lines.map((l) => l.trim()).filter((l) => l !== '');
  if (body.length < 4) return 0;
  const stamps = body.filter((l, i) => i > 0 && STAMP_LINE.test(l)).length;
  const rest = body.filter((l) => !STAMP_LINE.test(l));
  const talk = rest.filter((l) => l.length <= 40 && !FORM_LINE.test(l));
  if (talk.length < 0.6 * rest.length) return 0;
  const chatty = talk.filter((l) => TALK.test(l)).length;
  // A group chat: a sender's name on its own line, then what they said.
  const named = body.filter((l, i) => NAME_LINE.test(l) && !TALK.test(l) && TALK.test(body[i + 1] ?? '')).length;
  return Math.min(3, (stamps >= 1 ? 1 : 0) + (chatty >= 2 ? 1 : 0) + (chatty >= 4 ? 1 : 0) + (named >= 2 ? 1 : 0));
}

/** Payment success pages named no wallet: a success word, money, and a trade number or payment time. */
const PAID = /付款成功|支付成功|交易成功|转账成功|已支付|已付款/;
const PAID_MONEY = /[¥￥][ ]?\d|^[-−+]?[ ]?\d{1,3}(?:,\d{3})*\.\d{2}$|\d\.\d{2}元/m;
const PAID_DETAIL = /交易号|交易单号|流水号|商户单号|商家订单号|收款方|付款时间|支付时间|交易时间/;
/** An order page has these, and says 交易成功 and shows a 支付时间 too. */
const ORDER_PAGE = /实付款|商品总额|订单编号|确认收货|收货地址|运费|再买一单|申请售后/;

function paymentShape(text: string): number {
  return PAID.test(text) && PAID_MONEY.test(text) && PAID_DETAIL.test(text) && !ORDER_PAGE.test(text) ? 2 : 0;
}

export function classifyKind(text: string): ExtractKind {
  const lines = text.split('\n');
  const stampLines = lines.filter((l) => STAMP_LINE.test(l.trim())).length;
  const shape = chatShape(lines);
  const scores = KINDS.map(([kind, w]) => ({
    kind,
    score: score(text, w) + (kind === 'chat' ? Math.max(stampLines >= 3 ? 3 : stampLines >= 2 ? 2 : 0, shape) : kind === 'payment' ? paymentShape(text) : 0),
  }));
  const top = scores.sort((a, b) => b.score - a.score)[0];
  return top && top.score >= 2 ? top.kind : 'other';
}

export interface Classification {
  platform: ExtractPlatform;
  kind: ExtractKind;
}

/**
 * A bill shows the payment app; a chat shows the messaging app when it can be told apart; any other
 * page belongs to the shop. A Taobao order page mentions 支付宝交易号, so payment platforms only win
 * on payment pages or when no shop is named.
 */
/** Taobao and Tmall order pages show a 支付宝交易号; Alipay's own bill calls it 订单号 / 交易号. */
const TAOBAO_TRADE_LABEL = /支付宝交易号/;

function shopPlatform(text: string, kind: ExtractKind): { platform: ExtractPlatform; score: number } | null {
  const ranked = SHOP_PLATFORMS.map(([platform, w]) => ({ platform, score: score(text, w) }))
    .filter((r) => r.score > 0 && (r.platform !== 'kameng' || r.score >= KAMENG_MIN))
    .sort((a, b) => b.score - a.score);
  const top = ranked[0] ?? null;
  // With the header line lost, an order page with an Alipay trade number is still the shop's page.
  if (kind !== 'payment' && kind !== 'chat' && TAOBAO_TRADE_LABEL.test(text) && (top === null || (top.score < 3 && top.platform !== 'tmall' && top.platform !== 'taobao'))) {
    return { platform: 'taobao', score: 3 };
  }
  return top;
}

export function classifyPage(text: string): Classification {
  const kind = classifyKind(text);
  const shop = shopPlatform(text, kind);
  const pay = best(text, PAY_PLATFORMS);
  const chat = best(text, CHAT_APPS);
  let platform: ExtractPlatform;
  if (kind === 'payment') {
    const wallet = best(text, WALLETS);
    // 零钱 or 付款方式 alone do not make a 京东支付 bill a WeChat Pay one; 支付宝 / 微信支付 named outright do.
    platform = (wallet && (!pay || pay.score < wallet.score) ? wallet.platform : pay?.platform) ?? shop?.platform ?? 'unknown';
  }
  else if (kind === 'chat') platform = chat?.platform ?? shop?.platform ?? 'unknown';
  else platform = shop?.platform ?? pay?.platform ?? 'unknown';
  return { platform, kind };
}
