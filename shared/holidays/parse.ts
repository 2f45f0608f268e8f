// Holiday files the buyer loads in 设置 → 节假日数据 (issue 12): the State Council's schedule for a
// year the bundled chinese-days data does not cover yet. Two formats: the maintained holiday-cn
// dataset's JSON (one file a year) and an .ics holiday calendar. Every problem names the line.

export interface HolidayDay {
  /** "YYYY-MM-DD". */
  date: string;
  name: string;
  /** true: a statutory day off; false: a 调休 make-up working day. */
  off: boolean;
}

export interface HolidayYear {
  year: number;
  days: HolidayDay[];
}

export type HolidayParse = { ok: true; years: HolidayYear[] } | { ok: false; error: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Bounded: a year's notice lists a few dozen days; a huge file is not a holiday file. */
export const MAX_HOLIDAY_FILE_CHARS = 2_000_000;
const MAX_DAYS = 2000;

function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return y >= 2000 && y <= 2099 && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * A notice may list days of the neighbouring year (a 元旦 block from 12/30, a make-up day in late
 * December): those are accepted in December of the year before and January of the year after.
 */
function inYear(date: string, year: number): boolean {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return y === year || (y === year - 1 && m === 12) || (y === year + 1 && m === 1);
}

interface Located extends HolidayDay {
  line: number;
}

function checkDays(file: string, year: number, days: readonly Located[]): string | null {
  if (days.length === 0) return `${file}: ${year} 年没有任何放假或调休日期`;
  if (days.length > MAX_DAYS) return `${file}: 日期过多（${days.length} 个），不是节假日文件`;
  const seen = new Map<string, Located>();
  for (const d of days) {
    if (!inYear(d.date, year)) return `${file}: 第 ${d.line} 行: ${d.date} 不属于 ${year} 年`;
    const before = seen.get(d.date);
    if (before && before.off !== d.off) return `${file}: 第 ${d.line} 行: ${d.date} 与第 ${before.line} 行矛盾（既是放假日又是调休上班日）`;
    seen.set(d.date, d);
  }
  // The year's 国庆 is in every notice since 1999; without it the file is not the year's schedule.
  if (!days.some((d) => d.off && d.date === `${year}-10-01`)) return `${file}: 没有 ${year}-10-01（国庆节），不像完整的全年放假安排`;
  return null;
}

/** holiday-cn: {"year": 2027, "papers": [...], "days": [{"name", "date", "isOffDay"}]}. */
export function parseHolidayCn(file: string, text: string): HolidayParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const at = /position (\d+)/.exec(err instanceof Error ? err.message : '');
    return { ok: false, error: `${file}: ${at ? `第 ${lineAt(text, Number(at[1]))} 行: ` : ''}不是有效的 JSON` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, error: `${file}: 第 1 行: 应为 holiday-cn 格式的对象 {"year", "days"}` };
  const { year, days } = json as { year?: unknown; days?: unknown };
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2099) return { ok: false, error: `${file}: 第 ${lineOfKey(text, 'year')} 行: "year" 应为 2000–2099 的年份` };
  if (!Array.isArray(days)) return { ok: false, error: `${file}: 第 ${lineOfKey(text, 'days')} 行: "days" 应为数组` };
  // Each entry's line is where its "date" value is written, found in order.
  const located: Located[] = [];
  let from = 0;
  for (const [i, entry] of days.entries()) {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as { name?: unknown; date?: unknown; isOffDay?: unknown };
    const at = typeof e.date === 'string' ? text.indexOf(JSON.stringify(e.date), from) : -1;
    if (at >= 0) from = at + 1;
    const line = lineAt(text, at >= 0 ? at : from);
    if (typeof e.date !== 'string' || !validDate(e.date)) return { ok: false, error: `${file}: 第 ${line} 行: days[${i}].date 应为有效日期 YYYY-MM-DD` };
    if (typeof e.isOffDay !== 'boolean') return { ok: false, error: `${file}: 第 ${line} 行: days[${i}].isOffDay 应为 true 或 false` };
    located.push({ date: e.date, name: typeof e.name === 'string' ? e.name.slice(0, 40) : '', off: e.isOffDay, line });
  }
  const problem = checkDays(file, year, located);
  return problem ? { ok: false, error: problem } : { ok: true, years: [{ year, days: located.map(({ line: _l, ...d }) => d) }] };
}

function lineOfKey(text: string, key: string): number {
  const at = text.indexOf(`"${key}"`);
  return at < 0 ? 1 : lineAt(text, at);
}

/** An .ics holiday calendar: all-day VEVENTs; a SUMMARY with 班 is a make-up working day. */
export function parseHolidayIcs(file: string, text: string): HolidayParse {
  // RFC 5545 folds long lines with CRLF + space; unfolded, each line keeps the number it started on.
  const raw = text.split(/\r?\n/);
  const lines: Array<{ text: string; line: number }> = [];
  raw.forEach((l, i) => {
    const last = lines[lines.length - 1];
    if ((l.startsWith(' ') || l.startsWith('\t')) && last) last.text += l.slice(1);
    else lines.push({ text: l, line: i + 1 });
  });
  if (!lines.some((l) => l.text.trim() === 'BEGIN:VCALENDAR')) return { ok: false, error: `${file}: 第 1 行: 不是 iCalendar 文件（缺少 BEGIN:VCALENDAR）` };
  const days: Located[] = [];
  let event: { start?: string; end?: string; summary?: string; line: number } | null = null;
  const dateOf = (value: string): string | null => {
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
    return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
  };
  for (const { text: l, line } of lines) {
    if (l === 'BEGIN:VEVENT') event = { line };
    else if (l === 'END:VEVENT') {
      if (!event) return { ok: false, error: `${file}: 第 ${line} 行: END:VEVENT 没有对应的 BEGIN:VEVENT` };
      const start = event.start ? dateOf(event.start) : null;
      if (start === null || !validDate(start)) return { ok: false, error: `${file}: 第 ${event.line} 行: 事件缺少全天日期 DTSTART;VALUE=DATE:YYYYMMDD` };
      const end = event.end ? dateOf(event.end) : null;
      if (event.end !== undefined && (end === null || !validDate(end) || end <= start)) return { ok: false, error: `${file}: 第 ${event.line} 行: DTEND 应为晚于 DTSTART 的日期` };
      const summary = event.summary ?? '';
      const off = !/班/.test(summary);
      // DTEND is exclusive; a block is at most a few weeks.
      let d = start;
      for (let n = 0; n < 40 && (end === null ? n === 0 : d < end); n++) {
        days.push({ date: d, name: summary.replace(/[（(]?(休|班|补班|上班)[)）]?$/, '').trim().slice(0, 40), off, line: event.line });
        const t = new Date(`${d}T00:00:00Z`);
        t.setUTCDate(t.getUTCDate() + 1);
        d = t.toISOString().slice(0, 10);
      }
      event = null;
    } else if (event) {
      const m = /^([A-Z-]+)(;[^:]*)?:(.*)$/.exec(l);
      if (m?.[1] === 'DTSTART') event.start = m[3] ?? '';
      if (m?.[1] === 'DTEND') event.end = m[3] ?? '';
      if (m?.[1] === 'SUMMARY') event.summary = (m[3] ?? '').replace(/\\,/g, ',');
    }
  }
  if (event) return { ok: false, error: `${file}: 第 ${event.line} 行: BEGIN:VEVENT 没有结束` };
  // One calendar may hold several years: each year with its 国庆 is a published schedule.
  const byYear = new Map<number, Located[]>();
  for (const d of days) {
    const y = Number(d.date.slice(0, 4));
    byYear.set(y, [...(byYear.get(y) ?? []), d]);
  }
  const years = [...byYear.keys()].filter((y) => byYear.get(y)?.some((d) => d.off && d.date === `${y}-10-01`)).sort();
  if (years.length === 0) return { ok: false, error: `${file}: 没有完整的全年放假安排（找不到任何一年的 10-01 国庆节）` };
  const out: HolidayYear[] = [];
  for (const y of years) {
    const mine = byYear.get(y) ?? [];
    const problem = checkDays(file, y, mine);
    if (problem) return { ok: false, error: problem };
    out.push({ year: y, days: mine.map(({ line: _l, ...d }) => d) });
  }
  return { ok: true, years: out };
}

/** By extension: .json is holiday-cn, .ics an iCalendar; anything else is refused by name. */
export function parseHolidayFile(file: string, text: string): HolidayParse {
  if (text.length > MAX_HOLIDAY_FILE_CHARS) return { ok: false, error: `${file}: 文件过大，不是节假日文件` };
  const body = text.replace(/^\uFEFF/, '');
  if (/\.json$/i.test(file)) return parseHolidayCn(file, body);
  if (/\.ics$/i.test(file)) return parseHolidayIcs(file, body);
  return { ok: false, error: `${file}: 只支持 holiday-cn 的 .json 或 .ics 日历文件` };
}
