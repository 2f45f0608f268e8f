// Turns what main stored into records the renderer will write, deciding duplicates and defaults.
import type { BlobInfo, EvidenceKind, EvidenceRecord, ImportSource } from './evidence';
import type { CaseEvent } from './events';
import type { ImportBatch, ImportFailure } from '../ipc/contract';

export interface ExistingEvidence {
  evidenceId: string;
  caseId: string;
  caseTitle: string;
}

export interface DuplicateNotice {
  file: string;
  sha256: string;
  existing: ExistingEvidence;
}

export interface ImportPlan {
  records: EvidenceRecord[];
  events: CaseEvent[];
  duplicates: DuplicateNotice[];
  failures: ImportFailure[];
}

const KIND_HINTS: [RegExp, EvidenceKind][] = [
  [/(微信|wechat|wx_|mmexport|qq|聊天|客服|chat)/i, 'chat'],
  [/(支付|账单|付款|收据|alipay|receipt|bill|payment)/i, 'payment'],
  [/(订单|order)/i, 'order'],
  [/(物流|快递|运单|logistics|tracking|express)/i, 'logistics'],
  [/(规则|协议|政策|条款|policy|terms|agreement)/i, 'policy'],
  [/(瑕疵|破损|损坏|defect|damage)/i, 'defect'],
];

/** A first guess the buyer can change; a wrong guess costs one click, a blank costs more. */
export function guessKind(blob: Pick<BlobInfo, 'mediaType' | 'originalName'>): EvidenceKind {
  if (blob.mediaType === 'video') return 'video';
  if (blob.mediaType === 'audio') return 'audio';
  if (blob.mediaType === 'text') return 'chat';
  const hit = KIND_HINTS.find(([re]) => re.test(blob.originalName));
  return hit ? hit[1] : 'other';
}

export function defaultTitle(blob: Pick<BlobInfo, 'originalName'>, source: ImportSource, capturedAt: string): string {
  if (source === 'clipboard') return `剪贴板截图 ${capturedAt.replace('T', ' ').slice(0, 16)}`;
  const base = blob.originalName.split(/[\\/]/).pop() ?? blob.originalName;
  return base.replace(/\.[^.]+$/, '') || base;
}

export function planImport(
  batch: ImportBatch,
  caseId: string,
  existingBySha: ReadonlyMap<string, ExistingEvidence>,
  ctx: { now: string; newId: () => string; caseTitle: string },
): ImportPlan {
  const plan: ImportPlan = { records: [], events: [], duplicates: [], failures: [...batch.failures] };
  // The same bytes twice in one batch (a folder holding a copy) are one piece of evidence too.
  const known = new Map(existingBySha);
  for (const item of batch.items) {
    const { blob } = item;
    const existing = known.get(blob.sha256);
    if (existing) {
      plan.duplicates.push({ file: blob.originalName, sha256: blob.sha256, existing });
      continue;
    }
    const record: EvidenceRecord = {
      ...blob,
      id: ctx.newId(),
      caseId,
      kind: guessKind(blob),
      title: defaultTitle(blob, item.source, blob.capturedAt),
      note: '',
      importedAt: ctx.now,
      importSource: item.source,
    };
    plan.records.push(record);
    known.set(blob.sha256, { evidenceId: record.id, caseId, caseTitle: ctx.caseTitle });
    plan.events.push({
      id: ctx.newId(),
      caseId,
      at: ctx.now,
      type: item.source === 'recovered' ? 'evidence-recovered' : 'evidence-added',
      evidenceId: record.id,
      detail: record.title,
    });
  }
  return plan;
}
