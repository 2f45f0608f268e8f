import { useApp } from '../app/StoreContext';
import { isCardShopCase } from '../../../shared/cardshop/record';
import { CardShopPanel } from './CardShopPanel';
import '../complaint/complaint.css';
import { CaseHeader } from './CaseHeader';
import { CaseHistory } from './CaseHistory';
import { DeadlinePanel } from '../deadlines/DeadlinePanel';
import { DropZone } from '../evidence/DropZone';
import { ExportDialog } from '../export/ExportDialog';
import { EvidenceGrid } from '../evidence/EvidenceGrid';
import { ImportToolbar } from '../evidence/ImportToolbar';
import { OcrQueuePanel } from '../ocr-review/OcrQueuePanel';
import { ScamAlert } from '../evidence/ScamAlert';
import { Timeline } from '../evidence/Timeline';
import { CaseOutlook } from './CaseOutlook';

export function CasePage({ caseId }: { caseId: string }) {
  const record = useApp((s) => s.cases.find((c) => c.id === caseId));
  const loaded = useApp((s) => s.caseLoaded);
  if (!record) return null;

  return (
    <div className="case-page" data-testid="case-page" data-ready={loaded ? 'true' : 'false'}>
      <CaseHeader record={record} />
      <ScamAlert />
      <div className="case-body">
        <DropZone caseId={caseId}>
          <ImportToolbar caseId={caseId} />
          <OcrQueuePanel />
          <EvidenceGrid />
        </DropZone>
        <ExportDialog caseId={caseId} />
        <div className="case-side">
          {/* The 七日无理由 verdict (and its exclusion), the checklist and the first deadline, where a new case opens. */}
          <CaseOutlook record={record} />
          <DeadlinePanel caseId={caseId} />
          {isCardShopCase(record.platform) && <CardShopPanel record={record} />}
          <Timeline />
        </div>
      </div>
      <CaseHistory caseId={caseId} />
    </div>
  );
}
