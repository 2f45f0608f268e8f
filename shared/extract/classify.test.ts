import { describe, expect, it } from 'vitest';
import { classifyPage } from './classify';
import { cleanOcrText } from './cleanup';
import type { ExtractKind, ExtractPlatform } from './types';

const page = (...lines: string[]): string => cleanOcrText(lines.join('\n'));

const cases: Array<[string, string, ExtractPlatform, ExtractKind]> = [
  [
    'Taobao order detail',
    page('10:41 5G', '< 订 单 详 情', '交 易 成 功', '淘 宝 网', '实 付 款 ¥ 149.90', '订 单 编 号 : 3789654123456789012', '支 付 宝 交 易 号 : 2026111522001456781234567890', '确 认 收 货'),
    'taobao',
    'order',
  ],
  ['Tmall order detail', page('订单详情', '天猫超市', '实付款 ¥45.90', '订单编号: 3789654123456789012', '88VIP 已省 ¥2.30'), 'tmall', 'order'],
  ['JD order detail', page('订 单 详 情', '京 东 自 营', '应 付 总 额 ¥ 149.90', '订 单 编 号 : 298765432101', '京 豆 抵 扣'), 'jd', 'order'],
  ['Pinduoduo order', page('拼 单 成 功', '订 单 编 号 : 251128-123456789012345', '实 付 : ¥ 37.90', '百 亿 补 贴', '申 请 售 后'), 'pdd', 'order'],
  ['Douyin order', page('抖 音 商 城', '订 单 信 息', '订 单 编 号 6923456789012345678', '实 付 款 ¥ 99.00'), 'douyin', 'order'],
  ['卡盟 order query', page('订 单 查 询', '订 单 号 : 202611152031075823', '商 品 : 腾 讯 视 频 VIP 月 卡', '卡 密 : 8H3K-2M9Q-X7WP-4TZL', '自 动 发 货'), 'kameng', 'order'],
  [
    'Alipay bill detail',
    page('账 单 详 情', '淘 宝 ( 中 国 ) 软 件 有 限 公 司', '-149.90', '交 易 成 功', '付 款 方 式 花 呗', '商 品 说 明 罗 技 鼠 标', '收 款 方 全 称 浙 江 天 猫 网 络 有 限 公 司', '订 单 号 2026111522001456781234567890', '商 家 订 单 号 T200P3789654123456789012', '账 单 分 类 日 用 百 货'),
    'alipay',
    'payment',
  ],
  [
    'WeChat Pay bill detail',
    page('账 单 详 情', '京 东 商 城 平 台 商 户', '-149.90', '当 前 状 态 支 付 成 功', '支 付 时 间 2026年11月15日 20:31:15', '支 付 方 式 零 钱', '交 易 单 号 4200002345202611151234567890', '商 户 单 号 298765432101'),
    'wechatpay',
    'payment',
  ],
  [
    'WeChat chat with a scammer',
    page('12:03 5G 86%', '< 理 赔 专 员', '昨 天 21:15', '您 好 ， 您 的 快 递 丢 件 了', '星 期 一 10:02', '[图 片]', '下 午 3:05', '加 我 微 信 办 理 理 赔', '按 住 说 话'),
    'wechat',
    'chat',
  ],
  ['QQ chat', page('QQ', '客服小王', '14:02', '在吗', '14:05', '[图片]', '14:06', '亲，卡密已补发', '发送'), 'qq', 'chat'],
  [
    'Taobao customer-service chat',
    page('淘宝 旺旺', '店铺客服', '昨天 14:02', '亲，请提供一下订单号', '昨天 14:05', '3789654123456789012', '14:10', '已为您提交退款申请', '发送'),
    'taobao',
    'chat',
  ],
  ['chat of unknown app', page('客服', '10:01', '在吗', '10:02', '东西坏了', '10:05', '[图片]'), 'unknown', 'chat'],
  [
    'shop refund policy',
    page('售 后 政 策', '1 . 虚 拟 商 品 不 支 持 七 天 无 理 由 退 货', '2 . 卡 密 一 经 售 出 概 不 退 换', '3 . 本 协 议 解 释 权 归 本 店 所 有', '发 卡 网'),
    'kameng',
    'policy',
  ],
  ['platform service agreement', page('淘宝平台服务协议', '第一条 总则', '第二条 账户注册'), 'taobao', 'policy'],
  [
    'Taobao order whose header line OCR lost: the 支付宝交易号 does not make it an Alipay page',
    page('订单详情', '交易成功', '实付款 ¥409.30', '订单编号 2828916233381979508 复制', '支付宝交易号 2026102422001468754400441860', '创建时间 2026-10-24 22:49:55'),
    'taobao',
    'order',
  ],
  [
    'Tmall order with the header lost keeps Tmall from its 旗舰店',
    page('订单详情', '小米官方旗舰店', '实付款 ¥151.99', '订单编号 2213448083457303884', '支付宝交易号 2026101622001031138401431408'),
    'tmall',
    'order',
  ],
  [
    'Taobao order selling a 兑换码 is not a 卡盟 page',
    page('订单详情', '索尼PS5游戏兑换码 数字版 ¥228.50', '实付款 ¥225.00', '订单编号 4325392313767817706', '支付宝交易号 2026101722001407289329048751'),
    'taobao',
    'order',
  ],
  ['Douyin order selling 点卡, 抖音 misread', page('订单详情', '抖肉支付 · 极速退款', 'XX游戏点卡 100元面值 ¥20.90', '实付款 ¥16.90', '订单编号 6983653845346774793'), 'douyin', 'order'],
  ['Douyin order selling 点卡', page('抖音商城', '订单详情', 'XX游戏点卡 100元面值', '实付款 ¥16.90', '订单编号 6983653845346774793'), 'douyin', 'order'],
  ['an Alipay bill is still an Alipay page', page('账单详情', '-149.90', '交易成功', '支付宝交易号 2026111522001456781234567890', '商家订单号 T200P3789654123456789012', '账单分类 日用百货'), 'alipay', 'payment'],
  ['a 卡盟 page selling 点卡 names 卡密', page('订单查询结果', '订单号: 202611152031075823', '商品: 王者荣耀点卡', '卡密: 8H3K-2M9Q-X7WP-4TZL'), 'kameng', 'order'],
  ['京东支付 bill paid from 零钱 is JD, not WeChat Pay', page('交易详情', '京东支付', '交易状态:支付成功', '支付时间:2026-10-05 14:52:41', '付款方式:零钱', '订单编号:368926173099 复制'), 'jd', 'payment'],
  ['抖音支付 bill', page('账单详情', '抖音支付', '交易状态:支付成功', '付款方式:零钱', '订单号:6943611922790098684'), 'douyin', 'payment'],
  ['多多钱包 bill', page('账单详情', '多多钱包', '交易状态:支付成功', '付款方式:招商银行储蓄卡(8821)', '订单编号:261011-281369990492893'), 'pdd', 'payment'],
  ['a WeChat Pay bill for a JD purchase stays WeChat Pay', page('账单详情', '京东商城平台商户', '-149.90', '当前状态 支付成功', '支付方式 零钱', '交易单号 4200002345202611151234567890', '商户单号 298765432101', '微信支付'), 'wechatpay', 'payment'],
  ['unrelated photo text', page('生产日期 2026.11.01', '净含量 500g'), 'unknown', 'other'],
  ['empty page', '', 'unknown', 'other'],
];

describe('classifyPage', () => {
  it.each(cases)('%s', (_name, text, platform, kind) => {
    expect(classifyPage(text)).toEqual({ platform, kind });
  });
});

// Issue 11: real screenshots do not show the template cues; the page's shape has to tell.
describe('classifyPage by structure', () => {
  it.each<[string, string, ExtractPlatform, ExtractKind]>([
    [
      'a private chat with one time separator and no app words',
      page('14:26 5G', '< 李师傅(3)', '11月16日 下午2:05', '师傅明天几点能到', '上午吧，十点左右', '好的，家里有人的', '能不能顺便带个水龙头', '可以，要什么样的', '就普通的那种，谢谢'),
      'unknown',
      'chat',
    ],
    [
      'a group chat: names over messages, no time separator',
      page('相亲相爱一家人(12)', '大姨', '今晚回来吃饭吗', '表哥', '回，大概七点', '妈妈', '好的，我多做两个菜', '小妹', '[捂脸]我加班'),
      'unknown',
      'chat',
    ],
    [
      'a chat with a seller about a parcel, bare HH:mm stamps only once',
      page('20:03', '< 小周数码', '09:15', '耳机左边没声音了', '您好，是哪天收到的呢', '前天收到的', '麻烦拍个视频看看', '好的我拍一下'),
      'unknown',
      'chat',
    ],
    [
      'a payment success page that never writes 支付宝',
      page('付款成功', '-88.00', '收款方 杭州云途科技有限公司', '付款时间 2026-11-18 20:31:15', '交易号 2026111822001456781234567890', '完成'),
      'alipay',
      'payment',
    ],
    [
      'a bank card payment: a payment, no wallet to name',
      page('交易成功', '¥35.00', '商户名称 全家便利店', '交易时间 2026-11-18 08:12:03', '交易流水号 812345678901'),
      'unknown',
      'payment',
    ],
    [
      'an order page that says 交易成功 and shows a 支付时间 stays an order',
      page('交易成功', '罗技G304无线鼠标', '实付款 ¥148.90', '订单编号 3789654123456789012', '支付时间 2026-11-15 20:31:15'),
      'unknown',
      'order',
    ],
    ['a product label with short lines is no chat', page('生产日期 2026.11.01', '净含量 500g', '保质期 12个月', '产地 浙江杭州'), 'unknown', 'other'],
    [
      'a settings page with short lines is no chat',
      page('10:41', '个人信息', '头像', '昵称 小王', '性别 男', '地区 浙江 杭州', '我的二维码'),
      'unknown',
      'other',
    ],
  ])('%s', (_name, text, platform, kind) => {
    expect(classifyPage(text)).toEqual({ platform, kind });
  });
});
