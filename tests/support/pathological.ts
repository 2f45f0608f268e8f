// Texts for the extraction speed checks (issue 19): what a buyer's screenshots and chats really hold,
// and what a counterparty can write on purpose to stall the app. Shared by `npm run bench:extract` and
// the fuzz test, so both measure the same inputs.
import type { ParsedChatLog } from '../../shared/extract';
import type { Rng } from '../ocr-corpus/rng';

export interface TextCase {
  name: string;
  text: string;
}

/** Order pages and chats as OCR reads them: labels, ids, amounts, times, and some scam talk. */
export function realisticText(chars: number, rng: Rng): string {
  const blocks = [
    () => `订单编号：${rng.digits(19)}\n实付款：¥${rng.int(1, 999)}.${rng.digits(2)}\n下单时间：2026-11-${rng.int(10, 28)} ${rng.int(10, 23)}:${rng.digits(2).replace(/^[6-9]/, '5')}:0${rng.int(0, 9)}`,
    () => `支付宝交易号 2026111722001${rng.digits(17)}\n商品总额 ¥${rng.int(10, 99)}.00 运费 ¥0.00 合计 ¥${rng.int(10, 99)}.90`,
    () => `亲，在的，${rng.pick(['请您共享屏幕我帮您操作退款', '这边需要您先交保证金', '退款已经处理了哦', '您看下物流单号 SF' + rng.digits(12)])}`,
    () => `${rng.pick(['昨天', '星期三', '下午'])} ${rng.int(1, 12)}:${rng.int(10, 59)}\n卡密：${rng.digits(4)}-${rng.digits(4)}-${rng.digits(4)} 联系电话 13${rng.digits(9)}`,
  ];
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const block = rng.pick(blocks)();
    parts.push(block);
    length += block.length + 1;
  }
  return parts.join('\n').slice(0, chars);
}

const repeat = (unit: string, chars: number): string => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);

/** Inputs that made some extractor quadratic before, and their relatives. */
export function pathologicalTexts(chars: number, rng: Rng): TextCase[] {
  const cases: TextCase[] = [
    { name: 'one run of spaces', text: repeat(' ', chars) },
    { name: 'spaces, tabs, NBSP and ideographic spaces', text: repeat(' \t\u00a0\u3000', chars) },
    { name: 'long space runs between line breaks', text: repeat(`${' '.repeat(2000)}\n`, chars) },
    { name: 'line breaks only', text: repeat('\n', chars) },
    { name: '订单号 repeated', text: repeat('订单号', chars) },
    { name: '订单号： and a short number, one line', text: repeat('订单号：12 ', chars) },
    { name: 'label over blank lines over a value', text: repeat('订单号\n\n\n3456789012345678901\n', chars) },
    { name: '实付款¥1, repeated', text: repeat('实付款¥1,', chars) },
    { name: 'brackets before an amount label', text: repeat('((（实付款 ¥9.9', chars) },
    { name: '¥ signs and digits', text: repeat('¥1 ¥12.3 ', chars) },
    { name: 'one long digit run', text: repeat('7', chars) },
    { name: 'one long letters-and-digits run', text: repeat('a1', chars) },
    { name: '共享屏幕 repeated', text: repeat('共享屏幕', chars) },
    { name: 'negated scam words repeated', text: repeat('请勿共享屏幕不要交保证金', chars) },
    { name: 'fraud warning with scam words', text: repeat('谨防诈骗共享屏幕保证金解冻', chars) },
    { name: 'times and relative days', text: repeat('昨天 12:03 星期三 下午3:05 ', chars) },
  ];
  // Random mixes of the same ingredients, so an untried combination gets a chance too.
  const alphabet = [' ', '\n', '\t', '\u3000', '订单号', '交易号', '实付款', '合计', '¥', '1', '123456', ':', '：', '(', '（', ')', '共享屏幕', '保证金', '不要', '诈骗', '昨天', '12:03', '-', 'a', '。'];
  for (let k = 0; k < 4; k++) {
    const parts: string[] = [];
    let length = 0;
    const run = rng.int(1, 40);
    while (length < chars) {
      const piece = rng.pick(alphabet).repeat(rng.chance(0.2) ? run : 1);
      parts.push(piece);
      length += piece.length;
    }
    cases.push({ name: `random mix ${k + 1}`, text: parts.join('').slice(0, chars) });
  }
  return cases;
}

/** The same text as a chat export: one message holding all of it, then its lines as messages. */
export function asChatLog(text: string): ParsedChatLog {
  const lines = text.split('\n').slice(0, 2000);
  const messages = [text, ...lines].map((t, i) => ({ index: i, line: i + 1, at: '2026-11-20T10:00:00', sender: i % 2 ? '客服' : '我', text: t }));
  return { format: 'qq-txt', messages } satisfies ParsedChatLog;
}
