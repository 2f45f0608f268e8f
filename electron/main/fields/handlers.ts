// Maps the fields:* channels onto the fields service, and says what setting a capture time writes to
// the audit log.
import { CAPTURE_SOURCE_LABELS } from '../../../shared/bundle/labels';
import type { FieldsApi } from '../../../shared/fields/contract';
import type { AuditDecoration } from '../integrity/decorate';
import type { FieldsService } from './service';

export function createFieldsHandlers(fields: FieldsService): FieldsApi {
  return {
    'fields:read': ({ sha256 }) => fields.read(sha256),
    'fields:setCaptureTime': ({ sha256, capturedAt }) => fields.setCaptureTime(sha256, capturedAt),
  };
}

const spaced = (at: string) => at.replace('T', ' ');

export const fieldsAudit: AuditDecoration<FieldsApi> = {
  'fields:setCaptureTime': (req, reply) => [
    {
      action: 'edit',
      caseId: req.caseId,
      evidenceId: req.evidenceId,
      sha256: req.sha256,
      detail:
        reply.previous === null
          ? `截图时间设为 ${spaced(reply.capturedAt)}（用户核对设定）`
          : `截图时间：${spaced(reply.previous.capturedAt)}（${CAPTURE_SOURCE_LABELS[reply.previous.captureSource]}）→ ${spaced(reply.capturedAt)}（用户核对设定）`,
    },
  ],
};
