import { useTranslation } from 'react-i18next';
import { useApp } from '../app/StoreContext';
import type { IntegrityTab } from './integritySlice';
import { IntegrityMessages } from './IntegrityMessages';
import { TrashView } from '../evidence/TrashView';
import { VaultCheckView } from './VaultCheckView';
import { VerifyBundleView } from './VerifyBundleView';
import './integrity.css';

const TABS: readonly IntegrityTab[] = ['trash', 'check', 'verify'];

export function IntegrityPage({ tab }: { tab: IntegrityTab }) {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  return (
    <div className="integrity-page" data-testid="integrity-page">
      <div>
        <h1>{t('integrity.pageTitle')}</h1>
        <p className="integ-lead">{t('integrity.pageLead')}</p>
      </div>
      <div className="integ-tabs" role="tablist">
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={id === tab}
            className={id === tab ? 'active' : undefined}
            data-testid={`integrity-tab-${id}`}
            onClick={() => void navigate({ name: 'integrity', tab: id })}
          >
            {t(`integrity.tabs.${id}`)}
          </button>
        ))}
      </div>
      <IntegrityMessages />
      {tab === 'trash' ? <TrashView /> : tab === 'check' ? <VaultCheckView /> : <VerifyBundleView />}
    </div>
  );
}
