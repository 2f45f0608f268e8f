// Asia/Shanghai has used a fixed UTC+8 with no DST since 1991, so wall-clock conversion is exact
// arithmetic and never depends on the machine's own time zone.
const OFFSET_MS = 8 * 60 * 60 * 1000;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An instant as Asia/Shanghai wall-clock "YYYY-MM-DDTHH:mm:ss". */
export function toShanghaiLocal(instant: Date | number): string {
  const d = new Date((typeof instant === 'number' ? instant : instant.getTime()) + OFFSET_MS);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Asia/Shanghai wall-clock text back to epoch ms, or null when it is not a real date-time. */
export function fromShanghaiLocal(text: string): number | null {
  const m = LOCAL_RE.exec(text);
  if (!m) return null;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1).map((v) => (v === undefined ? undefined : Number(v)));
  if (y === undefined || mo === undefined || d === undefined) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(utc);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return utc - OFFSET_MS;
}

/** "2026-11-17T12:03:04" → "2026-11-17 12:03" for display. */
export function formatLocal(text: string, withSeconds = false): string {
  if (!text) return '';
  const [date, time = ''] = text.split('T');
  return time ? `${date} ${withSeconds ? time : time.slice(0, 5)}` : (date ?? '');
}
