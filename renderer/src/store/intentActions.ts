// The renderer's half of main's intents (shared/integrity/intents.ts): each multi-step action is
// begun in main, its records change in one Dexie transaction, and the intent is finished last. The
// same record steps finish an action a crash interrupted, at the next start.
import type { EvidenceRecord } from '../../../shared/domain/evidence';
import type { ActionIntent, PendingIntent } from '../../../shared/integrity/intents';
import { searchInput } from '../../../shared/search/document';
import type { StoreDeps } from './types';

type MoveIntent = Extract<ActionIntent, { kind: 'move' }>;
type DeleteIntent = Extract<ActionIntent, { kind: 'delete' }>;

/** Begins the intent in main, runs `steps`, then finishes it. A failed step leaves the intent for the next start. */
export async function withIntent<T>(deps: StoreDeps, intent: ActionIntent, steps: () => Promise<T>): Promise<T> {
  const begun = await deps.api.beginIntent(intent);
  if (!begun.ok) throw new Error(begun.error.message);
  const out = await steps();
  const finished = await deps.api.finishIntent({ id: begun.value.id });
  if (!finished.ok) console.error('[intent] not finished; the next start will', finished.error);
  return out;
}

export async function applyMove(deps: StoreDeps, intent: MoveIntent, now: string): Promise<void> {
  await deps.transact(async () => {
    await deps.repo.moveEvidence(intent.evidenceId, intent.toCaseId, intent.events, now);
    await deps.extractions.moveCase(intent.evidenceId, intent.toCaseId);
    await deps.search.moveCase(intent.evidenceId, intent.toCaseId);
  });
}

export async function applyDelete(deps: StoreDeps, intent: DeleteIntent): Promise<void> {
  await deps.transact(async () => {
    await deps.repo.removeEvidence(intent.evidenceId, intent.event);
    await deps.extractions.remove(intent.evidenceId);
    await deps.search.remove(intent.evidenceId);
  });
}

/**
 * Writes a restored item's record again, into its own case or (if that case is gone) `fallbackCase`.
 * Returns the case it went to, or the live duplicate's case title when the same bytes are already in use.
 */
export async function applyRestore(
  deps: StoreDeps,
  record: EvidenceRecord,
  fallbackCase: () => Promise<string>,
): Promise<{ duplicateOf: string } | { caseId: string }> {
  const live = (await deps.repo.findBySha([record.sha256])).get(record.sha256);
  if (live) return { duplicateOf: live.caseTitle };
  const caseId = (await deps.repo.getCase(record.caseId)) ? record.caseId : await fallbackCase();
  const now = deps.now();
  const restored = { ...record, caseId };
  await deps.transact(async () => {
    await deps.repo.addEvidence([restored], [{ id: deps.newId(), caseId, at: now, type: 'evidence-added', evidenceId: record.id, detail: record.title }], [caseId], now);
    await deps.search.upsert(searchInput(restored, undefined));
  });
  return { caseId };
}

export interface IntentOutcome {
  finished: number;
  undone: number;
}

/** Makes the records agree with the vault for one intent main settled; true when it was finished, false when undone. */
async function settle(deps: StoreDeps, { intent, vaultDone }: PendingIntent, fallbackCase: () => Promise<string>): Promise<boolean> {
  const row = intent.kind === 'move' || intent.kind === 'delete' ? await deps.repo.getEvidence(intent.evidenceId) : undefined;
  switch (intent.kind) {
    case 'move':
      // The transaction never committed if the row is still in the old case: it is redone whole.
      if (row?.caseId === intent.fromCaseId) await applyMove(deps, intent, intent.events[0]?.at ?? deps.now());
      return row !== undefined;
    case 'delete':
      if (vaultDone && row) await applyDelete(deps, intent);
      return vaultDone;
    case 'restore':
      if (vaultDone && !(await deps.repo.getEvidence(intent.record.id))) await applyRestore(deps, intent.record, fallbackCase);
      return vaultDone;
    case 'import-case':
      // Stored whole or not at all (one transaction); if not, reconcile adopts the copied originals next.
      return (await deps.repo.getCase(intent.caseId)) !== undefined;
  }
}

/** At start-up: finishes or drops every action a crash interrupted, then clears its intent. */
export async function finishPendingIntents(deps: StoreDeps, fallbackCase: () => Promise<string>): Promise<IntentOutcome> {
  const res = await deps.api.pendingIntents({});
  if (!res.ok) throw new Error(res.error.message);
  const outcome: IntentOutcome = { finished: 0, undone: 0 };
  for (const pending of res.value) {
    if (await settle(deps, pending, fallbackCase)) outcome.finished += 1;
    else outcome.undone += 1;
    const done = await deps.api.finishIntent({ id: pending.intent.id });
    if (!done.ok) throw new Error(done.error.message);
  }
  return outcome;
}
