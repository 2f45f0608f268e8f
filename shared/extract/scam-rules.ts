// Refund-scam signals (国家反诈 guidance, police notices; see the domain notes), as data.
//
// Each signal has strong patterns, which flag a chat on their own, and weak ones, which only flag
// when a second, different weak signal appears too. A bare keyword is at most weak, because the
// same words occur in ordinary after-sale talk: a shop's 保证金 badge, "扣除手续费" on an activated
// card, the buyer's own "收不到验证码". Strong patterns describe the scam move itself: the buyer
// being asked to pay, hand over a code or card, share a screen or leave the platform.
//
// 验证码 rule: strong only when someone asks for the code to be passed on (发给我, 告诉我, 报一下,
// 截图给我…); a bare mention is weak, and login/receipt talk (登录, 收不到, 输入验证码) is ignored.

import type { ScamSignalId } from './types';

export interface ScamRule {
  id: ScamSignalId;
  label: string;
  strong: readonly RegExp[];
  weak: readonly RegExp[];
  /** A clause matching one of these is ordinary use of the word: no signal at all. */
  ignore?: readonly RegExp[];
  /** Like `ignore`, but a strong pattern still counts (someone can ask for a login code too). */
  ignoreWeak?: readonly RegExp[];
}

// Everything inside one clause: no clause or sentence punctuation in between.
const C = '[^，,。！？!?；;\\n]';
// Inside one sentence: commas allowed.
const S = '[^。！？!?\\n]';
const re = (source: string, flags = ''): RegExp => new RegExp(source, flags);
const CONTACT = '(?:微信|QQ|qq|V信|vx|VX|企业微信|钉钉)';

export const SCAM_RULES: readonly ScamRule[] = [
  {
    id: 'deposit',
    label: '要求缴纳保证金',
    strong: [
      re(`(?<!已|已经|商家|卖家|店铺|本店)(?:缴纳|交|支付|转|付|充值|打|存)${C}{0,6}保证金`),
      re(`保证金${C}{0,12}(?:才能|才可以|方可|之后|后)${C}{0,8}(?:退款|到账|解冻|退还|返还|赔付)`),
    ],
    weak: [/保证金/],
    ignore: [/消费者保障|消保|店铺保证金|保证金计划|(?:商家|卖家|店铺|本店|已经?)(?:已)?(?:缴纳|交)了?保证金/],
  },
  {
    id: 'unfreeze',
    label: '要求"解冻"资金或退款通道',
    strong: [/解冻/],
    weak: [/冻结/],
    ignore: [/食用|食品|冷冻|冷藏|自然解冻|解冻后(?:食用|烹饪|加热)/],
  },
  {
    id: 'activate-refund',
    label: '要求"激活"退款或退款通道',
    strong: [
      re(`激活退款|激活(?:您的)?(?:理赔|赔付)|退款${C}{0,4}需要激活|激活${C}{0,2}(?:退款通道|账户)`),
      re(`(?:开通|打开|解冻)${C}{0,4}退款通道|退款通道${C}{0,6}(?:冻结|异常|未开通|关闭|受限)`),
    ],
    weak: [/退款通道/],
  },
  {
    id: 'upfront-fee',
    label: '退款前要求先付手续费',
    strong: [
      re(`(?:先|需要?|必须|得|请)${C}{0,8}(?:支付|缴纳|交|付|转|充值)${C}{0,6}(?:手续费|服务费|工本费|解冻费|激活费|认证费|验证费|税费|押金)`),
      re(`(?:手续费|服务费|解冻费|认证费)${C}{0,10}(?:才能|才可以|方可)${C}{0,6}(?:退款|到账|解冻|提现)`),
    ],
    weak: [/手续费|服务费|解冻费|认证费/],
    ignore: [re(`扣(?:除|取|掉)?${C}{0,8}(?:手续费|服务费)|(?:手续费|服务费)${C}{0,6}扣|免(?:手续费|服务费)`)],
  },
  {
    id: 'screen-share',
    label: '要求共享屏幕',
    strong: [/共享屏幕|屏幕共享|共享(?:你的|您的|一下)?屏幕|开启共享|投屏给我/],
    weak: [],
  },
  {
    id: 'meeting-app',
    label: '要求下载会议软件或进入会议',
    strong: [re(`下载${C}{0,8}(?:会议|zoom|云视讯)`, 'i'), re(`(?:进入|加入|输入)${C}{0,4}会议(?:号|室|码)`)],
    weak: [/腾讯会议|钉钉会议|飞书会议|会议号|zoom/i],
  },
  {
    id: 'face-scan',
    label: '要求配合人脸识别',
    strong: [
      re(`(?:配合|跟着|按照|按我|需要您|请您)${C}{0,8}(?:人脸识别|刷脸|人脸验证)`),
      re(`(?:人脸识别|刷脸)${C}{0,8}(?:退款|理赔|赔付|解冻|到账)`),
    ],
    weak: [/人脸识别|刷脸/],
    ignoreWeak: [/登录|登陆|开户|实名认证/],
  },
  {
    id: 'sms-code',
    label: '索要短信验证码',
    strong: [
      re(`验证码${S}{0,20}(?:告诉我|发给我|发我|报给我|念给我|截图给我|给我看|报一下|念一下|发一下|发过来|提供给)`),
      re(`(?:告诉我|发给我|报给我|念给我|提供一下|报一下)${S}{0,10}验证码`),
      re(`验证码${S}{0,20}(?:告诉|发给|报给|念给|截图给|提供给|转发给)(?:我|客服|我们|这边|专员|工作人员)`),
    ],
    weak: [/验证码/],
    ignoreWeak: [/登录|登陆|注册|收不到|没收到|获取验证码|输入验证码|验证码(?:错误|过期|失效)/],
  },
  {
    id: 'bank-card',
    label: '索要银行卡号或密码',
    strong: [
      re(`(?:提供|发|告诉|报|填写|输入|填|给我)${C}{0,8}(?:银行卡号|银行卡卡号|银行卡信息)`),
      re(`(?:告诉|发|报|提供|给我|说|念)${C}{0,8}(?:银行卡|支付|取款|交易|网银|支付宝|微信)密码|CVV|信用卡安全码`),
      re(`(?:银行卡号|卡号)${C}{0,4}(?:和|及|跟|、)${C}{0,4}密码`),
    ],
    weak: [/银行卡号|银行卡信息/],
  },
  {
    id: 'reserve-fund',
    label: '诱导开通或使用备用金',
    strong: [re(`(?:开通|申请|借|领取|使用|取出|转出|提取|开启)${C}{0,6}备用金|备用金${C}{0,8}(?:转|充值|还款|到账|借|取|领)`)],
    weak: [/备用金/],
  },
  {
    id: 'loan',
    label: '诱导贷款或借款',
    strong: [
      re(`(?:申请|开通|借|下载|去|办理)${C}{0,6}(?:贷款|借呗|网贷|金条|微粒贷|借款|放心借|小额贷)`),
      re(`贷款${C}{0,10}(?:退款|流水|额度|验证)|刷流水|流水(?:不足|不够)`),
      re(`(?:借呗|微粒贷|金条|网贷|放心借)${C}{0,4}(?:借出|借|贷出|取出)|(?:还款能力|借款能力)`),
    ],
    weak: [/贷款|借贷|网贷|借呗|微粒贷|金条/],
  },
  {
    id: 'credit-score',
    label: '以芝麻信用或征信受影响相威胁',
    strong: [
      re(`(?:芝麻信用|芝麻分|信用分|信誉分)${C}{0,6}(?:不足|不够|太低|过低|受损|降低|清零)`),
      re(`(?:影响|受损|上报|拉黑|黑名单|污点|不良)${C}{0,6}征信|征信${C}{0,6}(?:受到影响|受影响|受损|上报|黑名单|污点|不良|有问题)`),
    ],
    weak: [/征信|芝麻信用|芝麻分/],
    ignore: [/会不会|是否|查询/],
  },
  {
    id: 'private-contact',
    label: '要求私下加微信/QQ处理理赔',
    strong: [
      re(`(?:私下|私聊|单独)${C}{0,6}(?:加|添加|联系)`),
      re(`(?:加|添加)${C}{0,8}${CONTACT}${S}{0,12}(?:理赔|赔付|赔偿|退税|办理退款|给您退款|帮您退款)`),
      re(`(?:理赔|赔付|赔偿)${S}{0,12}(?:加|添加)${C}{0,4}${CONTACT}`),
    ],
    weak: [re(`(?:加|添加)${C}{0,4}${CONTACT}`)],
  },
  {
    id: 'qr-refund',
    label: '通过扫码或链接"退款"',
    strong: [
      re(`(?:扫|扫描|识别|长按)${C}{0,6}(?:码|二维码)${S}{0,12}(?:退款|理赔|赔付|赔偿|领取|到账|退回)`),
      re(`(?:退款|理赔|赔付|赔偿)${S}{0,12}(?:二维码|扫码|扫一扫)`),
      re(`(?:点击|打开|进入)${C}{0,6}链接${S}{0,10}(?:退款|理赔|赔付|领取)|退款链接|理赔链接`),
    ],
    weak: [/二维码|扫码/],
    ignoreWeak: [/付款|支付|关注|领券|优惠券|点餐|失败/],
  },
  {
    id: 'compensation',
    label: '主动提出双倍赔偿、理赔或退税',
    strong: [
      re(`(?:给予|给|为|帮|替)您?${C}{0,8}(?:双倍|两倍|三倍|多倍|加倍)${C}{0,2}(?:赔偿|赔付|理赔|退款)`),
      re(`(?:双倍|两倍|三倍|加倍)(?:赔偿|赔付|理赔)${S}{0,10}(?:给您|到您|请您|需要您|扫|联系|操作)`),
      re(`(?:办理|申请|为您|给您)${C}{0,4}退税`),
    ],
    weak: [/理赔|双倍赔偿|三倍赔偿|退税/],
    ignore: [/运费险|退货险|保价/],
  },
  {
    id: 'vip-cancel',
    label: '称误开通会员/代理，不取消将扣费',
    strong: [
      re(`(?:误|错误|不小心|被)${C}{0,2}开通${S}{0,12}(?:VIP|会员|代理|百万保障|金牌|服务|业务)`, 'i'),
      re(`不取消${S}{0,10}(?:扣费|扣款|扣除|收费|收取)`),
      re(`扣费${S}{0,10}(?:取消|关闭)${C}{0,6}(?:加|添加)${C}{0,3}${CONTACT}`),
    ],
    weak: [re(`开通了?${C}{0,6}(?:会员|VIP)${C}{0,8}扣费`, 'i')],
  },
  {
    id: 'passwordless',
    label: '要求关闭免密支付',
    strong: [re(`(?:需要|请|帮您|配合|指导|跟着|按照|按我)${C}{0,8}(?:关闭|解除|取消)${C}{0,4}(?:免密|自动扣款)`)],
    weak: [re(`(?:关闭|解除)${C}{0,4}免密`)],
  },
  {
    id: 'safe-account',
    label: '要求转账到"安全账户"',
    strong: [re(`安全账户|安全账号|资金(?:核查|清查)|转(?:账|入|到)${C}{0,6}(?:指定|安全)账户`)],
    weak: [],
  },
];

/** A warning, not a scam: the clause tells the reader not to do it. */
export const NEGATION =
  /不要|不用|无需|不需要|勿|切勿|谨防|警惕|提防|不会|绝不|从不|从来不|不得|禁止|严禁|千万别|防范|谨记|拒绝|不影响|别(?=把|给|向|将|告诉|透露|相信|轻信|共享|下载|扫|点|加)/;
/** Anti-fraud notices quote the scam script; the sentence names it as fraud. */
export const FRAUD_WARNING = /诈骗|骗子|骗局|反诈|防骗|谨防|如遇|自称|挂断|举报/;
