import { describe, expect, it } from 'vitest';
import { formatDueZh, formatRemainingZh, icsFileName, notificationText, trayLine } from '../../../electron/main/reminders/text';
import type { FiredReminder } from '../../../shared/reminders/contract';
import { DAY, DUE, HOUR, MIN } from './harness';

const fired = (over: Partial<FiredReminder> = {}): FiredReminder => ({
  key: `d1|${DUE}|120`,
  deadlineId: 'd1',
  dueAt: DUE,
  kind: 'offset',
  offsetMin: 120,
  fireAt: DUE - 2 * HOUR,
  overdue: false,
  missed: false,
  caseId: 'c1',
  caseTitle: '游戏点卡卡密无效',
  label: '平台审核',
  shownAt: DUE - 2 * HOUR,
  ...over,
});

describe('reminder text', () => {
  it('states the due time in Asia/Shanghai whatever the machine zone', () => {
    // DUE is 15:59:59 UTC; the buyer's deadline is 23:59 Beijing time.
    expect(formatDueZh(DUE)).toBe('2026年10月10日 23:59');
    expect(formatDueZh(Date.UTC(2026, 0, 31, 16, 0, 0))).toBe('2026年2月1日 00:00');
  });

  it('says how long is left, or how long ago it passed', () => {
    expect(formatRemainingZh(DUE, DUE - DAY - 3 * HOUR)).toBe('还剩 1天3小时');
    expect(formatRemainingZh(DUE, DUE - 2 * HOUR)).toBe('还剩 2小时');
    expect(formatRemainingZh(DUE, DUE - 90 * MIN)).toBe('还剩 1小时30分钟');
    expect(formatRemainingZh(DUE, DUE - 20 * 1000)).toBe('还剩 1分钟');
    expect(formatRemainingZh(DUE, DUE)).toBe('已到截止时间');
    expect(formatRemainingZh(DUE, DUE + 2 * DAY)).toBe('已逾期 2天');
  });

  it('titles a notification with the case and puts the deadline in the body', () => {
    expect(notificationText(fired(), DUE - 2 * HOUR)).toEqual({
      title: '游戏点卡卡密无效',
      body: '平台审核\n截止 2026年10月10日 23:59(北京时间)· 还剩 2小时',
    });
    const missed = notificationText(fired({ missed: true, caseTitle: '  ' }), DUE + HOUR);
    expect(missed.title).toBe('留证');
    expect(missed.body).toContain('已逾期 1小时');
    expect(missed.body).toContain('错过的提醒');
  });

  it('shortens long titles without splitting a character', () => {
    const long = '🎮'.repeat(100);
    const { title } = notificationText(fired({ caseTitle: long }), DUE);
    expect([...title]).toHaveLength(60);
    expect(title.endsWith('…')).toBe(true);
    expect(trayLine({ label: '平台审核', caseTitle: '点卡', dueAt: DUE })).toBe('平台审核 · 点卡 · 10月10日 23:59');
  });

  it('makes a file name every OS accepts', () => {
    expect(icsFileName('淘宝: 点卡/卡密 "无效"?', DUE)).toBe('留证期限-淘宝 点卡 卡密 无效-20261010.ics');
    expect(icsFileName('...', DUE)).toBe('留证期限-20261010.ics');
    expect(icsFileName(null, DUE)).toBe('留证期限-20261010.ics');
  });
});
