// The one-line details the renderer sends to the audit log for its own changes. Kept short and
// factual: what changed, from what, to what.
import { KIND_LABELS } from '../bundle/labels';
import type { EvidenceRecord } from '../domain/evidence';
import { clampDetail } from './audit';

type EditableEvidence = Pick<EvidenceRecord, 'title' | 'kind' | 'note'>;

/** "标题：旧 → 新；类型：订单 → 支付；备注已修改", or null when nothing changed. */
export function evidenceEditDetail(before: EditableEvidence, patch: Partial<EditableEvidence>): string | null {
  const parts: string[] = [];
  if (patch.title !== undefined && patch.title !== before.title) parts.push(`标题：${before.title} → ${patch.title}`);
  if (patch.kind !== undefined && patch.kind !== before.kind) parts.push(`类型：${KIND_LABELS[before.kind]} → ${KIND_LABELS[patch.kind]}`);
  if (patch.note !== undefined && patch.note !== before.note) parts.push(patch.note === '' ? '备注已清空' : '备注已修改');
  return parts.length === 0 ? null : clampDetail(parts.join('；'));
}

export function moveDetail(title: string, fromCase: string, toCase: string): string {
  return clampDetail(`${title}：「${fromCase}」→「${toCase}」`);
}
