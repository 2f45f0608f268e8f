// Conversation scripts for the chat mock-ups. `{order}`, `{qq}`, `{phone}`, `{code}` are filled in
// per screenshot. Scam scripts follow the moves in the domain notes (国家反诈 guidance); the ordinary
// ones include the after-sale phrases that must NOT raise a warning.

export type Side = 'me' | 'them';
export type Line = readonly [Side, string];

export interface Script {
  scam: boolean;
  /** True when `{order}` appears where the extractor should take it as an order number. */
  mentionsOrder: boolean;
  lines: readonly Line[];
}

export const ORDINARY: readonly Script[] = [
  {
    scam: false,
    mentionsOrder: true,
    lines: [
      ['me', '你好,我刚买的点卡卡密提示已被使用'],
      ['me', '订单号'],
      ['me', '{order}'],
      ['them', '亲,请提供一下激活失败的截图'],
      ['me', '[截图]'],
      ['them', '好的亲,已为您提交退款申请,1-3个工作日原路退回'],
      ['me', '好的谢谢'],
    ],
  },
  {
    scam: false,
    mentionsOrder: true,
    lines: [
      ['me', '在吗?我的会员充值一直没到账'],
      ['them', '亲,请问您的订单编号是多少呢'],
      ['me', '{order}'],
      ['them', '已经帮您重新充值了,请查收'],
      ['me', '收到了,谢谢'],
    ],
  },
  {
    scam: false,
    mentionsOrder: false,
    lines: [
      ['me', '商品有质量问题,我想申请退货退款'],
      ['them', '亲,麻烦提供一下您的手机号,我们登记一下'],
      ['me', '{phone}'],
      ['them', '好的,已登记,退货地址稍后发您'],
      ['them', '已为您提交退款申请,1-3个工作日原路退回'],
    ],
  },
  {
    scam: false,
    mentionsOrder: false,
    lines: [
      ['me', '卡密是{code},提示无效'],
      ['them', '亲,已帮您核实,卡密已重新发送'],
      ['them', '有问题可以加客服QQ{qq}'],
      ['me', '我收不到验证码,登录不了'],
      ['them', '已激活的卡密退款需扣除10%手续费哦'],
    ],
  },
];

export const SCAMS: readonly Script[] = [
  {
    scam: true,
    mentionsOrder: false,
    lines: [
      ['them', '您好,我是淘宝官方客服,您购买的商品存在质量问题,可以为您办理双倍理赔'],
      ['me', '真的吗?怎么办理'],
      ['them', '您的账户退款通道被冻结了,需要先缴纳500元保证金才能解冻'],
      ['them', '保证金会在24小时内原路退还'],
    ],
  },
  {
    scam: true,
    mentionsOrder: true,
    lines: [
      ['me', '退款一直没到账,订单号:'],
      ['me', '{order}'],
      ['them', '亲,您的订单退款异常,需要您下载会议软件配合处理'],
      ['them', '进入会议后开启屏幕共享,我指导您操作'],
      ['me', '好的'],
    ],
  },
  {
    scam: true,
    mentionsOrder: false,
    lines: [
      ['them', '系统已为您发起理赔,请把收到的验证码发给我'],
      ['me', '验证码是几位的?'],
      ['them', '6位,发给我就可以立即到账'],
    ],
  },
  {
    scam: true,
    mentionsOrder: false,
    lines: [
      ['them', '您的芝麻信用不足,无法直接退款'],
      ['them', '请在借贷平台申请备用金,证明还款能力后即可退款'],
      ['me', '为什么要贷款?'],
    ],
  },
  {
    scam: true,
    mentionsOrder: false,
    lines: [
      ['them', '平台理赔流程太慢了,您加我微信私下理赔'],
      ['them', '扫描二维码即可退款,马上到账'],
      ['me', '好的我加一下'],
    ],
  },
  {
    scam: true,
    mentionsOrder: false,
    lines: [
      ['them', '您好,您误开通了会员代理,不取消将每月扣费800元'],
      ['them', '请按我说的操作关闭免密支付'],
      ['me', '我没开通过啊'],
    ],
  },
];
