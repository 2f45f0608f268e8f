// Recognises a chat-log export from its first lines (the file name only breaks ties), and parses it.

import type { ChatLogFormat, ParsedChatLog } from '../types';
import { stripBom } from './common';
import { parseQqTxt, QQ_HEADER } from './qq';
import { parseWechatMsgCsv, parseWechatMsgTxt, WECHATMSG_TXT_HEADER } from './wechatmsg';

export function detectChatLog(text: string, fileName: string): ChatLogFormat | null {
  const head = stripBom(text).slice(0, 4000);
  const lines = head.split(/\r?\n/).map((l) => l.trim());
  const firstLines = lines.filter((l) => l !== '').slice(0, 12);
  const first = firstLines[0] ?? '';
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

  if (/^消息记录[(（]此消息记录为文本格式/.test(first) || (lines.some((l) => /^={16,}$/.test(l)) && lines.some((l) => /^消息对象[:：]/.test(l)))) {
    return 'qq-txt';
  }
  const columns = first.split(',').map((c) => c.trim());
  if (['StrContent', 'StrTime', 'IsSender'].every((c) => columns.includes(c))) return 'wechatmsg-csv';
  if (ext === 'txt' || ext === '') {
    if (firstLines.some((l) => QQ_HEADER.test(l))) return 'qq-txt';
    if (WECHATMSG_TXT_HEADER.test(first)) return 'wechatmsg-txt';
  }
  return null;
}

export function parseChatLog(text: string, fileName: string): ParsedChatLog | null {
  switch (detectChatLog(text, fileName)) {
    case 'qq-txt':
      return parseQqTxt(text);
    case 'wechatmsg-csv':
      return parseWechatMsgCsv(text);
    case 'wechatmsg-txt':
      return parseWechatMsgTxt(text);
    default:
      return null;
  }
}
