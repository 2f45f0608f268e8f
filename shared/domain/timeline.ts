// The case timeline mixes what happened in the app with the times the evidence itself shows (an
// order placed, a chat sent), so the buyer sees the dispute in one order.
import type { TimeBasis } from '../extract/types';
import type { CaseEvent } from './events';
import type { CaptureSource } from './evidence';

export type TimelineItem =
  | { kind: 'event'; at: string; event: CaseEvent }
  | ({ kind: 'stamp' } & EvidenceStamp);

export interface EvidenceStamp {
  at: string;
  evidenceId: string;
  title: string;
  /** How the time was obtained; approximate ones are shown as 约 with what they were reckoned from. */
  basis: TimeBasis;
  /** The capture time's source, which an approximate time was reckoned from. */
  captureSource: CaptureSource | null;
}

/** Newest first. Local "YYYY-MM-DD[THH:mm[:ss]]" strings sort correctly as text. */
export function buildTimeline(events: readonly CaseEvent[], stamps: readonly EvidenceStamp[]): TimelineItem[] {
  const seen = new Set<string>();
  const items: TimelineItem[] = events.map((event) => ({ kind: 'event', at: event.at, event }));
  for (const s of stamps) {
    // The same time read twice from one screenshot (a header and a footer) is one moment.
    const key = `${s.evidenceId}|${s.at}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({ kind: 'stamp', ...s });
  }
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
