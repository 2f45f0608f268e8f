// WeChatMsg (留痕) exports. CSV: utf-8-sig with the columns below (StrTime is %Y-%m-%d %H:%M:%S).
// TXT: blocks of "{StrTime} {name}\n{content}\n\n".

import { formatDateTime, fromUnixSeconds } from '../dates';
import type { ChatMessage, ParsedChatLog } from '../types';
import { parseCsv } from './csv';
import { splitLines, stamp, stripBom, trimBlankEdges } from './common';

export const WECHATMSG_COLUMNS = [
  'localId',
  'TalkerId',
  'Type',
  'SubType',
  'IsSender',
  'CreateTime',
  'Status',
  'StrContent',
  'StrTime',
  'Remark',
  'NickName',
  'Sender',
] as const;
type Column = (typeof WECHATMSG_COLUMNS)[number];

const STR_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2})$/;
export const WECHATMSG_TXT_HEADER = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) (.+)$/;

/** Media messages carry XML or nothing in StrContent; the export's own placeholders stand in. */
const PLACEHOLDER: Readonly<Record<string, string>> = { '3': '[图片]', '34': '[语音]', '43': '[视频]', '47': '[表情包]', '42': '[名片]', '48': '[位置]' };

function parseStrTime(value: string): string | null {
  const m = STR_TIME.exec(value.trim());
  return m ? stamp(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) : null;
}

function messageText(type: string, subType: string, content: string): string {
  const placeholder = PLACEHOLDER[type];
  if (placeholder) return placeholder;
  if (type === '49' && subType === '6') return content.startsWith('<') || content === '' ? '[文件]' : content;
  return content.replace(/\r\n?/g, '\n');
}

export function parseWechatMsgCsv(text: string): ParsedChatLog {
  const records = parseCsv(stripBom(text));
  const first = records[0];
  const hasHeader = first !== undefined && first.fields.some((f) => f.trim() === 'StrContent');
  const names: readonly string[] = hasHeader ? first.fields.map((f) => f.trim()) : WECHATMSG_COLUMNS;
  const col = new Map(names.map((n, i) => [n, i] as const));
  const messages: ChatMessage[] = [];

  for (const record of hasHeader ? records.slice(1) : records) {
    const get = (name: Column): string => {
      const i = col.get(name);
      return i === undefined ? '' : (record.fields[i] ?? '');
    };
    const broken = record.unterminated === true || record.fields.length !== names.length;
    const created = fromUnixSeconds(Number(get('CreateTime') || NaN));
    const at = parseStrTime(get('StrTime')) ?? (created ? formatDateTime(created) : null);
    const fromSelf = get('IsSender').trim() === '1';
    const talker = get('TalkerId');
    const group = talker.endsWith('@chatroom');
    const sender = fromSelf ? '我' : (group ? get('Sender') : '') || get('Remark') || get('NickName') || get('Sender') || talker;
    const content = messageText(get('Type').trim(), get('SubType').trim(), get('StrContent'));
    const msg: ChatMessage = {
      index: messages.length,
      sender,
      fromSelf,
      at,
      // A broken row is kept verbatim: its columns cannot be trusted.
      text: broken ? record.raw : content,
      line: record.line,
    };
    const senderId = group ? get('Sender') : talker;
    if (senderId !== '' && !fromSelf) msg.senderId = senderId;
    if (broken || at === null) msg.malformed = true;
    messages.push(msg);
  }
  return { format: 'wechatmsg-csv', messages };
}

export function parseWechatMsgTxt(text: string): ParsedChatLog {
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
    // A header only starts a block: first line, or after the blank line that ends the previous one.
    const m = i === 0 || (lines[i - 1] ?? '').trim() === '' ? WECHATMSG_TXT_HEADER.exec(lineText) : null;
    if (m) {
      flush();
      const at = parseStrTime(m[1] ?? '');
      const msg: ChatMessage = { index: messages.length, sender: (m[2] ?? '').trim(), at, text: '', line: i + 1 };
      if (at === null) msg.malformed = true;
      current = { msg, body: [] };
    } else if (current) {
      current.body.push(lineText);
    } else if (lineText.trim() !== '') {
      messages.push({ index: messages.length, sender: '', at: null, text: lineText, line: i + 1, malformed: true });
    }
  });
  flush();
  return { format: 'wechatmsg-txt', messages };
}
