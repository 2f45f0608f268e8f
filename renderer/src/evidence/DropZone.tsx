import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasFiles, readDataTransfer } from './readDrop';
import { useApp } from '../app/StoreContext';

export function DropZone({ caseId, children }: { caseId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const importInto = useApp((s) => s.importInto);
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child element; count them so the overlay does not flicker.
  const depth = useRef(0);

  return (
    <section
      className={over ? 'drop-zone drop-over' : 'drop-zone'}
      data-testid="drop-zone"
      onDragEnter={(e) => {
        if (!hasFiles(e.dataTransfer)) return;
        depth.current += 1;
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e.dataTransfer)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        void readDataTransfer(e.dataTransfer).then(async (files) => {
          if (files.length > 0) await importInto(caseId, { via: 'dropped', files });
        });
      }}
    >
      {children}
      {over && (
        <div className="drop-overlay" aria-hidden="true">
          {t('evidence.dropNow')}
        </div>
      )}
    </section>
  );
}
