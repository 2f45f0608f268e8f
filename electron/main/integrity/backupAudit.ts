// Backups and restores belong in the audit log, but the backup service must not depend on it:
// these hooks are the one place the two meet (the app and the e2e harness both use them).
import type { BackupCreated } from '../../../shared/backup/contract';
import type { RestoredInfo } from '../backup/service';
import type { AuditLog } from './audit';

export function backupAuditHooks(audit: AuditLog) {
  return {
    auditHead: () => audit.head(),
    onBackedUp: async (info: BackupCreated): Promise<void> => {
      const lock = info.encrypted ? '，已加密' : '';
      await audit.record({ action: 'backup', caseId: null, evidenceId: null, sha256: null, detail: `${info.fileName}（${info.files} 个文件${lock}）` });
    },
    onRestored: async (info: RestoredInfo): Promise<void> => {
      // The restored vault carries its own log; the entry must chain onto that one, not the old head.
      await audit.reopen();
      // The restored log must still reach the head the backup recorded; a log cut short reads as 记录被截断.
      if (info.auditHead) audit.anchor(info.auditHead);
      const detail = `${info.fileName}（备份于 ${info.createdAt}；${info.cases} 个案件，${info.evidence} 份证据，${info.blobs} 个原件）`;
      await audit.record({ action: 'vault-restore', caseId: null, evidenceId: null, sha256: null, detail });
    },
  };
}
