import { useTranslation } from 'react-i18next';
import { refusalSummary } from '../../../shared/bundle/complaint';
import { useApp } from '../app/StoreContext';

/** What the export would lack or get wrong: blocking fields, missing evidence, wording, oversize items. */
export function ExportChecks() {
  const { t } = useTranslation();
  const pre = useApp((s) => s.preflight);
  if (!pre) return null;
  const missing = pre.checklist.entries.filter((e) => e.missing > 0);
  return (
    <div className="export-checks" data-testid="export-checks">
      {pre.errors.some((e) => e.code === 'refused') && (
        <div className="check-block blocking" role="alert" data-testid="export-refusal">
          <strong>{t('complaint.refused')}</strong>
          <ul>{refusalSummary(pre.errors).map((line) => <li key={line}>{line}</li>)}</ul>
        </div>
      )}
      {pre.errors.length > 0 && (
        <div className="check-block blocking" data-testid="export-blocking">
          <strong>{t('export.blocking')}</strong>
          <ul>{pre.errors.map((e) => <li key={e.field}>{e.message}</li>)}</ul>
        </div>
      )}
      {missing.length > 0 && (
        <div className="check-block" data-testid="export-missing">
          <strong>{t('export.missing')}</strong>
          <ul>{missing.map((e) => <li key={e.need.id}>{e.need.label}{e.need.optional ? t('export.optional') : ''}<span className="muted small"> · {e.need.hint}</span></li>)}</ul>
        </div>
      )}
      {pre.lint.length > 0 && (
        <div className="check-block" data-testid="export-lint">
          <strong>{t('export.lint')}</strong>
          <ul>{pre.lint.map((l, i) => <li key={i}>{l.message}</li>)}</ul>
        </div>
      )}
      {pre.oversize.length > 0 && (
        <div className="check-block blocking">
          <strong>{t('export.oversize')}</strong>
          <ul>{pre.oversize.map((o) => <li key={o.no}>证据{o.no} {o.title}</li>)}</ul>
        </div>
      )}
      <p className="muted small">{t('export.parts', { count: pre.parts.length })}</p>
    </div>
  );
}
