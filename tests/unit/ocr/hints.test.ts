import { describe, expect, it } from 'vitest';
import { extractWithHints } from '../../../electron/main/ocr/hints';
import type { ChatHint } from '../../../electron/main/ocr/hints';

const CAPTURE = '2026-11-18T12:03:04';

// A chat whose words lean towards an order page: a pasted 订单号, 卡密 and 实付款.
const CHAT_LIKE_ORDER = ['12:03 5G 86%', '< 星辰卡盟客服', '昨天 21:15', '订单号: 202611152031075823', '卡密提示已被使用,实付款30.00元', '星期一 10:02', '订单详情 查看物流 申请售后'].join('\n');
const WECHAT_CHAT = ['12:03 5G', '< 店铺客服', '昨天 14:02', '亲,请提供一下订单号', '11:10', '已为您提交退款申请', '按住 说话'].join('\n');

describe('extractWithHints', () => {
  it.each<[string, string, ChatHint | null, { kind: string; platform: string; timestamps: string[] }]>([
    ['no bubbles: the words decide', CHAT_LIKE_ORDER, null, { kind: 'order', platform: 'kameng', timestamps: [] }],
    ['a few bubbles do not turn an order page into a chat', CHAT_LIKE_ORDER, { app: 'wechat', share: 0.003 }, { kind: 'order', platform: 'kameng', timestamps: [] }],
    [
      'many bubbles make it a chat, read the chat way (relative stamps)',
      CHAT_LIKE_ORDER,
      { app: 'qq', share: 0.02 },
      { kind: 'chat', platform: 'qq', timestamps: ['2026-11-17T21:15', '2026-11-16T10:02'] },
    ],
    ['a few bubbles name the app of a chat', WECHAT_CHAT, { app: 'qq', share: 0.003 }, { kind: 'chat', platform: 'qq', timestamps: ['2026-11-17T14:02', '2026-11-18T11:10'] }],
  ])('%s', (_name, text, hint, want) => {
    const r = extractWithHints({ text }, { capturedAt: CAPTURE, anchorTrusted: true }, hint);
    expect({ kind: r.kind, platform: r.platform, timestamps: r.timestamps.map((f) => f.value) }).toEqual(want);
  });
});
