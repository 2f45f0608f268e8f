import { useApp } from '../StoreContext';
import { CaseHeader } from './CaseHeader';
import { CaseHistory } from './CaseHistory';
import { DeadlinePanel } from './DeadlinePanel';
import { DropZone } from './DropZone';
import { ExportDialog } from './ExportDialog';
import { EvidenceGrid } from './EvidenceGrid';
import { ImportToolbar } from './ImportToolbar';
import { OcrQueuePanel } from './OcrQueuePanel';
import { ScamAlert } from './ScamAlert';
import { CaseOutlook } from './CaseOutlook';
import { Timeline } from './Timeline';

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
          <Timeline />
        </div>
      </div>
      <CaseHistory caseId={caseId} />
    </div>
  );
}
