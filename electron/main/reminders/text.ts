// What buyers read: notification text, tray lines, .ics events and file names. Times are always
// Asia/Shanghai wall clock, whatever the machine's zone, because platforms state deadlines in it.
import { epochMsToLocal } from '../../../shared/deadlines/localtime';
import type { IcsEvent } from '../../../shared/deadlines/ics';
import type { FiredReminder, ReminderDeadlineInput } from '../../../shared/reminders/contract';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** "2026年11月25日 23:59" in Asia/Shanghai. */
export function formatDueZh(dueAt: number): string {
  const t = epochMsToLocal(dueAt);
  return `${t.year}年${t.month}月${t.day}日 ${pad2(t.hour)}:${pad2(t.minute)}`;
}

/** "还剩 1天3小时" / "还剩 45分钟" / "已逾期 2小时"; minutes are dropped once days are shown. */
export function formatRemainingZh(dueAt: number, now: number): string {
  const left = dueAt - now;
  // At the deadline itself (the 0 offset) "already overdue" would be wrong and alarming.
  if (left <= 0 && left > -MIN) return '已到截止时间';
  const abs = Math.abs(left);
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MIN);
  let span: string;
  if (days > 0) span = `${days}天${hours > 0 ? `${hours}小时` : ''}`;
  else if (hours > 0) span = `${hours}小时${minutes > 0 ? `${minutes}分钟` : ''}`;
  else span = `${Math.max(minutes, 1)}分钟`;
  return left > 0 ? `还剩 ${span}` : `已逾期 ${span}`;
}

function clip(value: string, max: number): string {
  const chars = [...value.trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

export interface NotificationText {
  title: string;
  body: string;
}

export function notificationText(r: FiredReminder, now: number): NotificationText {
  const lines = [clip(r.label, 80), `截止 ${formatDueZh(r.dueAt)}(北京时间)· ${formatRemainingZh(r.dueAt, now)}`];
  if (r.missed) lines.push('应用关闭或电脑休眠期间错过的提醒');
  return { title: clip(r.caseTitle, 60) || '留证', body: lines.join('\n') };
}

/**
 * One line per deadline for the tray menu. An absolute time, not "还剩…": the menu is rebuilt only
 * when the schedule changes, and a countdown would go stale in between.
 */
export function trayLine(d: Pick<ReminderDeadlineInput, 'caseTitle' | 'label' | 'dueAt'>): string {
  const t = epochMsToLocal(d.dueAt);
  return `${clip(d.label, 16)} · ${clip(d.caseTitle, 16)} · ${t.month}月${t.day}日 ${pad2(t.hour)}:${pad2(t.minute)}`;
}

export function icsEvents(deadlines: readonly ReminderDeadlineInput[]): IcsEvent[] {
  return deadlines.map((d) => ({
    // Stable per deadline, so re-importing an updated export replaces events instead of doubling them.
    uid: `${d.id}@liuzheng`,
    summary: d.caseTitle.trim() ? `${d.label} · ${d.caseTitle}` : d.label,
    description: `案件：${d.caseTitle}\n期限：${d.label}\n截止：${formatDueZh(d.dueAt)}（北京时间）\n由 留证 导出`,
    dueAt: d.dueAt,
    alarmOffsetsMin: d.offsetsMin,
  }));
}

/** A file name every OS accepts: no path separators, reserved characters or trailing dots. */
export function icsFileName(caseTitle: string | null, now: number): string {
  const t = epochMsToLocal(now);
  const stamp = `${t.year}${pad2(t.month)}${pad2(t.day)}`;
  const cleaned = caseTitle?.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ') ?? '';
  const safe = clip(cleaned, 40).replace(/[. ]+$/, '');
  return safe ? `留证期限-${safe}-${stamp}.ics` : `留证期限-${stamp}.ics`;
}
