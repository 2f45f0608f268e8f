import { describe, expect, it } from 'vitest';
import { extractAmount, readAmount } from './amount';
import { cleanOcrText } from './cleanup';
import type { ExtractKind } from './types';

const TAOBAO = [
  '< 订 单 详 情',
  '交 易 成 功',
  '罗 技 G304 无 线 鼠 标',
  '¥ 159.00 x1',
  '商 品 总 额 ¥ 159.00',
  '运 费 ¥ 0.00',
  '店 铺 优 惠 - ¥ 10.00',
  '红 包 -¥0.10',
  '实 付 款 # 148.90',
  '订 单 编 号 : 3789654123456789012',
].join('\n');

const JD = ['商品总额 ¥199.00', '运费 +¥6.00', '优惠券 -¥55.10', '应付总额 ¥149.90', '客服电话 400-606-5500'].join('\n');

const PDD = ['拼单成功', '商品金额 ¥ 39.90', '多多支付立减 -¥2.00', '实付:¥37.9', '订单编号: 251128-123456789012345'].join('\n');

const ALIPAY_BILL = ['账单详情', '淘宝(中国)软件有限公司', '-149.90', '交易成功', '支付时间 2026-11-15 20:31:15', '付款方式 花呗'].join('\n');

const WECHAT_BILL = ['微 信 支 付', '京 东 商 城 平 台 商 户', '一149.90', '当 前 状 态 支 付 成 功', '支 付 方 式 零 钱'].join('\n');

const KAMENG = ['商品名称: 腾讯视频VIP月卡', '购买数量: 1', '订单金额: 30.00元', '卡密: 8H3K-2M9Q-X7WP-4TZL'].join('\n');

describe('extractAmount', () => {
  it.each<[string, string, string | null, string | undefined, ExtractKind?]>([
    ['Taobao order: 实付款 beats 商品总额, discounts and shipping', TAOBAO, '148.90', '实付款'],
    ['JD order: 应付总额', JD, '149.90', '应付总额'],
    ['PDD order: 实付 with one decimal', PDD, '37.90', '实付'],
    ['Alipay bill: big negative line', ALIPAY_BILL, '149.90', undefined],
    ['WeChat bill: minus read as 一', WECHAT_BILL, '149.90', undefined],
    ['卡盟 order: 订单金额 in 元', KAMENG, '30.00', '订单金额'],
    ['label alone on the line above', '实付款\n¥149.90', '149.90', '实付款'],
    ['label with a note before the figure', '实付款(含运费) ¥149.90', '149.90', '实付款'],
    ['合计 on a cart page', '共2件 合计:¥299.80 结算', '299.80', '合计'],
    ['支付金额 with thousands separator', '支付金额 ¥1,299.00', '1299.00', '支付金额'],
    ['付款金额 in 元', '付款金额 149.9元', '149.90', '付款金额'],
    ['integer amount after a misread sign', '实付款 #150', '150.00', '实付款'],
    ['fullwidth yuan sign', '实付 ￥88', '88.00', '实付'],
    ['only discount figures: nothing paid is known', '优惠 -¥10.00\n运费 ¥6.00', null, undefined],
    ['single unlabelled figure is taken at low confidence', '腾讯视频VIP月卡\n¥25.00', '25.00', undefined],
    ['several unlabelled figures: no guess', '¥25.00\n¥30.00', null, undefined],
    ['a date is not an amount', '2026-11-15 20:31', null, undefined],
    ['an order number is not an amount', '订单号 3789654123456789012', null, undefined],
    ['¥ read as x, with item and total also misread', '商品总价 x95.10\n运费 ¥0.00\n店铺优惠 -x4.00\n实付款 x91.10\n默认规格 x1', '91.10', '实付款'],
    ['实付款 read as 宝付款', '商品总价 ¥95.10\n宝付款 ¥91.10', '91.10', '实付款'],
    ['支付宝付款 is a payment method, not 实付款', '商品总价 ¥95.10\n支付宝付款 ¥91.10\n合计 ¥95.10', '95.10', '合计'],
    ['chats: only labelled figures', '我买的时候实付款149.90元', '149.90', '实付款', 'chat'],
    ['chats: unlabelled figure is talk', '这个149元的卡密不能用\n-149.90', null, undefined, 'chat'],
  ])('%s', (_name, text, value, label, kind) => {
    const hit = extractAmount(cleanOcrText(text), kind ? { kind } : {});
    expect(hit?.value ?? null).toBe(value);
    expect(hit?.label).toBe(label);
  });

  it.each<[string, string[], string | null]>([
    ['a real bill’s headline, read with an em dash', ['美团', '—100.00', '交易成功'], '100.00'],
    ['…with a full-width minus', ['美团', '－100.00', '交易成功'], '100.00'],
    ['…with 元 after it', ['美团', '-100.00元', '交易成功'], '100.00'],
    ['…with its thin minus lost', ['美团', '100.00', '交易成功', '支付时间 2026-11-15 20:31:15'], '100.00'],
    ['…run onto the payee’s name', ['美团 -100.00', '交易成功'], '100.00'],
    ['a discount line is no payee', ['优惠 -5.00', '交易成功'], null],
    ['a bill list: several headlines, no guess', ['全部账单', '美团 -100.00', '交易成功', '滴滴出行 -23.50'], null],
    ['a bare headline does not beat a stronger label', ['100.00', '实付款 ¥95.00'], '95.00'],
    ['the signed headline wins over a bare figure', ['100.00', '-95.00'], '95.00'],
  ])('payment pages: %s', (_name, lines, value) => {
    expect(extractAmount(cleanOcrText(lines.join('\n')), { kind: 'payment' })?.value ?? null).toBe(value);
  });

  it('takes a bare or payee-run figure as a headline only on payment pages', () => {
    expect(extractAmount(cleanOcrText('美团\n100.00\n交易成功'), { kind: 'order' })).toBeNull();
    expect(extractAmount(cleanOcrText('美团 -100.00'), { kind: 'other' })).toBeNull();
  });

  it('is more confident with a label than with a lone figure', () => {
    const labelled = extractAmount('实付款 ¥149.90');
    const lone = extractAmount('¥149.90');
    expect(labelled?.confidence ?? 0).toBeGreaterThan(lone?.confidence ?? 1);
  });

  it('points at the line the amount was read from', () => {
    expect(extractAmount(cleanOcrText(TAOBAO))).toMatchObject({ line: 9 });
  });
});

describe('amounts in web order tables', () => {
  const amount = (text: string): string | null => extractAmount(cleanOcrText(text))?.value ?? null;

  it('takes the figure in the row under a header row with an amount heading', () => {
    expect(amount('我的订单\n订单号 商品名称 金额 下单时间 状态\nKM202611081117198643 Steam充值卡 50元 ¥315.00 2026-11-08 11:17:19 已发货')).toBe('315.00');
    expect(amount('订单编号 商品 数量 实付金额 创建时间\n202611190737435778 Office365 家庭版 1 128.50 2026-11-19 07:37:43')).toBe('128.50');
  });

  it('leaves an ambiguous row alone and ignores times and dates in it', () => {
    expect(amount('订单号 商品名称 金额 下单时间 状态\n2026111907374357 套餐 12.50 20.00 2026-11-19 07:37:43')).toBeNull();
    expect(amount('订单号 商品名称 金额 下单时间 状态\n2026111907374357 套餐 免费 2026-11-19 07:37:43')).toBeNull();
  });
});

// Issue 11: photos of paper receipts and invoices, where the OCR text is right and the extraction
// used to fail, and pages whose amount labels it did not know. Texts as PP-OCR prints them
// (full-width brackets and colons, one table row per line).
describe('amounts on receipts, invoices and other paper', () => {
  const amount = (text: string): { value: string | null; label: string | undefined } => {
    const hit = extractAmount(cleanOcrText(text));
    return { value: hit?.value ?? null, label: hit?.label };
  };

  it.each<[string, string, string | null, string | undefined]>([
    [
      'VAT e-invoice: the （小写） total with tax, not the pre-tax 合计',
      [
        '电子发票（普通发票）',
        '发票号码：26442000000123456789',
        '开票日期：2026年11月18日',
        '项目名称 规格型号 单位 数量 单价 金额 税率/征收率 税额',
        '*日用杂品*不锈钢保温杯 500ml 个 1 108.85 108.85 13% 14.15',
        '合 计 ¥108.85 ¥14.15',
        '价税合计（大写） ⊗壹佰贰拾叁圆整 （小写）¥123.00',
        '销售方信息 名称：深圳市恒达贸易有限公司',
      ].join('\n'),
      '123.00',
      '小写',
    ],
    [
      'invoice with the figures wrapped under 价税合计 and ¥ read as *',
      ['合计 *265.49 *34.51', '价税合计（大写）', '叁佰圆整', '（小写）*300.00', '开票人：王芳'].join('\n'),
      '300.00',
      '小写',
    ],
    ['价税合计 with the total on its line', '合计 ¥88.50 ¥11.50\n价税合计 ¥100.00', '100.00', '价税合计'],
    [
      'till receipt photo, every ¥ printed as *',
      ['便利蜂（望京店）', '交易时间：2026-11-18 19:42:10', '商品 数量 金额', '农夫山泉550ml 2 *4.00', '乐事薯片原味 1 *7.50', '合计：*11.50', '支付宝支付 *11.50', '找零 *0.00'].join('\n'),
      '11.50',
      '合计',
    ],
    ['* as ¥ after 实付款', '商品总价 *59.00\n实付款 *52.00', '52.00', '实付款'],
    ['a quantity *2 is not money', '可口可乐 *2\n合计 ¥6.00', '6.00', '合计'],
    [
      'donation certificate: 捐赠金额',
      ['腾讯公益', '捐赠成功', '捐赠项目：乡村儿童营养午餐', '已筹 ¥1,234,567.00', '捐赠金额：100.00元', '捐赠时间：2026-11-18 20:03:11'].join('\n'),
      '100.00',
      '捐赠金额',
    ],
    [
      'an order list with one 实付款 per order has no single amount',
      ['我的订单', '全部 待付款 待发货 待收货 待评价', '绿源旗舰店 交易成功', '保温杯 500ml ¥59.00', '共1件商品 实付款 ¥59.00', '晨光文具专营店 卖家已发货', '中性笔 12支装 ¥29.90', '共1件商品 实付款 ¥26.90'].join('\n'),
      null,
      undefined,
    ],
    ['the same 实付款 shown twice is still the amount', '实付款 ¥59.00\n商品总价 ¥64.00\n实付款 ¥59.00', '59.00', '实付款'],
  ])('%s', (_name, text, value, label) => {
    expect(amount(text)).toEqual({ value, label });
  });
});

describe('readAmount: several figures tied for "paid" are named, never picked', () => {
  const read = (lines: string[], kind?: ExtractKind) => readAmount(cleanOcrText(lines.join('\n')), kind ? { kind } : {});

  it('lists an order list’s 实付款 figures in page order', () => {
    const r = read(['我的订单', '绿源旗舰店 交易成功', '共1件商品 实付款 ¥59.00', '晨光文具专营店 卖家已发货', '共1件商品 实付款 ¥26.90', '共1件商品 实付款 ¥59.00']);
    expect(r).toEqual({ amount: null, choices: ['59.00', '26.90'] });
  });

  it('lists a bill list’s headlines', () => {
    expect(read(['全部账单', '美团 -100.00', '交易成功', '滴滴出行 -23.50'], 'payment')).toEqual({ amount: null, choices: ['100.00', '23.50'] });
  });

  it('lists nothing when one figure was taken, or when there was nothing to choose from', () => {
    expect(read(['实付款 ¥59.00', '商品总价 ¥64.00', '实付款 ¥59.00']).choices).toEqual([]);
    expect(read(['¥25.00', '¥30.00'])).toEqual({ amount: null, choices: [] });
  });

  it('keeps at most eight, so a long page of orders is no wall of figures', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `实付款 ¥${i + 10}.00`);
    expect(read(lines).choices).toHaveLength(8);
  });
});
