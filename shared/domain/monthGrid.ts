// The weeks shown for a month in a Monday-first calendar, as plain "YYYY-MM-DD" days.

export interface GridDay {
  ymd: string;
  inMonth: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymdOf = (utc: Date) => `${utc.getUTCFullYear()}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`;

/** "2026-10" → 5 or 6 whole weeks, Monday first, padded with the neighbouring months' days. */
export function monthGrid(month: string): GridDay[] {
  const [y = 1970, m = 1] = month.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1, 1));
  const lead = (first.getUTCDay() + 6) % 7;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const cells = Math.ceil((lead + daysInMonth) / 7) * 7;
  return Array.from({ length: cells }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1, 1 - lead + i));
    return { ymd: ymdOf(d), inMonth: d.getUTCMonth() === m - 1 };
  });
}

export function shiftMonth(month: string, delta: number): string {
  const [y = 1970, m = 1] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}
