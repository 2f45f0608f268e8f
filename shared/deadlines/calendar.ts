// The Chinese working-day calendar: State Council holidays and 调休 make-up days.
//
// We read chinese-days' raw JSON instead of calling isWorkday(): the library parses
// "YYYY-MM-DD" as UTC midnight and then formats it with local-time getters, so on a
// machine west of UTC it looks up the previous day (under America/Los_Angeles it calls
// Monday 2026-01-05 a day off and reports 2026-10-01 as 2026-09-30).
// The attribute lets Node's ESM loader import the JSON too if a build keeps the package external.
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { HolidayYear } from '../holidays/parse';
import { requireYmd, weekdayOf, type Ymd } from './localtime';

interface ChineseDaysData {
  /** Statutory days off, including weekend days inside a holiday block. Value "English,中文,n". */
  holidays: Readonly<Record<string, string>>;
  /** 调休 make-up working days (usually weekends). */
  workdays: Readonly<Record<string, string>>;
}

const DATA: ChineseDaysData = chineseDays;

// A notice's entries can spill into the neighbouring year (a 元旦 block starting on
// 12/30), so a year counts as published only when its own 国庆 1 October is listed:
// every notice since 1999 contains it, and a spill-over never does.
const OFFICIAL_YEARS: ReadonlySet<number> = new Set(
  Object.keys(DATA.holidays)
    .filter((ymd) => ymd.slice(5) === '10-01')
    .map((ymd) => Number(ymd.slice(0, 4))),
);

/** Used for a year whose notice is not in the data yet; weekends are off, no 调休. */
const FIXED_HOLIDAYS: Readonly<Record<string, string>> = {
  '01-01': '元旦',
  '05-01': '劳动节',
  '10-01': '国庆节',
  '10-02': '国庆节',
  '10-03': '国庆节',
};

export interface DayInfo {
  date: Ymd;
  working: boolean;
  /** False when the year has no published notice and the fallback rule decided. */
  official: boolean;
  /** Chinese holiday name when the day is a statutory day off, else null. */
  holiday: string | null;
  /** A 调休 weekend day that is worked. */
  makeUp: boolean;
}

/**
 * Years the buyer loaded from a holiday file (设置 → 节假日数据, issue 12), by year: each replaces
 * the bundled data for its year, so a file the buyer chose wins over a newer package's guess only
 * where a file was loaded; every other year keeps the bundled data.
 */
let loaded: ReadonlyMap<number, { off: ReadonlyMap<string, string>; work: ReadonlySet<string> }> = new Map();

/** Installs the loaded years (replacing any installed before); the app calls it at start and after a load. */
export function installHolidayYears(years: readonly HolidayYear[]): void {
  const next = new Map<number, { off: Map<string, string>; work: Set<string> }>();
  for (const y of years) {
    const off = new Map<string, string>();
    const work = new Set<string>();
    for (const d of y.days) {
      if (Number(d.date.slice(0, 4)) !== y.year) continue;
      if (d.off) off.set(d.date, d.name);
      else work.add(d.date);
    }
    next.set(y.year, { off, work });
  }
  loaded = next;
}

export function hasOfficialData(year: number): boolean {
  return loaded.has(year) || OFFICIAL_YEARS.has(year);
}

/** Years with a published notice in the bundled data, ascending. */
export function officialYears(): readonly number[] {
  return [...OFFICIAL_YEARS].sort((a, b) => a - b);
}

function zhName(entry: string): string {
  return entry.split(',')[1] ?? entry;
}

/** Classification of one day (unchecked input; callers validate). */
export function classifyDay(ymd: Ymd): DayInfo {
  const weekday = weekdayOf(ymd);
  const isWeekend = weekday === 0 || weekday === 6;
  const file = loaded.get(Number(ymd.slice(0, 4)));
  if (file) {
    if (file.work.has(ymd)) return { date: ymd, working: true, official: true, holiday: null, makeUp: isWeekend };
    const name = file.off.get(ymd);
    if (name !== undefined) return { date: ymd, working: false, official: true, holiday: name, makeUp: false };
    return { date: ymd, working: !isWeekend, official: true, holiday: null, makeUp: false };
  }
  if (!hasOfficialData(Number(ymd.slice(0, 4)))) {
    const holiday = FIXED_HOLIDAYS[ymd.slice(5)] ?? null;
    return { date: ymd, working: !isWeekend && holiday === null, official: false, holiday, makeUp: false };
  }
  const makeUp = DATA.workdays[ymd];
  if (makeUp !== undefined) return { date: ymd, working: true, official: true, holiday: null, makeUp: isWeekend };
  const off = DATA.holidays[ymd];
  if (off !== undefined) return { date: ymd, working: false, official: true, holiday: zhName(off), makeUp: false };
  return { date: ymd, working: !isWeekend, official: true, holiday: null, makeUp: false };
}

/** Details of a day; throws DeadlineInputError on a malformed date. */
export function dayInfo(ymd: string): DayInfo {
  return classifyDay(requireYmd(ymd));
}

/** Whether a Shanghai date is a working day; throws DeadlineInputError on a malformed date. */
export function isWorkingDay(ymd: string): boolean {
  return dayInfo(ymd).working;
}
