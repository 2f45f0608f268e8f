import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine, formatTrigger, type IcsEvent } from './ics';

const DUE = Date.UTC(2026, 9, 10, 15, 59, 59); // 2026-10-10T23:59:59 Asia/Shanghai
const STAMP = Date.UTC(2026, 8, 30, 2, 0, 0);

const LONG_SUMMARY = '【留证】平台审核期限:淘宝订单 3141592653589793238 游戏点卡卡密无效,要求全额退款;商家「星河数码」🎮 请于截止前补充聊天记录、支付宝账单和激活失败截图';

const EVENTS: IcsEvent[] = [
  {
    uid: 'deadline-1@liuzheng',
    summary: LONG_SUMMARY,
    description: '第一行\n第二行, 含逗号; 分号 \\ 反斜杠',
    dueAt: DUE,
    alarmOffsetsMin: [1440, 120, 0],
  },
  { uid: 'deadline-2@liuzheng', summary: '补充材料', dueAt: DUE + 3_600_000, alarmOffsetsMin: [90, -30] },
];

const utf8 = new TextEncoder();
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function parse(ics: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(ics));
}

function triggerSeconds(alarm: ICAL.Component): number {
  const trigger = alarm.getFirstPropertyValue('trigger');
  if (!(trigger instanceof ICAL.Duration)) throw new Error('TRIGGER is not a duration');
  return trigger.toSeconds();
}

describe('buildIcs parsed back with ical.js', () => {
  const ics = buildIcs(EVENTS, { stampAt: STAMP, calendarName: '留证 期限' });
  const calendar = parse(ics);
  const vevents = calendar.getAllSubcomponents('vevent');

  it('has the calendar header', () => {
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toMatch(/LiuZheng/);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('留证 期限');
  });

  it('round-trips UTF-8 Chinese summaries and escaped descriptions', () => {
    const events = vevents.map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual([LONG_SUMMARY, '补充材料']);
    expect(events.map((e) => e.uid)).toEqual(['deadline-1@liuzheng', 'deadline-2@liuzheng']);
    expect(events[0]?.description).toBe('第一行\n第二行, 含逗号; 分号 \\ 反斜杠');
  });

  it('puts each deadline at its exact instant', () => {
    const starts = vevents.map((v) => new ICAL.Event(v).startDate);
    expect(starts.map((s) => s.toUnixTime() * 1000)).toEqual([DUE, DUE + 3_600_000]);
    expect(starts[0]?.zone.tzid).toBe('UTC');
    expect(vevents[0]?.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-09-30T02:00:00Z');
  });

  it('adds one VALARM per offset with the right trigger', () => {
    const alarms = vevents.map((v) => v.getAllSubcomponents('valarm'));
    expect(alarms.map((list) => list.map(triggerSeconds))).toEqual([
      [-86_400, -7_200, 0],
      [-5_400, 1_800],
    ]);
    for (const alarm of alarms.flat()) {
      expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(alarm.getFirstPropertyValue('description')).toBeTruthy();
    }
  });

  it('uses CRLF and folds at 75 octets without splitting a character', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n').slice(0, -1);
    for (const line of lines) {
      expect(utf8.encode(line).length).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(LONE_SURROGATE);
    }
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
  });

  it('builds an empty but valid calendar', () => {
    expect(parse(buildIcs([], { stampAt: STAMP })).getAllSubcomponents('vevent')).toEqual([]);
  });
});

describe('foldLine', () => {
  it.each([
    ['ascii', 'SUMMARY:' + 'x'.repeat(200)],
    ['three-byte CJK', 'SUMMARY:' + '退'.repeat(80)],
    ['four-byte emoji at every offset', 'SUMMARY:a' + '🎮'.repeat(60)],
    ['mixed', 'SUMMARY:' + 'ab退🎮'.repeat(40)],
  ])('%s: every physical line ≤ 75 octets, and unfolding restores it', (_name, line) => {
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) {
      expect(utf8.encode(part).length).toBeLessThanOrEqual(75);
      expect(part).not.toMatch(LONE_SURROGATE);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('fills lines up to the limit', () => {
    const [first, second] = foldLine('x'.repeat(150)).split('\r\n');
    expect(first).toHaveLength(75);
    expect(second).toHaveLength(75);
  });

  it('leaves a short line alone', () => {
    expect(foldLine('BEGIN:VEVENT')).toBe('BEGIN:VEVENT');
  });
});

describe('text values', () => {
  it.each([
    ['a,b;c\\d', 'a\\,b\\;c\\\\d'],
    ['line1\r\nline2\nline3\rline4', 'line1\\nline2\\nline3\\nline4'],
    ['bell\u0007tab\tok', 'belltab\tok'],
    ['中文：冒号不转义', '中文：冒号不转义'],
  ])('escapeText(%j) = %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it.each([
    [1440, '-P1D'],
    [120, '-PT2H'],
    [0, 'PT0S'],
    [90, '-PT1H30M'],
    [1500, '-P1DT1H'],
    [-30, 'PT30M'],
  ])('formatTrigger(%i) = %s', (minutes, trigger) => {
    expect(formatTrigger(minutes)).toBe(trigger);
  });
});
