// How the second reader's flags line up with the truth, for the `scan CLI` column: a right value it
// does not confirm is a needless 请核对 for the buyer; a wrong value it confirms is the failure the
// cross-check exists to prevent. Both are counted, per set.
import type { Agreement } from '../../electron/main/ocr/confirm';
import type { CorpusTruth } from '../../tests/ocr-corpus/truth';
import type { ScanJson } from '../../shared/extract';

export interface AgreementTally {
  /** Right values the second reader confirmed / flagged / could not check (no box). */
  rightAgreed: number;
  rightFlagged: number;
  rightUnchecked: number;
  /** Wrong values it confirmed (bad) / flagged (good) / could not check. */
  wrongAgreed: number;
  wrongFlagged: number;
  wrongUnchecked: number;
}

export const emptyAgreement = (): AgreementTally => ({ rightAgreed: 0, rightFlagged: 0, rightUnchecked: 0, wrongAgreed: 0, wrongFlagged: 0, wrongUnchecked: 0 });

/** Adds one image's flags; a scan line without `agree` (no second reader) adds nothing. */
export function tallyAgreement(tally: AgreementTally, truth: CorpusTruth, got: ScanJson & { agree?: Agreement }): void {
  const agree = got.agree;
  if (!agree) return;
  const add = (right: boolean, flag: boolean | null | undefined): void => {
    const key = `${right ? 'right' : 'wrong'}${flag === true ? 'Agreed' : flag === false ? 'Flagged' : 'Unchecked'}` as const;
    tally[key]++;
  };
  got.orderNumbers.forEach((v, i) => add(truth.orderNumbers.includes(v) || truth.transactionIds.includes(v), agree.orderNumbers[i]));
  got.transactionIds.forEach((v, i) => add(truth.transactionIds.includes(v) || truth.orderNumbers.includes(v), agree.transactionIds[i]));
  got.timestamps.forEach((v, i) => add(truth.timestamps.includes(v), agree.timestamps[i]));
  if (got.amount !== null) add(got.amount === truth.amount, agree.amount);
}

export function agreementLine(set: string, t: AgreementTally): string {
  const right = t.rightAgreed + t.rightFlagged + t.rightUnchecked;
  const wrong = t.wrongAgreed + t.wrongFlagged + t.wrongUnchecked;
  const share = right === 0 ? '—' : `${((t.rightAgreed * 100) / right).toFixed(1)}%`;
  return (
    `second reader on ${set}: ${t.rightAgreed} of ${right} right values confirmed (${share}; ${t.rightFlagged} flagged 请核对 needlessly, ${t.rightUnchecked} unboxed); ` +
    `${wrong} wrong values: ${t.wrongFlagged} flagged, ${t.wrongAgreed} confirmed, ${t.wrongUnchecked} unboxed`
  );
}
