import { useApp } from '../StoreContext';
import { isCardShopCase } from '../../../shared/cardshop/record';
import { CardShopPanel } from './CardShopPanel';
import '../complaint.css';
import { CaseHeader } from './CaseHeader';
import { CaseHistory } from './CaseHistory';
import { DeadlinePanel } from './DeadlinePanel';
import { DropZone } from './DropZone';
import { ExportDialog } from './ExportDialog';
import { EvidenceGrid } from './EvidenceGrid';
import { ImportToolbar } from './ImportToolbar';
import { OcrQueuePanel } from './OcrQueuePanel';
import { ScamAlert } from './ScamAlert';
import { SevenDayWarning } from './SevenDayWarning';
import { Timeline } from './Timeline';

export function CasePage({ caseId }: { caseId: string }) {
  const record = useApp((s) => s.cases.find((c) => c.id === caseId));
  const loaded = useApp((s) => s.caseLoaded);
  if (!record) return null;

  return (
    <div className="case-page" data-testid="case-page" data-ready={loaded ? 'true' : 'false'}>
      <CaseHeader record={record} />
      <ScamAlert />
      <SevenDayWarning record={record} />
      <div className="case-body">
        <DropZone caseId={caseId}>
          <ImportToolbar caseId={caseId} />
          <OcrQueuePanel />
          <EvidenceGrid />
        </DropZone>
        <ExportDialog caseId={caseId} />
        <div className="case-side">
          <DeadlinePanel caseId={caseId} />
          {isCardShopCase(record.platform) && <CardShopPanel record={record} />}
          <Timeline />
        </div>
      </div>
      <CaseHistory caseId={caseId} />
    </div>
  );
}
