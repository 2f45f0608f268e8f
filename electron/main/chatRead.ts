// Reading a stored chat export for the renderer, bounded. A whole-account QQ export can be 100 MB:
// decoded, split and sent over IPC whole it would stall main and then the window. Only the first
// CHAT_READ_LIMITS.bytes are read (cut at a line end), at most CHAT_READ_LIMITS.messages are kept, and
// a final, flagged message says the transcript was cut. The original stays whole in the vault.
import { open } from 'node:fs/promises';
import { parseChatLog } from '../../shared/extract';
import type { ChatMessage, ParsedChatLog } from '../../shared/extract/types';
import { decodeChatText } from './ocr/scan';

export const CHAT_READ_LIMITS = {
  bytes: 8 * 1024 * 1024,
  messages: 20_000,
  /** The bundle contract's limits per message, so a transcript read here can always be exported. */
  textChars: 20_000,
  senderChars: 200,
};

export interface ChatReadLimits {
  bytes: number;
  messages: number;
  textChars: number;
  senderChars: number;
}

export interface BoundedChatLog extends ParsedChatLog {
  /** Present when the transcript is not the whole file. */
  truncated?: { totalBytes: number; readBytes: number; messages: number };
}

/** Where to cut `buf` so no line (and no UTF-16 code unit) is split: just after the last newline. */
function lineEnd(buf: Buffer): number {
  if (buf[0] === 0xff && buf[1] === 0xfe) {
    for (let i = buf.length - 2 - (buf.length % 2); i >= 2; i -= 2) if (buf[i] === 0x0a && buf[i + 1] === 0) return i + 2;
    return buf.length - (buf.length % 2);
  }
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    for (let i = buf.length - 2 - (buf.length % 2); i >= 2; i -= 2) if (buf[i] === 0 && buf[i + 1] === 0x0a) return i + 2;
    return buf.length - (buf.length % 2);
  }
  // In UTF-8 and GB18030 a 0x0A byte is always a newline, never part of a longer character.
  const nl = buf.lastIndexOf(0x0a);
  return nl >= 0 ? nl + 1 : buf.length;
}

const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

function notice(index: number, line: number, readBytes: number, totalBytes: number): ChatMessage {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return {
    index,
    sender: '',
    at: null,
    text: `（聊天记录过长：只显示了前 ${index} 条消息（读取 ${mb(readBytes)} MB / 共 ${mb(totalBytes)} MB），其余内容未显示。原文件已完整保存在证据库中。）`,
    line,
    malformed: true,
  };
}

/** The parsed export, bounded; null when the file is not a chat export this app recognises. */
export async function readChatExport(file: string, fileName: string, limits: ChatReadLimits = CHAT_READ_LIMITS): Promise<BoundedChatLog | null> {
  const fh = await open(file, 'r');
  let buf: Buffer;
  let totalBytes: number;
  try {
    totalBytes = (await fh.stat()).size;
    buf = Buffer.alloc(Math.min(totalBytes, limits.bytes));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    buf = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  const cutByBytes = totalBytes > buf.length;
  const readBytes = cutByBytes ? lineEnd(buf) : buf.length;
  const parsed = parseChatLog(decodeChatText(buf.subarray(0, readBytes)), fileName);
  if (parsed === null) return null;
  // The last message before a byte cut may have lost lines of its body.
  const complete = cutByBytes ? parsed.messages.slice(0, -1) : parsed.messages;
  const kept = complete.slice(0, limits.messages).map((m) => ({ ...m, sender: clip(m.sender, limits.senderChars), text: clip(m.text, limits.textChars) }));
  if (!cutByBytes && kept.length === parsed.messages.length) return { ...parsed, messages: kept };
  const lastLine = kept.at(-1)?.line ?? 0;
  return {
    ...parsed,
    messages: [...kept, notice(kept.length, lastLine + 1, readBytes, totalBytes)],
    truncated: { totalBytes, readBytes, messages: kept.length },
  };
}
