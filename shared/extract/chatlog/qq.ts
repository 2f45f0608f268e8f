// QQ's built-in "导出消息记录" .txt format:
//
//   消息记录(此消息记录为文本格式,不支持重新导入)
//   ================================================================
//   消息分组:我的好友
//   ================================================================
//   消息对象:某某店铺客服
//   ================================================================
//
//   2024-01-02 3:04:05 昵称(10001)
//   content, possibly several lines
//
// Header parentheses may be fullwidth; the time may be single-digit or 12-hour with AM/PM or 上午/下午.

import type { ChatMessage, ParsedChatLog } from '../types';
import { hour24, splitLines, stamp, stripBom, trimBlankEdges } from './common';

const MARKER = '(上午|下午|AM|PM|am|pm)';
export const QQ_HEADER = new RegExp(
  `^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2}) (?:${MARKER} ?)?(\\d{1,2}):(\\d{2}):(\\d{2})(?: ?${MARKER})? (.*?)(?:\\((\\d{5,12})\\)|（(\\d{5,12})）|<([^<>\\s]+)>)$`,
);
const META = /^(?:消息记录[(（]此消息记录为文本格式|={16,}$|消息分组[:：]|消息对象[:：])/;

export function parseQqTxt(text: string): ParsedChatLog {
  const lines = splitLines(stripBom(text));
  const messages: ChatMessage[] = [];
  let current: { msg: ChatMessage; body: string[] } | null = null;

  const flush = (): void => {
    if (!current) return;
    current.msg.text = trimBlankEdges(current.body);
    messages.push(current.msg);
    current = null;
  };

  lines.forEach((lineText, i) => {
    const line = i + 1;
    const m = QQ_HEADER.exec(lineText.trim());
    if (m) {
      flush();
      const [, y, mo, d, pre, hh, mm, ss, post, name, qq, qqWide, mail] = m;
      const at = stamp(Number(y), Number(mo), Number(d), hour24(Number(hh), pre ?? post), Number(mm), Number(ss));
      const msg: ChatMessage = { index: messages.length, sender: (name ?? '').trim(), at, text: '', line };
      const id = qq ?? qqWide ?? mail;
      if (id !== undefined) msg.senderId = id;
      if (at === null) msg.malformed = true;
      current = { msg, body: [] };
      return;
    }
    if (current) {
      current.body.push(lineText);
      return;
    }
    // Before the first message only the header block is expected; anything else is kept, flagged.
    if (lineText.trim() === '' || META.test(lineText.trim())) return;
    messages.push({ index: messages.length, sender: '', at: null, text: lineText, line, malformed: true });
  });
  flush();
  return { format: 'qq-txt', messages };
}
