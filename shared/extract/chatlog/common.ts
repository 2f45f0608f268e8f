// Pieces shared by the chat-log parsers.

import { formatDateTime, isValidDate, isValidTime } from '../dates';

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Local "YYYY-MM-DDTHH:mm:ss", or null when any part is out of range (2024-02-30, 25:61:00). */
export function stamp(y: number, m: number, d: number, h: number, mi: number, s: number): string | null {
  return isValidDate(y, m, d) && isValidTime(h, mi, s) ? formatDateTime({ y, m, d, h, mi, s }) : null;
}

/** 12-hour clock to 24-hour; the marker may be Chinese (QQ in zh-CN) or English. */
export function hour24(h: number, marker: string | undefined): number {
  if (marker === undefined) return h;
  const pm = /PM|下午/i.test(marker);
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

/** Message bodies lose the blank lines that separate blocks in the export, nothing else. */
export function trimBlankEdges(lines: readonly string[]): string {
  let from = 0;
  let to = lines.length;
  while (from < to && (lines[from] ?? '').trim() === '') from++;
  while (to > from && (lines[to - 1] ?? '').trim() === '') to--;
  return lines.slice(from, to).join('\n');
}

export function splitLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}
