import { useTranslation } from 'react-i18next';
import type { CaseHistory } from '../../../shared/integrity/contract';

export function ChainBadge({ history }: { history: CaseHistory }) {
  const { t } = useTranslation();
  if (!history.intact) {
    // The most specific finding: a cut end, a replaced entry, or a rewrite without the key.
    const kinds = new Set(history.issues.map((i) => i.kind));
    const key = kinds.has('truncated')
      ? 'integrity.history.truncated'
      : kinds.has('rewritten')
        ? 'integrity.history.rewritten'
        : kinds.has('bad-mac') || kinds.has('unkeyed')
          ? 'integrity.history.unkeyed'
          : 'integrity.history.broken';
    return (
      <span className="chain-badge chain-bad" data-testid="chain-status" data-intact="false" data-finding={key.split('.').pop()}>
        ⚠ {t(key)}
      </span>
    );
  }
  const crashed = history.issues.length > 0;
  return (
    <span className={crashed ? 'chain-badge chain-warn' : 'chain-badge chain-ok'} data-testid="chain-status" data-intact="true" title={crashed ? t('integrity.history.crash') : undefined}>
      ✓ {t('integrity.history.intact')}
      {crashed && ` · ${t('integrity.history.crash')}`}
    </span>
  );
}
