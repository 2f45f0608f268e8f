// Holiday files (issue 12): good, malformed, wrong year, a conflicting day, in both formats; and the
// calendar once a file is installed. The 2027 schedule here is made up for the test (the real one
// is whatever the State Council publishes); only its shape matters.
import { afterEach, describe, expect, it } from 'vitest';
import { computeDue } from '../deadlines/due';
import { dayInfo, installHolidayYears } from '../deadlines/calendar';
import { parseHolidayFile } from './parse';

const day = (date: string, name: string, isOffDay: boolean) => ({ name, date, isOffDay });
const CN_2027 = {
  year: 2027,
  papers: ['https://www.gov.cn/…'],
  days: [
    day('2027-01-01', '元旦', true),
    day('2027-01-02', '元旦', true),
    day('2027-01-03', '元旦', true),
    day('2027-02-05', '春节', true),
    day('2027-02-06', '春节', true),
    day('2027-02-07', '春节', true),
    day('2027-02-08', '春节', true),
    day('2027-02-09', '春节', true),
    day('2027-02-10', '春节', true),
    day('2027-02-11', '春节', true),
    day('2027-02-20', '春节', false),
    day('2027-10-01', '国庆节', true),
    day('2027-10-02', '国庆节', true),
  ],
};
const json = (v: unknown) => JSON.stringify(v, null, 2);

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//holidays//CN',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20270101',
  'DTEND;VALUE=DATE:20270104',
  'SUMMARY:元旦（休）',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20270220',
  'SUMMARY:春节（班）',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20271001',
  'DTEND;VALUE=DATE:20271008',
  'SUMMARY:国庆节',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

afterEach(() => installHolidayYears([]));

describe('parseHolidayFile', () => {
  it('reads a holiday-cn year', () => {
    const r = parseHolidayFile('2027.json', json(CN_2027));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.years.map((y) => [y.year, y.days.length])).toEqual([[2027, 13]]);
    expect(r.years[0]?.days.find((d) => d.date === '2027-02-20')).toEqual({ date: '2027-02-20', name: '春节', off: false });
  });

  it('reads an .ics calendar, DTEND exclusive, 班 as a working day', () => {
    const r = parseHolidayFile('holidays.ics', ICS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const days = r.years[0]?.days ?? [];
    expect(days.filter((d) => d.off).map((d) => d.date)).toEqual(['2027-01-01', '2027-01-02', '2027-01-03', ...[1, 2, 3, 4, 5, 6, 7].map((n) => `2027-10-0${n}`)]);
    expect(days.filter((d) => !d.off)).toEqual([{ date: '2027-02-20', name: '春节', off: false }]);
  });

  it.each([
    ['malformed JSON, with its line', '2027.json', '{\n  "year": 2027,\n  "days": [\n    {"date": "2027-01-01" "isOffDay": true}\n  ]\n}', /^2027\.json: 第 4 行: 不是有效的 JSON$/],
    ['a bad date, with its line', '2027.json', json({ ...CN_2027, days: [...CN_2027.days, day('2027-02-30', '春节', true)] }), /^2027\.json: 第 \d+ 行: days\[13\]\.date 应为有效日期/],
    ['missing isOffDay', '2027.json', json({ year: 2027, days: [{ date: '2027-01-01', name: '元旦' }] }), /^2027\.json: 第 5 行: days\[0\]\.isOffDay/],
    ['a day of another year (wrong year)', '2027.json', json({ ...CN_2027, days: [...CN_2027.days, day('2026-05-01', '劳动节', true)] }), /^2027\.json: 第 \d+ 行: 2026-05-01 不属于 2027 年$/],
    ['a file for another year than it says', '2027.json', json({ ...CN_2027, year: 2028 }), /2027-01-01 不属于 2028 年/],
    ['a conflicting day', '2027.json', json({ ...CN_2027, days: [...CN_2027.days, day('2027-02-08', '春节', false)] }), /第 \d+ 行: 2027-02-08 与第 \d+ 行矛盾/],
    ['no 国庆: not a whole year', '2027.json', json({ year: 2027, days: [day('2027-01-01', '元旦', true)] }), /没有 2027-10-01/],
    ['an array instead of the object', '2027.json', '[]', /第 1 行: 应为 holiday-cn 格式/],
    ['an .ics without VCALENDAR', 'x.ics', 'hello', /^x\.ics: 第 1 行: 不是 iCalendar 文件/],
    ['an .ics event without a date', 'x.ics', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:元旦\nEND:VEVENT\nEND:VCALENDAR', /^x\.ics: 第 2 行: 事件缺少全天日期/],
    ['an .ics conflicting day', 'x.ics', ICS.replace('DTSTART;VALUE=DATE:20270220', 'DTSTART;VALUE=DATE:20271002'), /2027-10-02 与第 \d+ 行矛盾/],
    ['another extension', 'holidays.xlsx', 'PK', /只支持/],
    ['an empty file', '2027.json', '', /不是有效的 JSON/],
  ])('refuses %s, naming the file and line', (_name, file, text, message) => {
    const r = parseHolidayFile(file, text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe('the calendar with a loaded year', () => {
  it('is provisional for 2027 until a file is loaded, then exact', () => {
    // 2026-12-30 plus 3 working days runs into January 2027.
    const before = computeDue({ length: 3, unit: 'working-days' }, '2026-12-30T10:00');
    expect(before.provisional).toBe(true);
    const r = parseHolidayFile('2027.json', json(CN_2027));
    if (!r.ok) throw new Error(r.error);
    installHolidayYears(r.years);
    expect(dayInfo('2027-01-02')).toMatchObject({ working: false, official: true, holiday: '元旦' });
    expect(dayInfo('2027-02-20')).toMatchObject({ working: true, official: true, makeUp: true });
    const after = computeDue({ length: 3, unit: 'working-days' }, '2026-12-30T10:00');
    // 12/31 (Thu), then 1/1–1/3 off, 1/4 (Mon), 1/5 (Tue).
    expect(after).toMatchObject({ due: '2027-01-05T23:59:59', provisional: false });
  });

  it('keeps the bundled data for years no file covers', () => {
    installHolidayYears([{ year: 2027, days: [{ date: '2027-10-01', name: '国庆节', off: true }] }]);
    expect(dayInfo('2026-10-08')).toMatchObject({ official: true });
    expect(dayInfo('2026-10-01')).toMatchObject({ working: false, holiday: '国庆节' });
  });
});
