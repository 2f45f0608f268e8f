// The case timeline: an append-only list of what happened, each with its local time.
import type { CaseStatus } from './case';

export const EVENT_TYPES = [
  'case-created',
  'case-updated',
  'status-changed',
  'evidence-added',
  'evidence-moved-in',
  'evidence-moved-out',
  'evidence-removed',
  'evidence-recovered',
  'deadline-added',
  'deadline-done',
  // An event brought in with an imported case.json: its detail is the event's own text.
  'note',
  // The case came from a case folder; its own history follows as notes.
  'case-imported',
] as const;
export type CaseEventType = (typeof EVENT_TYPES)[number];

export interface CaseEvent {
  id: string;
  caseId: string;
  /** Local Asia/Shanghai "YYYY-MM-DDTHH:mm:ss". */
  at: string;
  type: CaseEventType;
  evidenceId: string | null;
  /** A short, already-human text: a file title, the other case's title, a status id. */
  detail: string;
  status?: CaseStatus;
}
