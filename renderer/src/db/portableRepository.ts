// Storage for the portable case folder: an imported case lands in one transaction (case, details,
// evidence, events), so a failure leaves no half case behind; the originals are already in the vault
// and reconcile would re-adopt them.
import { caseDetailsOf } from '../../../shared/portable/mapping';
import type { CaseDetails, ImportedCase } from '../../../shared/portable/mapping';
import type { LiuZhengDb } from './db';

export function createPortableRepository(db: LiuZhengDb) {
  return {
    async details(caseId: string): Promise<CaseDetails | undefined> {
      // Rows saved by older builds lack the Order 121 fields and the card-shop record: filled field by field.
      const row = await db.caseDetails.get(caseId);
      return row ? caseDetailsOf(row) : undefined;
    },

    async saveDetails(details: CaseDetails): Promise<void> {
      await db.caseDetails.put(details);
    },

    async importCase(c: ImportedCase): Promise<void> {
      await db.transaction('rw', [db.cases, db.caseDetails, db.evidence, db.events], async () => {
        await db.cases.add(c.record);
        await db.caseDetails.put(c.details);
        await db.evidence.bulkAdd(c.evidence);
        await db.events.bulkAdd(c.events);
      });
    },
  };
}

export type PortableRepository = ReturnType<typeof createPortableRepository>;
