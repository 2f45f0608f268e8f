// Per-field recall and precision of scan results against the corpus truth.
import type { ScanJson } from '../../shared/extract';
import type { CorpusTruth } from '../../tests/ocr-corpus/truth';

export const FIELDS = ['orderNumbers', 'transactionIds', 'ids', 'timestamps', 'amount', 'platform', 'kind', 'scam'] as const;
export type FieldName = (typeof FIELDS)[number];

export interface Tally {
  /** Values the truth has. */
  expected: number;
  /** Values reported. */
  found: number;
  /** Reported and true. */
  correct: number;
}

export type Score = Record<FieldName, Tally>;

export interface Miss {
  file: string;
  field: FieldName;
  missing: string[];
  wrong: string[];
}

const empty = (): Tally => ({ expected: 0, found: 0, correct: 0 });

export function emptyScore(): Score {
  return {
    orderNumbers: empty(),
    transactionIds: empty(),
    ids: empty(),
    timestamps: empty(),
    amount: empty(),
    platform: empty(),
    kind: empty(),
    scam: empty(),
  };
}

function compareSets(tally: Tally, truth: readonly string[], found: readonly string[]): { missing: string[]; wrong: string[] } {
  const want = new Set(truth);
  const got = new Set(found);
  tally.expected += want.size;
  tally.found += got.size;
  let correct = 0;
  for (const v of got) if (want.has(v)) correct++;
  tally.correct += correct;
  return { missing: [...want].filter((v) => !got.has(v)), wrong: [...got].filter((v) => !want.has(v)) };
}

const single = (v: string | null): string[] => (v === null ? [] : [v]);

/** Adds one image to `score` and returns what it got wrong. */
export function scoreImage(score: Score, truth: CorpusTruth, got: ScanJson): Miss[] {
  const misses: Miss[] = [];
  const check = (field: FieldName, want: readonly string[], found: readonly string[]): void => {
    const r = compareSets(score[field], want, found);
    if (r.missing.length > 0 || r.wrong.length > 0) misses.push({ file: truth.file, field, ...r });
  };
  check('orderNumbers', truth.orderNumbers, got.orderNumbers);
  check('transactionIds', truth.transactionIds, got.transactionIds);
  // Any id in either list: a right id in the wrong list still gets copied into the case correctly.
  check('ids', [...truth.orderNumbers, ...truth.transactionIds], [...got.orderNumbers, ...got.transactionIds]);
  check('timestamps', truth.timestamps, got.timestamps);
  check('amount', single(truth.amount), single(got.amount));
  check('platform', [truth.platform], [got.platform]);
  check('kind', [truth.kind], [got.kind]);
  // Scam counts flagged chats: a missed warning and a false alarm are both errors.
  check('scam', truth.scam ? ['scam'] : [], got.scam ? ['scam'] : []);
  return misses;
}

export const recall = (t: Tally): number => (t.expected === 0 ? 1 : t.correct / t.expected);
export const precision = (t: Tally): number => (t.found === 0 ? 1 : t.correct / t.found);
