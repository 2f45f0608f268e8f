// RFC 5545 export so buyers can carry their deadlines to a phone calendar.
//
// Times are written in UTC ("…Z") rather than TZID=Asia/Shanghai + VTIMEZONE: a UTC
// instant needs no VTIMEZONE, which some phone calendars ignore or mishandle for custom
// TZIDs, and every client shows it in the viewer's own zone. Shanghai has no DST, so
// nothing is lost; a buyer travelling abroad sees the real moment the deadline passes.

const CRLF = '\r\n';
const MAX_OCTETS = 75;

export interface IcsEvent {
  /** Stable across exports, so re-importing updates the event instead of duplicating it. */
  uid: string;
  summary: string;
  description?: string;
  /** Epoch ms of the deadline. */
  dueAt: number;
  /** Minutes before dueAt; one VALARM each. Negative means after. */
  alarmOffsetsMin?: readonly number[];
}

export interface IcsOptions {
  /** Epoch ms written as DTSTAMP; passed in so the output is deterministic. */
  stampAt: number;
  calendarName?: string;
}

/** Escapes a TEXT value (RFC 5545 §3.3.11) and drops control characters it forbids. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line at 75 octets (RFC 5545 §3.1). Counting UTF-8 bytes per code
 * point keeps a Chinese character or an emoji whole on one side of the fold.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0) ?? 0);
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      // The continuation's leading space counts toward its 75 octets.
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function formatUtc(ms: number): string {
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}`;
  return `${date}T${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}${pad2(d.getUTCSeconds())}Z`;
}

/** An alarm trigger relative to DTSTART: 1440 → "-P1D", 120 → "-PT2H", 0 → "PT0S", -30 → "PT30M". */
export function formatTrigger(offsetMin: number): string {
  const sign = offsetMin > 0 ? '-' : '';
  let rest = Math.abs(Math.round(offsetMin));
  if (rest === 0) return 'PT0S';
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const minutes = rest - hours * 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}`;
  return `${sign}P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

function eventLines(event: IcsEvent, stamp: string): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    // A deadline is a moment, not a span; RFC 5545 §3.6.1 gives a DATE-TIME DTSTART with
    // no DTEND a zero duration. TRANSPARENT keeps it from blocking free/busy time.
    `DTSTART:${formatUtc(event.dueAt)}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  lines.push('TRANSP:TRANSPARENT');
  for (const offset of new Set(event.alarmOffsetsMin ?? [])) {
    if (!Number.isFinite(offset)) continue;
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(event.summary)}`,
      `TRIGGER:${formatTrigger(offset)}`,
      'END:VALARM',
    );
  }
  lines.push('END:VEVENT');
  return lines;
}

/** A complete VCALENDAR with one VEVENT per deadline; CRLF line ends, folded, UTF-8 text. */
export function buildIcs(events: readonly IcsEvent[], options: IcsOptions): string {
  const stamp = formatUtc(options.stampAt);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//LiuZheng//Deadlines 1.0//ZH', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.calendarName) lines.push(`X-WR-CALNAME:${escapeText(options.calendarName)}`);
  for (const event of events) lines.push(...eventLines(event, stamp));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
