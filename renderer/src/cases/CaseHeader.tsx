import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../../shared/domain/case';
import { formatLocal } from '../../../shared/time/shanghai';
import { useApp } from '../app/StoreContext';
import { CaseFolderButton } from './CaseFolderButton';
import { StatusControl } from './StatusControl';

export function CaseHeader({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const setEditing = useApp((s) => s.setEditing);
  const setExportOpen = useApp((s) => s.setExportOpen);
  const facts: [string, string][] = [
    [t('form.shop'), record.shop],
    [t('form.item'), record.item],
    [t('form.orderNumber'), record.orderNumber],
    [t('form.amount'), record.amount && `¥${record.amount}`],
    [t('form.purchasedAt'), formatLocal(record.purchasedAt)],
    [t('form.signedAt'), formatLocal(record.signedAt)],
    [t('form.goodsType'), record.goodsType === 'virtual' && record.virtualState ? `${t('goodsType.virtual')} · ${t(`virtualState.${record.virtualState}`)}` : t(`goodsType.${record.goodsType}`)],
    [t('form.remedy'), record.remedy],
  ];

  return (
    <header className="case-header">
      <div className="case-header-top">
        <span className={`platform-badge platform-${record.platform}`}>{t(`platform.${record.platform}`)}</span>
        <h1 data-testid="case-title">{record.title}</h1>
        <StatusControl record={record} />
        <span className="issue-chip">{t(`issueType.${record.issueType}`)}</span>
        <span className="spacer" />
        <button type="button" className="ghost" data-testid="edit-case" onClick={() => setEditing(record.id)}>
          {t('cases.edit')}
        </button>
        <CaseFolderButton caseId={record.id} />
        <button type="button" className="primary" data-testid="open-export" onClick={() => setExportOpen(true)}>
          {t('export.open')}
        </button>
      </div>
      <dl className="case-facts">
        {facts
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd className={k === t('form.orderNumber') ? 'mono' : undefined}>{v}</dd>
            </div>
          ))}
      </dl>
    </header>
  );
}
