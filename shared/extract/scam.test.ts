import { describe, expect, it } from 'vitest';
import { cleanOcrText } from './cleanup';
import { detectScam } from './scam';
import type { ScamSignalId } from './types';

// Each sentence is one chat message; every one must flag on its own, with the signal listed.
const SCAMS: Array<[string, ScamSignalId]> = [
  ['您好，您的退款通道已被冻结，需要先缴纳500元保证金才能解冻', 'deposit'],
  ['请您先交一下保证金，确认后全额退还', 'deposit'],
  ['保证金到账之后系统才能给您退款', 'deposit'],
  ['您的账户异常，退款需要激活，请按照我的指引操作', 'activate-refund'],
  ['退款通道异常，需要重新开通退款通道', 'activate-refund'],
  ['资金已经冻结了，要解冻才能退给您', 'unfreeze'],
  ['请您先支付200元手续费，手续费会和货款一起原路退回', 'upfront-fee'],
  ['解冻费交了才能到账', 'upfront-fee'],
  ['为了核实您的身份，请打开共享屏幕', 'screen-share'],
  ['请在屏幕共享状态下打开支付宝', 'screen-share'],
  ['麻烦您下载一个腾讯会议，我给您发会议号', 'meeting-app'],
  ['输入会议号进入会议室，我一步步教您', 'meeting-app'],
  ['请您配合做一下人脸识别，验证成功后退款立即到账', 'face-scan'],
  ['跟着我的步骤操作刷脸，退款马上到账', 'face-scan'],
  ['您手机会收到一条验证码，收到后告诉我', 'sms-code'],
  ['把支付宝发给您的验证码截图给我', 'sms-code'],
  ['验证码报一下，我这边帮你操作退款', 'sms-code'],
  ['请提供一下您的银行卡号和预留手机号，我们给您办理退款', 'bank-card'],
  ['麻烦告诉我您的银行卡密码，系统需要验证', 'bank-card'],
  ['您可以在支付宝里开通备用金，把备用金转到指定账户就能退款', 'reserve-fund'],
  ['您在京东开通了金条借款，需要先去申请贷款验证您的还款能力', 'loan'],
  ['您的芝麻信用分不足，无法走退款流程', 'credit-score'],
  ['如果不处理的话，会影响您的征信', 'credit-score'],
  ['亲，这边需要您私下加我QQ处理，平台处理太慢了', 'private-contact'],
  ['您的快递丢失了，请添加我的微信办理理赔', 'private-contact'],
  ['扫描下方二维码即可领取退款', 'qr-refund'],
  ['点击这个链接填写信息就可以领取理赔金', 'qr-refund'],
  ['商品存在质量问题，我们将为您办理三倍赔偿', 'compensation'],
  ['为您办理退税，请提供银行卡号', 'compensation'],
  ['您之前误开通了抖音百万保障服务，不取消的话每月会扣费500元', 'vip-cancel'],
  ['您的会员代理身份如果不取消，将每月自动扣除800元', 'vip-cancel'],
  ['需要您先关闭免密支付，不然还会继续扣款', 'passwordless'],
  ['请将资金转入安全账户进行资金核查', 'safe-account'],
  ['打开钉钉，加入视频会议，点击屏幕共享', 'screen-share'],
  ['您需要下载一个叫"云视讯"的会议软件', 'meeting-app'],
  ['我这边给您发一个退款链接，点击填写就行', 'qr-refund'],
  ['您的百万医疗保险即将扣费，需要取消的话加我微信', 'vip-cancel'],
  ['需要验证您的还款能力，请在借呗借出5000元', 'loan'],
  ['在备用金里借500，然后转给我们验证', 'reserve-fund'],
  ['支付宝会给您发送验证码，请把验证码告诉客服', 'sms-code'],
  ['您的订单出现异常，需要缴纳认证费才能退款', 'upfront-fee'],
  ['请打开支付宝扫一扫，扫描我发的码领取赔偿', 'qr-refund'],
  ['您好，您购买的商品有质量问题，我们给您三倍赔付', 'compensation'],
  ['共享屏幕不会泄露您的隐私，请放心操作', 'screen-share'],
];

// Ordinary after-sale talk, the buyer's own troubles, shop badges and anti-fraud notices.
const ORDINARY: string[] = [
  '已为您提交退款申请,1-3个工作日原路退回',
  '亲，请提供一下订单号',
  '您好，请问有什么可以帮您？',
  '退款已原路退回到您的支付宝余额，请注意查收',
  '卡密已激活未使用的，需扣除20%手续费后退款',
  '已激活的卡密不支持退款',
  '本店已缴纳消费者保障保证金，请放心购买',
  '保证金是商家缴纳的，和您无关',
  '我收不到验证码，登录不了淘宝',
  '登录时需要输入手机验证码',
  '平台不会以任何理由向您收取保证金或手续费',
  '请勿向任何人透露验证码，客服不会索要',
  '谨防诈骗：任何要求共享屏幕的都是骗子',
  '如遇自称客服要求下载会议软件的，请立即挂断',
  '平台提醒：客服不会要求您共享屏幕或下载会议软件',
  '请拍一下商品破损的照片发给我们',
  '卡密提示已被使用，麻烦提供一下卡号和卡密截图',
  '您的快递已签收，如有问题请联系客服',
  '商家同意退款，款项将在24小时内退回',
  '亲，这款商品支持七天无理由退货哦',
  '退货地址已发送，请在7天内寄回',
  '花呗分期的订单退款后分期会自动取消',
  '开通88VIP会员可享受95折优惠',
  '请用手机扫码付款',
  '冷冻食品请解冻后食用',
  '退款不需要任何手续费，请放心',
  '您好，您的订单已发货，运单号SF1234567890',
  '我已经关闭免密支付了',
  '这个游戏账号登录需要人脸识别吗',
  '根据消保法，我要求退一赔三',
  '我要求三倍赔偿',
  '如果快递丢件，可以在平台申请理赔',
  '会不会影响征信啊？',
  '请输入支付密码完成付款',
  '亲，可以加一下我们的售后微信，发照片给我们看看',
  '麻烦您把卡密截图发给我们核实一下',
  '您的账号密码我们不会索要',
  '验证码已发送至您的手机',
  '亲，充值需要提供游戏账号和区服',
  '保证金退还规则请看店铺公告',
  '运费险理赔会自动到账',
  '扫码关注店铺领优惠券',
  '这个会员是自动续费的，您可以在设置里取消',
  '请不要相信任何私下加微信的人',
  '您好，快递丢件我们会给您补发或者退款',
];

describe('detectScam on single messages', () => {
  it('has a large table', () => {
    expect(SCAMS.length).toBeGreaterThanOrEqual(25);
    expect(ORDINARY.length).toBeGreaterThanOrEqual(25);
  });

  it.each(SCAMS)('flags: %s', (text, id) => {
    const result = detectScam([{ text }]);
    expect(result.scam).toBe(true);
    expect(result.signals.map((s) => s.id)).toContain(id);
  });

  it.each(ORDINARY)('does not flag: %s', (text) => {
    expect(detectScam([{ text }]).scam).toBe(false);
  });
});

describe('detectScam rules', () => {
  it('one weak word does not flag, two different ones do', () => {
    expect(detectScam([{ text: '保证金的事您考虑一下' }]).scam).toBe(false);
    const two = detectScam([{ text: '保证金的事您考虑一下' }, { text: '方便的话加我微信' }]);
    expect(two.scam).toBe(true);
    expect(two.signals.map((s) => [s.id, s.strength, s.messageIndex])).toEqual([
      ['deposit', 'weak', 0],
      ['private-contact', 'weak', 1],
    ]);
  });

  it('weak words far apart in a long chat do not add up', () => {
    const filler = Array.from({ length: 8 }, () => ({ text: '好的' }));
    expect(detectScam([{ text: '保证金的事您考虑一下' }, ...filler, { text: '方便的话加我微信' }]).scam).toBe(false);
  });

  it('the same weak word twice is still one signal', () => {
    expect(detectScam([{ text: '请用手机扫码付款' }, { text: '扫码的时候卡住了' }]).scam).toBe(false);
  });

  it('names the message that triggered it, with an excerpt', () => {
    const result = detectScam([
      { text: '您好，我是抖音客服', index: 4, line: 20 },
      { text: '需要您打开屏幕共享，我来指导您操作', index: 5, line: 23 },
    ]);
    expect(result.signals).toEqual([
      { id: 'screen-share', label: '要求共享屏幕', strength: 'strong', excerpt: '需要您打开屏幕共享，我来指导您操作', messageIndex: 5, line: 23 },
    ]);
  });

  it('joins a multi-line message before matching', () => {
    expect(detectScam([{ text: '请您先缴纳保证\n金，才能退款' }]).scam).toBe(true);
  });
});

describe('detectScam on OCR text', () => {
  it('reports the line of a WeChat screenshot', () => {
    const ocr = cleanOcrText(['12:03 5G', '< 理 赔 专 员', '昨 天 21:15', '您 的 快 递 丢 件 了', '请 您 下 载 钉 钉 会 议', '按 住 说 话'].join('\n'));
    const result = detectScam(ocr);
    expect(result.scam).toBe(true);
    expect(result.signals.find((s) => s.strength === 'strong')).toMatchObject({ id: 'meeting-app', line: 5 });
    expect(result.signals.find((s) => s.id === 'compensation')).toMatchObject({ strength: 'weak', line: 2 });
  });

  it('catches a signal word split by bubble wrapping', () => {
    const ocr = cleanOcrText(['为 了 保 障 您 的 资 金 安 全 ， 请 您 先 缴 纳 保 证', '金 500 元 , 才 能 退 款'].join('\n'));
    expect(detectScam(ocr)).toMatchObject({ scam: true, signals: [{ id: 'deposit', line: 1 }] });
  });

  it('does not join unrelated lines', () => {
    const ocr = ['亲，请提供一下订单号', '验证码收不到怎么办'].join('\n');
    expect(detectScam(ocr).scam).toBe(false);
  });

  it('leaves an ordinary after-sale chat alone', () => {
    const ocr = cleanOcrText(
      ['12:03 5G 86%', '< 店 铺 客 服', '昨 天 14:02', '亲 ， 请 提 供 一 下 订 单 号', '3789654123456789012', '14:10', '已 为 您 提 交 退 款 申 请 , 1-3 个 工 作 日 原 路 退 回', '好 的 谢 谢'].join('\n'),
    );
    expect(detectScam(ocr)).toEqual({ scam: false, signals: [] });
  });
});

describe('clause verdicts are per pattern', () => {
  it('a negation after one pattern\'s hit does not cancel another pattern\'s earlier hit in the clause', () => {
    // meeting-app has two strong patterns. The second (加入…会议室) hits first; the first (下载…会议)
    // hits later, after 不要. Judging the later hit must not rule out the earlier one.
    const result = detectScam('请加入会议室3321然后不要下载会议软件');
    expect(result.signals).toContainEqual(expect.objectContaining({ id: 'meeting-app', strength: 'strong' }));
  });
});

// Issue 11: a group-chat advert (加微信 + 扫二维码 + 不满意可以退货) raised a false alarm on a real
// screenshot. The two words are weak on their own; together they flag only next to refund talk.
describe('adverts are not refund scams', () => {
  const ADVERT = ['【好物团购群】(268)', '群主小丽', '今日特价：纯棉四件套 仅需99元', '有意向的加微信 ljx20261118 详聊', '扫二维码进群，每天都有新品', '不满意可以退货，放心购买', '[图片]'].join('\n');

  it('an advert with 加微信, 扫二维码 and a returns promise does not flag', () => {
    expect(detectScam(ADVERT).scam).toBe(false);
    expect(detectScam(ADVERT.split('\n').map((text) => ({ text }))).scam).toBe(false);
  });

  it('the same two words next to a lost parcel and a refund still flag', () => {
    const scam = ['您好，我是快递公司的', '您的包裹在运输中丢失了', '方便的话加我微信', '扫一下这个二维码'].join('\n');
    expect(detectScam(scam).scam).toBe(true);
  });

  it('an advert promising refunds still flags when it asks for a scan to get the refund', () => {
    expect(detectScam(`${ADVERT}\n扫码即可领取退款`).scam).toBe(true);
  });

  it('other weak pairs are unchanged', () => {
    expect(detectScam([{ text: '保证金的事您考虑一下' }, { text: '有意向的加微信详聊' }]).scam).toBe(true);
  });
});
