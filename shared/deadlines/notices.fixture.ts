// Test-only: the 2025 and 2026 State Council notices transcribed by hand from the domain
// notes, independent of chinese-days, so tests compare the library data against the source.

export interface NoticeBlock {
  name: string;
  /** First and last statutory day off, inclusive. */
  from: string;
  to: string;
  /** 调休 weekend days that are worked. */
  makeUp: readonly string[];
  /** Other names the data may give days of a merged block. */
  alsoNamed?: readonly string[];
}

export interface Notice {
  year: number;
  title: string;
  blocks: readonly NoticeBlock[];
}

export const NOTICE_2026: Notice = {
  year: 2026,
  title: '国务院办公厅关于2026年部分节假日安排的通知',
  blocks: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03', makeUp: ['2026-01-04'] },
    { name: '春节', from: '2026-02-15', to: '2026-02-23', makeUp: ['2026-02-14', '2026-02-28'] },
    { name: '清明', from: '2026-04-04', to: '2026-04-06', makeUp: [] },
    { name: '劳动节', from: '2026-05-01', to: '2026-05-05', makeUp: ['2026-05-09'] },
    { name: '端午', from: '2026-06-19', to: '2026-06-21', makeUp: [] },
    { name: '中秋', from: '2026-09-25', to: '2026-09-27', makeUp: [] },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07', makeUp: ['2026-09-20', '2026-10-10'] },
  ],
};

export const NOTICE_2025: Notice = {
  year: 2025,
  title: '国务院办公厅关于2025年部分节假日安排的通知(国办发明电〔2024〕12号)',
  blocks: [
    { name: '元旦', from: '2025-01-01', to: '2025-01-01', makeUp: [] },
    { name: '春节', from: '2025-01-28', to: '2025-02-04', makeUp: ['2025-01-26', '2025-02-08'] },
    { name: '清明', from: '2025-04-04', to: '2025-04-06', makeUp: [] },
    { name: '劳动节', from: '2025-05-01', to: '2025-05-05', makeUp: ['2025-04-27'] },
    { name: '端午', from: '2025-05-31', to: '2025-06-02', makeUp: [] },
    // 国庆 and 中秋 merged into one block.
    { name: '国庆节', from: '2025-10-01', to: '2025-10-08', makeUp: ['2025-09-28', '2025-10-11'], alsoNamed: ['中秋'] },
  ],
};

const DAY_MS = 86_400_000;

export function shiftDay(ymd: string, days: number): string {
  const [y = 0, m = 0, d = 0] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = shiftDay(day, 1)) out.push(day);
  return out;
}

function isWeekend(ymd: string): boolean {
  const [y = 0, m = 0, d = 0] = ymd.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

const NOTICES = [NOTICE_2025, NOTICE_2026];
const OFF = new Set(NOTICES.flatMap((n) => n.blocks.flatMap((b) => daysBetween(b.from, b.to))));
const MAKE_UP = new Set(NOTICES.flatMap((n) => n.blocks.flatMap((b) => b.makeUp)));

/** Working day per the transcribed notices; only 2025 and 2026 are known. */
export function noticeSaysWorking(ymd: string): boolean {
  const year = Number(ymd.slice(0, 4));
  if (year !== 2025 && year !== 2026) throw new Error(`no transcribed notice for ${year}`);
  if (MAKE_UP.has(ymd)) return true;
  if (OFF.has(ymd)) return false;
  return !isWeekend(ymd);
}

/** The N-th working day after `ymd` by the transcribed notices (start day not counted). */
export function noticeNthWorkingDay(ymd: string, n: number): string {
  let day = ymd;
  for (let counted = 0; counted < n; ) {
    day = shiftDay(day, 1);
    if (noticeSaysWorking(day)) counted += 1;
  }
  return day;
}
