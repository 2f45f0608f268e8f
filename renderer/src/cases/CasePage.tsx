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
import { SevenDayWarning } from './SevenDayWarning';
import { Timeline } from '../evidence/Timeline';

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
