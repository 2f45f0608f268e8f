// The bundle's timeline: what the buyer recorded and what the evidence itself shows (an order placed,
// a payment, a chat), oldest first, each pointing at the exhibit it came from.
import type { TimeBasis } from '../extract/types';
import type { BundleInput } from './types';
import { exhibitLabel } from './labels';
import { afterExport } from './times';

/** How a row's time was obtained: a basis for times read from evidence, else who recorded it. */
export type TimelineBasis = TimeBasis | 'case' | 'event' | 'chatlog';

export interface TimelineRow {
  /** Local "YYYY-MM-DD[THH:mm[:ss]]"; these sort correctly as text. */
  at: string;
  text: string;
  basis: TimelineBasis;
  /** 证据N, 案件信息 or 案件记录. */
  source: string;
  /** 1-based exhibit number, for a link; null for case facts and events. */
  exhibit: number | null;
}

/** A screenshot full of times (a long chat) would flood the timeline; a few per exhibit tell the story. */
export const STAMPS_PER_EXHIBIT = 4;

const DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?$/;

/**
 * Rows after `exportedAt` are left out: a time in the future is a wrong clock or a wrong reading,
 * and one such row discredits the whole packet. Approximate times appear only when the buyer kept
 * them (the renderer sends only kept fields) and say 约.
 */
export function bundleTimeline(input: Pick<BundleInput, 'case' | 'events' | 'evidence'>, exportedAt: string): TimelineRow[] {
  const rows: TimelineRow[] = [];
  const c = input.case;
  if (DATE.test(c.purchasedAt)) {
    const what = c.item === '' ? '' : `「${c.item}」`;
    rows.push({ at: c.purchasedAt, text: `下单购买${what}${c.orderNumber === '' ? '' : `，订单号 ${c.orderNumber}`}`, basis: 'case', source: '案件信息', exhibit: null });
  }
  for (const e of input.events) if (DATE.test(e.at) && e.text.trim() !== '') rows.push({ at: e.at, text: e.text.trim(), basis: 'event', source: '案件记录', exhibit: null });

  input.evidence.forEach((e, i) => {
    const no = i + 1;
    const source = exhibitLabel(no);
    const timed = (e.messages ?? []).filter((m) => m.at !== null && DATE.test(m.at));
    if (timed.length > 0) {
      const first = timed[0];
      const last = timed[timed.length - 1];
      if (first?.at) rows.push({ at: first.at, text: `聊天记录开始（${e.title}，共 ${e.messages?.length ?? 0} 条消息）`, basis: 'chatlog', source, exhibit: no });
      if (last?.at && last !== first) rows.push({ at: last.at, text: `聊天记录最后一条消息（${e.title}）`, basis: 'chatlog', source, exhibit: no });
      return;
    }
    const seen = new Set<string>();
    const stamps = e.fields.filter((f) => f.type === 'timestamp' && DATE.test(f.value) && !seen.has(f.value) && seen.add(f.value));
    for (const f of stamps.slice(0, STAMPS_PER_EXHIBIT)) {
      const basis = f.basis ?? 'shown';
      const what = f.label ?? (basis === 'shown' ? '截图所示时间' : basis === 'inferred' ? '截图中的相对时间' : '截图中的约略时间，经买家保留');
      rows.push({ at: f.value, text: `${what}（${e.title}）`, basis, source, exhibit: no });
    }
  });

  const unique = new Map<string, TimelineRow>();
  for (const r of rows) unique.set(`${r.at}|${r.text}|${r.source}`, r);
  const kept = [...unique.values()].filter((r) => !afterExport(r.at, exportedAt));
  // Stable: equal times keep case facts, then events, then exhibits in order.
  return kept.map((r, i) => [r, i] as const).sort(([a, ia], [b, ib]) => (a.at < b.at ? -1 : a.at > b.at ? 1 : ia - ib)).map(([r]) => r);
}
